import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import Type from 'typebox';
import { authApi } from '../../../common/auth/endpoints';
import { loginLink } from '../../../common/auth/links';
import { ResetRequestBody } from '../../../common/auth/schemas';
import { call } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { Form, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { PageHeader } from '../../app/ui/layout';
import { PasswordProblems } from './PasswordProblems';

export function ForgotPasswordPage() {
  const intl = useIntl();
  const form = useForm(ResetRequestBody, { email: '' });
  const [sent, setSent] = useState(false);
  const submit = form.onSubmit(
    (body) => call(authApi.passwordResetRequest, { body: { email: body.email ?? '' } }),
    () => setSent(true),
  );
  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader
        title={intl.formatMessage({ id: 'auth.forgot.title' })}
        description={<FormattedMessage id="auth.forgot.intro" />}
      />
      {sent ? (
        <Alert tone="success" title={<FormattedMessage id="auth.forgot.sent" />} />
      ) : (
        <>
          <ErrorAlert error={form.error} />
          <Form className="stack" onSubmit={submit}>
            <TextField
              label={intl.formatMessage({ id: 'auth.email' })}
              type="email"
              autoComplete="email"
              value={form.values.email}
              onChange={form.set('email')}
              error={form.errors.email}
              isRequired
            />
            <Button type="submit">
              <FormattedMessage id="auth.forgot.submit" />
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to={loginLink.href()}>
          <FormattedMessage id="auth.back_to_login" />
        </Link>
      </p>
    </div>
  );
}

const NewPassword = Type.Object({ password: Type.String({ minLength: 12, maxLength: 128 }) });

export function ResetPasswordPage() {
  const intl = useIntl();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const form = useForm(NewPassword, { password: '' });
  const [done, setDone] = useState(false);
  const submit = form.onSubmit(
    () => call(authApi.passwordResetConfirm, { body: { token, password: form.values.password } }),
    () => setDone(true),
  );
  return (
    <div className="card" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <PageHeader title={intl.formatMessage({ id: 'auth.reset.title' })} />
      {!token && <Alert tone="error" title={<FormattedMessage id="auth.reset_invalid" />} />}
      {done ? (
        <Alert tone="success" title={<FormattedMessage id="auth.reset.done" />}>
          <Link to={loginLink.href()}>
            <FormattedMessage id="auth.back_to_login" />
          </Link>
        </Alert>
      ) : (
        token && (
          <>
            <ErrorAlert error={form.error} />
            <Form className="stack" onSubmit={submit}>
              <TextField
                label={intl.formatMessage({ id: 'auth.new_password' })}
                type="password"
                autoComplete="new-password"
                value={form.values.password}
                onChange={form.set('password')}
                error={form.errors.password}
                description={<PasswordProblems password={form.values.password} />}
                isRequired
              />
              <Button type="submit">
                <FormattedMessage id="auth.reset.submit" />
              </Button>
            </Form>
          </>
        )
      )}
    </div>
  );
}
