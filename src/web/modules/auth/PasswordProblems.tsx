import { FormattedMessage } from 'react-intl';
import { checkPassword } from '../../../common/security/password-strength';

/** Live advice while typing a new password, from the same rules the server enforces. */
export function PasswordProblems({ password, email }: { password: string; email?: string }) {
  if (!password) return <FormattedMessage id="auth.password.hint" />;
  const r = checkPassword(password, { email });
  if (r.ok) return <FormattedMessage id="auth.password.ok" />;
  return (
    <span aria-live="polite">
      {r.problems.map((p) => (
        <span key={p} style={{ display: 'block' }}>
          <FormattedMessage id={`auth.password.${p}`} />
        </span>
      ))}
    </span>
  );
}
