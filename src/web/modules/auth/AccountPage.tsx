import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { authApi } from '../../../common/auth/endpoints';
import { ChangePasswordBody, MfaBody, TotpDisableBody } from '../../../common/auth/schemas';
import { call } from '../../app/client';
import { useSession, useSessionState } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { Form, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { PasswordProblems } from './PasswordProblems';

function ChangePassword() {
  const intl = useIntl();
  const session = useSession();
  const empty = { currentPassword: '', newPassword: '' };
  const form = useForm(ChangePasswordBody, empty);
  const [done, setDone] = useState(false);
  const submit = form.onSubmit(
    (body) =>
      call(authApi.changePassword, {
        body: { currentPassword: body.currentPassword ?? '', newPassword: body.newPassword ?? '' },
      }),
    () => {
      form.setValues(empty);
      setDone(true);
    },
  );
  return (
    <Card title={<FormattedMessage id="account.password.title" />}>
      {done && <Alert tone="success" title={<FormattedMessage id="account.password.done" />} />}
      <ErrorAlert error={form.error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          setDone(false);
          return submit(e);
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'account.password.current' })}
          type="password"
          autoComplete="current-password"
          value={form.values.currentPassword}
          onChange={form.set('currentPassword')}
          error={form.errors.currentPassword}
          isRequired
        />
        <TextField
          label={intl.formatMessage({ id: 'auth.new_password' })}
          type="password"
          autoComplete="new-password"
          value={form.values.newPassword}
          onChange={form.set('newPassword')}
          error={form.errors.newPassword}
          description={<PasswordProblems password={form.values.newPassword} email={session.user.email} />}
          isRequired
        />
        <Button type="submit">
          <FormattedMessage id="account.password.submit" />
        </Button>
      </Form>
    </Card>
  );
}

function TwoFactor() {
  const intl = useIntl();
  const session = useSession();
  const { refresh } = useSessionState();
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const enable = useForm(MfaBody, { code: '' });
  const disable = useForm(TotpDisableBody, { password: '' });
  const enabled = session.user.totpEnabled;
  const confirm = enable.onSubmit(
    (body) => call(authApi.totpEnable, { body: { code: body.code ?? '' } }),
    async () => {
      setSetup(null);
      await refresh();
    },
  );
  const turnOff = disable.onSubmit(
    () => call(authApi.totpDisable, { body: { password: disable.values.password } }),
    async () => {
      disable.setValues({ password: '' });
      await refresh();
    },
  );
  return (
    <Card title={<FormattedMessage id="account.mfa.title" />}>
      {session.mfaSetupRequired && (
        <Alert tone="warning" title={<FormattedMessage id="auth.mfa_setup_required" />} />
      )}
      <p>
        <FormattedMessage id={enabled ? 'account.mfa.enabled' : 'account.mfa.disabled'} />
      </p>
      <ErrorAlert error={error ?? enable.error ?? disable.error} />
      {!enabled && !setup && (
        <Button
          onPress={async () => {
            setError(null);
            try {
              setSetup(await call(authApi.totpSetup));
            } catch (e) {
              setError(e);
            }
          }}
        >
          <FormattedMessage id="account.mfa.start" />
        </Button>
      )}
      {!enabled && setup && (
        <Form className="stack" onSubmit={confirm}>
          <p>
            <FormattedMessage id="account.mfa.scan" />
          </p>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={intl.formatMessage({ id: 'account.mfa.qr_alt' })}
            width={200}
            height={200}
          />
          <p>
            <FormattedMessage id="account.mfa.manual" /> <code>{setup.secret}</code>
          </p>
          <TextField
            label={intl.formatMessage({ id: 'auth.mfa.code' })}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={enable.values.code}
            onChange={enable.set('code')}
            error={enable.errors.code}
            maxLength={6}
            isRequired
          />
          <Button type="submit">
            <FormattedMessage id="account.mfa.confirm" />
          </Button>
        </Form>
      )}
      {enabled && (
        <Form className="stack" onSubmit={turnOff}>
          <TextField
            label={intl.formatMessage({ id: 'account.password.current' })}
            type="password"
            autoComplete="current-password"
            value={disable.values.password}
            onChange={disable.set('password')}
            error={disable.errors.password}
            isRequired
          />
          <Button type="submit" variant="danger">
            <FormattedMessage id="account.mfa.disable" />
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function AccountPage() {
  const intl = useIntl();
  const session = useSession();
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'account.title' })} />
      <Card title={<FormattedMessage id="account.profile" />}>
        <Facts
          items={[
            [<FormattedMessage key="n" id="account.name" />, session.user.displayName],
            [<FormattedMessage key="e" id="auth.email" />, session.user.email],
            [
              <FormattedMessage key="r" id="account.roles" />,
              session.roles.map((r) => (
                <span key={r} className="tag">
                  <FormattedMessage id={`role.${r}`} />
                </span>
              )),
            ],
          ]}
        />
      </Card>
      <TwoFactor />
      <ChangePassword />
    </div>
  );
}
