import Type, { type Static } from 'typebox';
import { LANGUAGES } from '../i18n/locales';
import { Uuid } from '../kernel/schemas';

export { Uuid };
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const LanguageSchema = Type.Enum([...LANGUAGES]);

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const MfaBody = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const SwitchOrgBody = Type.Object({ orgId: Uuid }, { additionalProperties: false });
export const PreferencesBody = Type.Object(
  {
    language: Type.Optional(LanguageSchema),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
);

export const MembershipView = Type.Object({
  orgId: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  region: Type.String(),
  roles: Type.Array(Type.String()),
});

export const SessionView = Type.Object({
  user: Type.Object({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    language: Type.String(),
    platformAdmin: Type.Boolean(),
    totpEnabled: Type.Boolean(),
  }),
  activeOrgId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  memberships: Type.Array(MembershipView),
  /** Organisations that invited this account and wait for its answer. */
  invitations: Type.Array(MembershipView),
  csrfToken: Type.String(),
  mfaSetupRequired: Type.Boolean(),
  idleMinutes: Type.Integer(),
});
export type SessionView = Static<typeof SessionView>;

/** A signed-in session's view, or a session that still waits for its second factor. */
export const SessionAnswer = Type.Union([
  SessionView,
  Type.Object({ mfaRequired: Type.Literal(true), csrfToken: Type.String() }),
]);

/** The session cookie is set either way; `mfa_required` means the code comes next. */
export const LoginResult = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('mfa_required')]),
});

export const InvitationAnswerParams = Type.Object({
  orgId: Uuid,
  answer: Type.Union([Type.Literal('accept'), Type.Literal('decline')]),
});

export const TotpDisableBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) });

/** A second factor being set up: the secret as text and as a QR code for the authenticator app. */
export const TotpSetup = Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() });
