import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginBody, MfaBody } from '../../../common/auth/schemas';
import { post } from '../../app/api';
import { useSessionState } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Form, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { PageHeader } from '../../app/ui/layout';

/** Only same-site paths are followed after sign-in, never another origin. */
const safeNext = (next: string | null) => (next?.startsWith('/app') ? next : '/app');

export function LoginPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { state, refresh } = useSessionState();
  const form = useForm(LoginBody, { email: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'signed_in') return <Navigate to={safeNext(params.get('next'))} replace />;
  if (state.status === 'mfa_required') return <Navigate to="/login/mfa" replace />;

  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'auth.login.title' })}
        description={<FormattedMessage id="auth.login.intro" />}
      />
      <ErrorAlert error={error} />
      <Form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          if (!form.validate()) return;
          setBusy(true);
          try {
            const r = await post<{ status: string }>('/api/auth/login', form.body());
            await refresh();
            navigate(r.status === 'mfa_required' ? '/login/mfa' : safeNext(params.get('next')));
          } catch (err) {
            setError(err);
            form.fromApiError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'auth.email' })}
          type="email"
          autoComplete="username"
          value={form.values.email}
          onChange={form.set('email')}
          error={form.errors.email}
          isRequired
        />
        <TextField
          label={intl.formatMessage({ id: 'auth.password' })}
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          onChange={form.set('password')}
          error={form.errors.password}
          isRequired
        />
        <div className="row">
          <Button type="submit" isDisabled={busy}>
            <FormattedMessage id="auth.login.submit" />
          </Button>
          <Link to="/forgot-password">
            <FormattedMessage id="auth.login.forgot" />
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function MfaPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { state, refresh } = useSessionState();
  const form = useForm(MfaBody, { code: '' });
  const [error, setError] = useState<unknown>(null);
  if (state.status === 'signed_in') return <Navigate to="/app" replace />;
  if (state.status === 'anonymous') return <Navigate to="/login" replace />;
  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'auth.mfa.title' })}
        description={<FormattedMessage id="auth.mfa.intro" />}
      />
      <ErrorAlert error={error} />
      <Form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          if (!form.validate()) return;
          try {
            await post('/api/auth/mfa', form.body());
            await refresh();
            navigate('/app');
          } catch (err) {
            setError(err);
            form.fromApiError(err);
          }
        }}
      >
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
          <FormattedMessage id="auth.mfa.submit" />
        </Button>
      </Form>
    </div>
  );
}
