import Type, { type Static } from 'typebox';
import { LANGUAGES } from '../i18n/locales';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Uuid = Type.String({ format: 'uuid' });
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

export const LoginResult = Type.Union([
  Type.Object({ status: Type.Literal('ok'), session: SessionView }),
  Type.Object({ status: Type.Literal('mfa_required') }),
]);
