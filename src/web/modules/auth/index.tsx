import type { WebModule } from '../../app/module';
import { AccountPage } from './AccountPage';
import { LoginPage, MfaPage } from './LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordResetPages';

export const authModule: WebModule = {
  publicRoutes: [
    { path: '/login', element: <LoginPage /> },
    { path: '/login/mfa', element: <MfaPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
  ],
  routes: [{ path: 'account', element: <AccountPage /> }],
};
