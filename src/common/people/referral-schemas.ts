import Type, { type Static } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { DATA_CATEGORIES, OVERRIDE_REASON_MIN } from './consent';
import { REFERRAL_ACTIONS, REFERRAL_PURPOSES, REFERRAL_STATUSES } from './referral-rules';

/** What the home referent sends: to whom, for what, which field groups the recipient will see. */
export const ReferralCreateBody = Type.Object(
  {
    recipientOrgId: Uuid,
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
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReferralQuery = Static<typeof ReferralQuery>;

/** The person as the reader may see them: the home centre's own record, or only the granted identity. */
export const ReferralPerson = Type.Object({
  id: Type.String(),
  firstName: Nullable(Type.String()),
  lastName: Nullable(Type.String()),
  participantCode: Nullable(Type.String()),
});
export type ReferralPerson = Static<typeof ReferralPerson>;

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });

export const ReferralView = Type.Object({
  id: Type.String(),
  status: Type.Enum([...REFERRAL_STATUSES]),
  purpose: Type.String(),
  fields: Type.Array(Type.String()),
  message: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  sender: OrgRef,
  recipient: OrgRef,
  sentByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Whether it relies on a recorded consent or on an override (the sender only learns the reason). */
  basis: Type.Enum(['consent', 'override']),
  overrideReason: Nullable(Type.String()),
  /** Null when the reader may see nothing of the person (no grant in force). */
  person: Nullable(ReferralPerson),
  side: Type.Enum(['sender', 'recipient']),
  actions: Type.Array(Type.Enum([...REFERRAL_ACTIONS])),
});
export type ReferralView = Static<typeof ReferralView>;

export const ReferralPage = Paged(ReferralView);
export type ReferralPage = Static<typeof ReferralPage>;
