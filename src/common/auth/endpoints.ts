import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import {
  ChangePasswordBody,
  InvitationAnswerParams,
  LoginBody,
  LoginResult,
  MfaBody,
  PreferencesBody,
  ResetConfirmBody,
  ResetRequestBody,
  SessionAnswer,
  SwitchOrgBody,
  TotpDisableBody,
  TotpSetup,
} from './schemas';

/** Sign-in, the session, the account's own settings and its answers to invitations (platform-wide). */
const tags = ['auth'] as const;

export const authApi = {
  login: defineEndpoint({
    method: 'POST',
    path: '/api/auth/login',
    body: LoginBody,
    response: { 200: LoginResult },
    tags,
    access: { public: 'signs in' },
  }),
  /** The second factor of a sign-in that asked for it. */
  mfa: defineEndpoint({
    method: 'POST',
    path: '/api/auth/mfa',
    body: MfaBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  session: defineEndpoint({
    method: 'GET',
    path: '/api/auth/session',
    response: { 200: SessionAnswer },
    tags,
    access: { signedIn: 'self' },
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/auth/logout',
    response: { 200: Ok },
    tags,
    access: { public: 'clears the cookie; revokes the session only when one is signed in' },
  }),
  switchOrg: defineEndpoint({
    method: 'POST',
    path: '/api/auth/switch-org',
    body: SwitchOrgBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  answerInvitation: defineEndpoint({
    method: 'POST',
    path: '/api/me/invitations/:orgId/:answer',
    params: InvitationAnswerParams,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  /** Answers 202 whether the address has an account or not. */
  passwordResetRequest: defineEndpoint({
    method: 'POST',
    path: '/api/auth/password-reset/request',
    body: ResetRequestBody,
    response: { 202: Ok },
    tags,
    access: { public: 'asks for a password reset link by mail' },
  }),
  passwordResetConfirm: defineEndpoint({
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    body: ResetConfirmBody,
    response: { 200: Ok },
    tags,
    access: { public: 'sets a new password with the single-use link from the mail' },
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/me/password',
    body: ChangePasswordBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  preferences: defineEndpoint({
    method: 'PATCH',
    path: '/api/me/preferences',
    body: PreferencesBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  totpSetup: defineEndpoint({
    method: 'POST',
    path: '/api/auth/totp/setup',
    response: { 200: TotpSetup },
    tags,
    access: { signedIn: 'self' },
  }),
  totpEnable: defineEndpoint({
    method: 'POST',
    path: '/api/auth/totp/enable',
    body: MfaBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
  totpDisable: defineEndpoint({
    method: 'POST',
    path: '/api/auth/totp/disable',
    body: TotpDisableBody,
    response: { 200: Ok },
    tags,
    access: { signedIn: 'self' },
  }),
};
