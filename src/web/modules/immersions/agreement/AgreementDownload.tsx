import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  AGREEMENT_LANGUAGES,
  agreementEndpoints as api,
} from '../../../../common/immersions/agreement-endpoints';
import { hrefOf } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';

/** The immersion agreement as a PDF, in the language chosen (the reader's by default), for either party. */
export function AgreementDownload({ requestId }: { requestId: string }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const [lang, setLang] = useState<(typeof AGREEMENT_LANGUAGES)[number]>(language);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setError(null);
    setBusy(true);
    try {
      await downloadFile(hrefOf(api.agreementPdf, { params: { id: requestId }, query: { lang } }), language, {
        fallbackName: 'agreement.pdf',
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack no-print">
      <div className="row">
        <Select
          label={intl.formatMessage({ id: 'immersions.agreement.download_language' })}
          value={lang}
          onChange={(v) => setLang(v as typeof lang)}
          options={AGREEMENT_LANGUAGES.map((l) => ({
            id: l,
            label: intl.formatMessage({ id: `immersions.agreement.language.${l}` }),
          }))}
        />
        <Button variant="secondary" onPress={get} isDisabled={busy}>
          <FormattedMessage id="immersions.agreement.download" />
        </Button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
