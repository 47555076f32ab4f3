import Type, { type Static } from 'typebox';
import { Nullable, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { DATA_CATEGORIES, SHARE_PURPOSES } from './consent';
import { InterpreterNeed, SpokenLanguage } from './schemas';

/**
 * Sharing a person with another organisation: what a share would rest on (the preview every sharing form
 * shows), and the persons other organisations share with the reader's.
 */

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });

// ============================================================================ the preview of a share

/** Field groups as one comma-separated query value (e.g. "identity,languages"). */
export const FIELD_LIST_PATTERN = `^(${DATA_CATEGORIES.join('|')})(,(${DATA_CATEGORIES.join('|')}))*$`;

export const SharePreviewQuery = Type.Object(
  {
    recipientOrgId: Type.Optional(Uuid),
    purpose: Type.Optional(Type.Enum([...SHARE_PURPOSES])),
    fields: Type.Optional(Type.String({ pattern: FIELD_LIST_PATTERN, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SharePreviewQuery = Static<typeof SharePreviewQuery>;

/** The consent a share would rest on, or why none does (the gap) and which field groups it lacks. */
export const ShareCheck = Type.Object({
  consent: Nullable(
    Type.Object({ id: Type.String(), givenOn: Type.String(), expiresOn: Nullable(Type.String()) }),
  ),
  gap: Nullable(Type.String()),
  missingFields: Type.Array(Type.String()),
});
export type ShareCheck = Static<typeof ShareCheck>;

/** What a sharing form shows before sending: whom, and which consent the share would rest on. */
export const SharePreview = Type.Object({
  person: Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() }),
  /** Null until recipient, purpose and fields are chosen. */
  check: Nullable(ShareCheck),
  canOverride: Type.Boolean(),
});
export type SharePreview = Static<typeof SharePreview>;

// ============================================================================ persons shared with me

export const SharedQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type SharedQuery = Static<typeof SharedQuery>;

const d = Nullable(Type.String());

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
  /** With the birth date ('birth_date' group): exact, year (1 January) or estimated. */
  birthDatePrecision: Type.Optional(Type.String()),
  email: Type.Optional(d),
  phone: Type.Optional(d),
  street: Type.Optional(d),
  postalCode: Type.Optional(d),
  municipalityCode: Type.Optional(d),
  languages: Type.Optional(Type.Record(Type.String(), Type.String())),
  /** With the CEFR levels ('languages' group): ISO 639-3 languages and dialects with literacy. */
  spokenLanguages: Type.Optional(Type.Array(SpokenLanguage)),
  /** Only with the 'interpreter_need' group; null: no interpreter needed. */
  interpreterNeed: Type.Optional(Nullable(InterpreterNeed)),
  benefit: Type.Optional(Type.String()),
  benefitSince: Type.Optional(d),
  benefitUntil: Type.Optional(d),
  contractType: Type.Optional(Type.String()),
  contractSignedOn: Type.Optional(d),
  contractNextEvaluationOn: Type.Optional(d),
  mobility: Type.Optional(
    Nullable(
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

export const SharedPage = Paged(SharedPerson);
export type SharedPage = Static<typeof SharedPage>;
