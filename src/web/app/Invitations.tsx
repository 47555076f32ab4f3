import { useState } from 'react';
import { FormattedList, FormattedMessage, useIntl } from 'react-intl';
import { authApi } from '../../common/auth/endpoints';
import { localized } from '../../common/i18n/locales';
import { call } from './client';
import { useLanguage } from './i18n';
import { useSessionState } from './session';
import { Button } from './ui/Button';
import { Alert, ErrorAlert } from './ui/feedback';

/**
 * Invitations to join another organisation, on every page until answered: an account joins an
 * organisation only when its holder says yes here (or chooses a password through a new account's link).
 */
export function Invitations() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { state, refresh } = useSessionState();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (state.status !== 'signed_in' || state.session.invitations.length === 0) return null;
  const answer = async (orgId: string, verb: 'accept' | 'decline') => {
    setBusy(true);
    setError(null);
    try {
      await call(authApi.answerInvitation, { params: { orgId, answer: verb } });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="stack" aria-label={intl.formatMessage({ id: 'shell.invitations' })}>
      <ErrorAlert error={error} />
      {state.session.invitations.map((inv) => (
        <Alert
          key={inv.orgId}
          tone="info"
          title={
            <FormattedMessage
              id="shell.invitation.title"
              values={{ organisation: localized(language, inv.nameFr, inv.nameNl) }}
            />
          }
        >
          <p>
            <FormattedMessage
              id="shell.invitation.roles"
              values={{
                roles: (
                  <FormattedList
                    type="conjunction"
                    value={inv.roles.map((r) => intl.formatMessage({ id: `role.${r}` }))}
                  />
                ),
              }}
            />
          </p>
          <div className="row">
            <Button isDisabled={busy} onPress={() => answer(inv.orgId, 'accept')}>
              <FormattedMessage id="shell.invitation.accept" />
            </Button>
            <Button variant="secondary" isDisabled={busy} onPress={() => answer(inv.orgId, 'decline')}>
              <FormattedMessage id="shell.invitation.decline" />
            </Button>
          </div>
        </Alert>
      ))}
    </section>
  );
}
