import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { can, type Role } from '../../../../common/access/permissions';
import { subjectRightsApi as api, personsApi } from '../../../../common/people/endpoints';
import { personEditLink } from '../../../../common/people/links';
import { hrefOf, useEndpoint, useEndpointMutation } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import type { PersonSlotProps } from '../../../app/module';
import { useSession } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Select } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { TextField } from '../../../app/ui/text-fields';

const m = (id: string) => `people.subject_rights.${id}`;

/**
 * The person's data-subject rights (GDPR art. 15–18, ADR 0032): a copy of everything (PDF in a chosen
 * language, JSON), rectification through the edit form, restriction of processing, and erasure by
 * anonymisation behind a confirmation. Coordinators and organisation administrators; erasure coordinators.
 */
export function SubjectRightsPanel({ personId }: PersonSlotProps) {
  const intl = useIntl();
  const { language } = useLanguage();
  const roles = useSession().roles as Role[];
  const person = useEndpoint(personsApi.get, { params: { id: personId } });
  const refresh = [personsApi.get, personsApi.list];
  const restrict = useEndpointMutation(api.restrict, refresh);
  const lift = useEndpointMutation(api.lift, refresh);
  const erase = useEndpointMutation(api.erase, refresh);
  const [copyLanguage, setCopyLanguage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const p = person.data;
  if (!p) return null;
  const lang = (copyLanguage ?? p.preferredLanguage) as 'fr' | 'nl' | 'en';
  const anonymised = !!p.anonymisedAt;

  const download = async (json: boolean) => {
    setError(null);
    setBusy(true);
    try {
      const href = json
        ? hrefOf(api.exportJson, { params: { id: personId } })
        : hrefOf(api.exportPdf, { params: { id: personId }, query: { language: lang } });
      await downloadFile(href, language, { fallbackName: json ? 'samen.json' : 'samen.pdf' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const languageName = (l: string) => intl.formatDisplayName(l, { type: 'language' }) ?? l;
  const erased = erase.data
    ? Object.values(erase.data.modules)
        .flatMap((counts) => Object.values(counts))
        .reduce((a, b) => a + b, 0)
    : null;

  return (
    <Card title={<FormattedMessage id={m('panel.title')} />}>
      <div className="stack">
        <p className="muted">
          <FormattedMessage id={m('panel.intro')} />
        </p>
        <ErrorAlert error={error ?? restrict.error ?? lift.error} />
        {erased !== null && (
          <Alert tone="success">
            <FormattedMessage id={m('panel.erased')} values={{ count: erased }} />
          </Alert>
        )}

        <h3>
          <FormattedMessage id={m('panel.access')} />
        </h3>
        <div className="row">
          <Select
            label={intl.formatMessage({ id: m('panel.export_language') })}
            value={lang}
            onChange={setCopyLanguage}
            options={['fr', 'nl', 'en'].map((l) => ({ id: l, label: languageName(l) }))}
          />
          <Button variant="secondary" isDisabled={busy} onPress={() => void download(false)}>
            <FormattedMessage id={m('panel.export_pdf')} />
          </Button>
          <Button variant="secondary" isDisabled={busy} onPress={() => void download(true)}>
            <FormattedMessage id={m('panel.export_json')} />
          </Button>
        </div>

        {!anonymised && (
          <>
            <h3>
              <FormattedMessage id={m('panel.rectification')} />
            </h3>
            <p className="muted">
              <FormattedMessage id={m('panel.rectification_hint')} />
            </p>
            {p.canManage && (
              <p>
                <LinkButton variant="secondary" to={personEditLink.href({ id: personId })}>
                  <FormattedMessage id={m('panel.rectify')} />
                </LinkButton>
              </p>
            )}

            <h3>
              <FormattedMessage id={m('panel.restriction')} />
            </h3>
            <p className="muted">
              <FormattedMessage id={m('panel.restriction_hint')} />
            </p>
            {p.restriction ? (
              <Button
                variant="secondary"
                isDisabled={lift.isPending}
                onPress={() => lift.mutate({ params: { id: personId } })}
              >
                <FormattedMessage id={m('panel.lift')} />
              </Button>
            ) : (
              <div className="row">
                <TextField
                  label={intl.formatMessage({ id: m('panel.restriction_reason') })}
                  value={reason}
                  onChange={setReason}
                  maxLength={500}
                />
                <Button
                  variant="secondary"
                  isDisabled={restrict.isPending || reason.trim().length < 5}
                  onPress={() => restrict.mutate({ params: { id: personId }, body: { reason } })}
                >
                  <FormattedMessage id={m('panel.restrict')} />
                </Button>
              </div>
            )}

            {can(roles, 'person.erase') && (
              <>
                <h3>
                  <FormattedMessage id={m('panel.erasure')} />
                </h3>
                <p className="muted">
                  <FormattedMessage id={m('panel.erasure_hint')} />
                </p>
                <FormDialog
                  trigger={
                    <Button variant="danger">
                      <FormattedMessage id={m('panel.erase')} />
                    </Button>
                  }
                  title={<FormattedMessage id={m('panel.erase_confirm_title')} />}
                  submitLabel={<FormattedMessage id={m('panel.erase_confirm')} />}
                  variant="danger"
                  isSubmitDisabled={!understood || erase.isPending}
                  onSubmit={async () => {
                    await erase.mutateAsync({ params: { id: personId }, body: { confirm: true } });
                    return true;
                  }}
                >
                  <p>
                    <FormattedMessage id={m('panel.erasure_hint')} />
                  </p>
                  <Checkbox isSelected={understood} onChange={setUnderstood}>
                    <FormattedMessage id={m('panel.erase_confirm_check')} />
                  </Checkbox>
                </FormDialog>
              </>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
