import { accountLink } from '../../../common/admin/links';
import { forgotPasswordLink, loginLink, mfaLink, resetPasswordLink } from '../../../common/auth/links';
import type { WebModule } from '../../app/module';
import { AccountPage } from './AccountPage';
import { LoginPage, MfaPage } from './LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordResetPages';

export const authModule: WebModule = {
  publicRoutes: [
    { path: loginLink.pattern, element: <LoginPage /> },
    { path: mfaLink.pattern, element: <MfaPage /> },
    { path: forgotPasswordLink.pattern, element: <ForgotPasswordPage /> },
    { path: resetPasswordLink.pattern, element: <ResetPasswordPage /> },
  ],
  routes: [{ path: accountLink.pattern, element: <AccountPage /> }],
};
