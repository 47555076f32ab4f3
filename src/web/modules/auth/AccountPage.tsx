import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ChangePasswordBody, MfaBody } from '../../../common/auth/schemas';
import { post } from '../../app/api';
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
  const form = useForm(ChangePasswordBody, { currentPassword: '', newPassword: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  return (
    <Card title={<FormattedMessage id="account.password.title" />}>
      {done && <Alert tone="success" title={<FormattedMessage id="account.password.done" />} />}
      <ErrorAlert error={error} />
      <Form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setDone(false);
          if (!form.validate()) return;
          try {
            await post('/api/me/password', form.body());
            form.setValues({ currentPassword: '', newPassword: '' });
            setDone(true);
          } catch (err) {
            setError(err);
            form.fromApiError(err);
          }
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
  const form = useForm(MfaBody, { code: '' });
  const [password, setPassword] = useState('');
  const enabled = session.user.totpEnabled;
  return (
    <Card title={<FormattedMessage id="account.mfa.title" />}>
      {session.mfaSetupRequired && (
        <Alert tone="warning" title={<FormattedMessage id="auth.mfa_setup_required" />} />
      )}
      <p>
        <FormattedMessage id={enabled ? 'account.mfa.enabled' : 'account.mfa.disabled'} />
      </p>
      <ErrorAlert error={error} />
      {!enabled && !setup && (
        <Button
          onPress={async () => {
            setError(null);
            try {
              setSetup(await post('/api/auth/totp/setup'));
            } catch (e) {
              setError(e);
            }
          }}
        >
          <FormattedMessage id="account.mfa.start" />
        </Button>
      )}
      {!enabled && setup && (
        <Form
          className="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!form.validate()) return;
            try {
              await post('/api/auth/totp/enable', form.body());
              setSetup(null);
              await refresh();
            } catch (err) {
              setError(err);
              form.fromApiError(err);
            }
          }}
        >
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
            value={form.values.code}
            onChange={form.set('code')}
            error={form.errors.code}
            maxLength={6}
            isRequired
          />
          <Button type="submit">
            <FormattedMessage id="account.mfa.confirm" />
          </Button>
        </Form>
      )}
      {enabled && (
        <Form
          className="stack"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await post('/api/auth/totp/disable', { password });
              setPassword('');
              await refresh();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <TextField
            label={intl.formatMessage({ id: 'account.password.current' })}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
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
