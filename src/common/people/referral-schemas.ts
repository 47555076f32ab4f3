import Type, { type Static, type TSchema } from 'typebox';
import { MultilineText } from '../validation/text';
import { DATA_CATEGORIES } from './consent';
import {
  OVERRIDE_REASON_MIN,
  REFERRAL_ACTIONS,
  REFERRAL_PURPOSES,
  REFERRAL_STATUSES,
} from './referral-rules';

export const REFERRALS_MAX_PAGE_SIZE = 100;

const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const uuid = Type.String({ format: 'uuid' });

/** What the home referent sends: to whom, for what, which field groups the recipient will see. */
export const ReferralCreateBody = Type.Object(
  {
    recipientOrgId: uuid,
    purpose: Type.Enum([...REFERRAL_PURPOSES]),
    fields: Type.Array(Type.Enum([...DATA_CATEGORIES]), {
      minItems: 1,
      maxItems: DATA_CATEGORIES.length,
      uniqueItems: true,
    }),
    message: Type.Optional(MultilineText({ maxLength: 2000 })),
    /** Only with the consent.override permission, when no valid consent covers the share. */
    overrideReason: Type.Optional(
      MultilineText({ minLength: OVERRIDE_REASON_MIN, maxLength: 500, pattern: '\\S' }),
    ),
  },
  { additionalProperties: false },
);
export type ReferralCreateBody = Static<typeof ReferralCreateBody>;

export const ReferralDeclineBody = Type.Object(
  { reason: MultilineText({ minLength: 2, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type ReferralDeclineBody = Static<typeof ReferralDeclineBody>;

export const ReferralQuery = Type.Object(
  {
    box: Type.Enum(['inbox', 'outbox']),
    status: Type.Optional(Type.Enum([...REFERRAL_STATUSES])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: REFERRALS_MAX_PAGE_SIZE })),
  },
  { additionalProperties: false },
);
export type ReferralQuery = Static<typeof ReferralQuery>;

/** The person as the reader may see them: the home centre's own record, or only the granted identity. */
export const ReferralPerson = Type.Object({
  id: Type.String(),
  firstName: nullable(Type.String()),
  lastName: nullable(Type.String()),
  participantCode: nullable(Type.String()),
});
export type ReferralPerson = Static<typeof ReferralPerson>;

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });

export const ReferralView = Type.Object({
  id: Type.String(),
  status: Type.Enum([...REFERRAL_STATUSES]),
  purpose: Type.String(),
  fields: Type.Array(Type.String()),
  message: nullable(Type.String()),
  declineReason: nullable(Type.String()),
  sender: OrgRef,
  recipient: OrgRef,
  sentByName: nullable(Type.String()),
  decidedAt: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Whether it relies on a recorded consent or on an override (the sender only learns the reason). */
  basis: Type.Enum(['consent', 'override']),
  overrideReason: nullable(Type.String()),
  /** Null when the reader may see nothing of the person (no grant in force). */
  person: nullable(ReferralPerson),
  side: Type.Enum(['sender', 'recipient']),
  actions: Type.Array(Type.Enum([...REFERRAL_ACTIONS])),
});
export type ReferralView = Static<typeof ReferralView>;

export const ReferralPage = Type.Object({
  items: Type.Array(ReferralView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ReferralPage = Static<typeof ReferralPage>;

// ============================================================================ shared persons

export const SharedQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: REFERRALS_MAX_PAGE_SIZE })),
  },
  { additionalProperties: false },
);
export type SharedQuery = Static<typeof SharedQuery>;

const d = nullable(Type.String());

/** A person seen by another organisation: only the granted groups are present (app.shared_person). */
export const SharedPerson = Type.Object({
  id: Type.String(),
  homeOrg: OrgRef,
  participantCode: Type.String(),
  fields: Type.Array(Type.String()),
  /** The last day the share holds, or null when it lasts until the referral or placement ends. */
  grantedUntil: d,
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  preferredLanguage: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()),
  email: Type.Optional(d),
  phone: Type.Optional(d),
  street: Type.Optional(d),
  postalCode: Type.Optional(d),
  municipalityCode: Type.Optional(d),
  languages: Type.Optional(Type.Record(Type.String(), Type.String())),
  benefit: Type.Optional(Type.String()),
  benefitSince: Type.Optional(d),
  benefitUntil: Type.Optional(d),
  contractType: Type.Optional(Type.String()),
  contractSignedOn: Type.Optional(d),
  contractNextEvaluationOn: Type.Optional(d),
  mobility: Type.Optional(
    nullable(
      Type.Object({ radiusKm: Type.Integer(), crossedBorder: Type.Boolean(), recordedOn: Type.String() }),
    ),
  ),
  pathways: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        modules: Type.Array(Type.String()),
        entryOn: Type.String(),
        exitOn: d,
        notes: Type.Array(Type.Object({ notedOn: Type.String(), body: Type.String() })),
      }),
    ),
  ),
});
export type SharedPerson = Static<typeof SharedPerson>;

export const SharedPage = Type.Object({
  items: Type.Array(SharedPerson),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type SharedPage = Static<typeof SharedPage>;

// ============================================================================ referral preview

/** Field groups as one comma-separated query value (e.g. "identity,languages"). */
export const FIELD_LIST_PATTERN = `^(${DATA_CATEGORIES.join('|')})(,(${DATA_CATEGORIES.join('|')}))*$`;

export const ReferralPreviewQuery = Type.Object(
  {
    recipientOrgId: Type.Optional(uuid),
    purpose: Type.Optional(Type.Enum([...REFERRAL_PURPOSES])),
    fields: Type.Optional(Type.String({ pattern: FIELD_LIST_PATTERN, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ReferralPreviewQuery = Static<typeof ReferralPreviewQuery>;

/** What the refer form shows before sending: whom, and which consent the referral would rest on. */
export const ReferralPreview = Type.Object({
  person: Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() }),
  /** Null until recipient, purpose and fields are chosen. */
  check: nullable(
    Type.Object({
      consent: nullable(Type.Object({ id: Type.String(), givenOn: Type.String(), expiresOn: d })),
      gap: nullable(Type.String()),
      missingFields: Type.Array(Type.String()),
    }),
  ),
  canOverride: Type.Boolean(),
});
export type ReferralPreview = Static<typeof ReferralPreview>;
