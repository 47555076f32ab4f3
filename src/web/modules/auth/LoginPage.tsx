import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../../common/auth/endpoints';
import { forgotPasswordLink, loginLink, mfaLink } from '../../../common/auth/links';
import { LoginBody, MfaBody } from '../../../common/auth/schemas';
import { dashboardLink } from '../../../common/dashboard/links';
import { call } from '../../app/client';
import { useSessionState } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { useForm } from '../../app/ui/form';
import { PageHeader } from '../../app/ui/layout';
import { Form, TextField } from '../../app/ui/text-fields';

/** Only the app's own pages are followed after sign-in, never another origin. */
const safeNext = (next: string | undefined) =>
  next?.startsWith(dashboardLink.pattern) ? next : dashboardLink.href();

export function LoginPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(loginLink.read(params).next);
  const { state, refresh } = useSessionState();
  const form = useForm(LoginBody, { email: '', password: '' });
  const submit = form.onSubmit(
    (body) => call(authApi.login, { body: { email: body.email ?? '', password: body.password ?? '' } }),
    async (r) => {
      await refresh();
      navigate(r.status === 'mfa_required' ? mfaLink.href() : next);
    },
  );
  if (state.status === 'signed_in') return <Navigate to={next} replace />;
  if (state.status === 'mfa_required') return <Navigate to={mfaLink.href()} replace />;

  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'auth.login.title' })}
        description={<FormattedMessage id="auth.login.intro" />}
      />
      <ErrorAlert error={form.error} />
      <Form className="stack" onSubmit={submit}>
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
          <Button type="submit" isDisabled={form.submitting}>
            <FormattedMessage id="auth.login.submit" />
          </Button>
          <Link to={forgotPasswordLink.href()}>
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
  const submit = form.onSubmit(
    (body) => call(authApi.mfa, { body: { code: body.code ?? '' } }),
    async () => {
      await refresh();
      navigate(dashboardLink.href());
    },
  );
  if (state.status === 'signed_in') return <Navigate to={dashboardLink.href()} replace />;
  if (state.status === 'anonymous') return <Navigate to={loginLink.href()} replace />;
  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'auth.mfa.title' })}
        description={<FormattedMessage id="auth.mfa.intro" />}
      />
      <ErrorAlert error={form.error} />
      <Form className="stack" onSubmit={submit}>
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
