import { accountLink } from '../../../common/admin/links';
import { forgotPasswordLink, loginLink, mfaLink, resetPasswordLink } from '../../../common/auth/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const AccountPage = lazyPage('auth', () => import('./AccountPage').then((m) => m.AccountPage));
const LoginPage = lazyPage('auth', () => import('./LoginPage').then((m) => m.LoginPage));
const MfaPage = lazyPage('auth', () => import('./LoginPage').then((m) => m.MfaPage));
const ForgotPasswordPage = lazyPage('auth', () =>
  import('./PasswordResetPages').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyPage('auth', () =>
  import('./PasswordResetPages').then((m) => m.ResetPasswordPage),
);

export const authModule: WebModule = {
  publicRoutes: [
    { path: loginLink.pattern, element: <LoginPage /> },
    { path: mfaLink.pattern, element: <MfaPage /> },
    { path: forgotPasswordLink.pattern, element: <ForgotPasswordPage /> },
    { path: resetPasswordLink.pattern, element: <ResetPasswordPage /> },
  ],
  routes: [{ path: accountLink.pattern, element: <AccountPage /> }],
};
