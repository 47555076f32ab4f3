import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import type { IndicatorMapQuery } from '../../../../common/observatory/map-schemas';
import { hrefOf } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { W } from '../words';

/** The indicator's table as a workbook built by the server, under the same filters as the page. */
export function XlsxButton({ code, query }: { code: string; query: IndicatorMapQuery }) {
  const { language } = useLanguage();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setError(null);
    setBusy(true);
    try {
      await downloadFile(hrefOf(api.indicatorXlsx, { params: { code }, query }), language, {
        fallbackName: `${code}.xlsx`,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" onPress={get} isDisabled={busy}>
        <FormattedMessage id={W('export_xlsx')} />
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
