import { defineLink } from '../kernel/links';

/** The public pages of signing in, which mails and the shell point to. */
export const loginLink = defineLink('/login', { next: 'string' });
export const mfaLink = defineLink('/login/mfa');
export const forgotPasswordLink = defineLink('/forgot-password');
export const resetPasswordLink = defineLink('/reset-password');

/** A single-use link to the reset page: the token in the fragment, so it never reaches a server log. */
export const resetPasswordHref = (token: string) => `${resetPasswordLink.href()}#token=${token}`;
