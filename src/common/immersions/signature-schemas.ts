import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/**
 * The immersion agreement's signatures (migration 0032), shared by the API and the forms: three signers,
 * each for the agreement's current version, in their own session, by a single-use link, or on paper.
 */

/** The visitor (the professional, who takes the confidentiality undertaking), their organisation, the host. */
export const SIGNATURE_ROLES = ['visitor', 'visitor_org', 'host'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];
export const SIGNATURE_METHODS = ['account', 'link', 'in_person'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** The side whose staff ask for, witness or make a role's signature. */
export const ROLE_SIDE: Readonly<Record<SignatureRole, 'visitor' | 'host'>> = {
  visitor: 'visitor',
  visitor_org: 'visitor',
  host: 'host',
};

/** How long a mailed signature link works. */
export const SIGNATURE_LINK_DAYS = 14;

export const SignatureInput = Type.Object(
  {
    role: Type.Enum([...SIGNATURE_ROLES]),
    method: Type.Enum([...SIGNATURE_METHODS]),
    /** The signer's name (link, on paper); one's own account name when signing in one's session. */
    signerName: Type.Optional(NullFirst(Type.String({ minLength: 2, maxLength: 200 }))),
    email: Type.Optional(NullFirst(Type.String({ format: 'email', maxLength: 254 }))),
    /** Signing in one's session or witnessing a paper signature: the signer read and accepts the version. */
    accept: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SignatureInput = Static<typeof SignatureInput>;

export const SignatureView = Type.Object({
  role: Type.Enum([...SIGNATURE_ROLES]),
  state: Type.Enum(['not_asked', 'link_pending', 'link_expired', 'signed']),
  signerName: Nullable(Type.String()),
  /** Only for the reader's own side's signers. */
  email: Nullable(Type.String()),
  method: Nullable(Type.Enum([...SIGNATURE_METHODS])),
  requestedAt: Nullable(IsoDateTime),
  signedAt: Nullable(IsoDateTime),
  /** Who witnessed a paper signature. */
  recordedBy: Nullable(Type.String()),
  /** What the reader may do for this role: sign it themself, send a link, record it on paper. */
  can: Type.Object({ sign: Type.Boolean(), link: Type.Boolean(), inPerson: Type.Boolean() }),
});
export type SignatureView = Static<typeof SignatureView>;

/** Signatures of versions the agreement was amended from: kept as its history. */
export const SignedVersionView = Type.Object({
  version: Type.Integer(),
  signatures: Type.Array(
    Type.Object({
      role: Type.Enum([...SIGNATURE_ROLES]),
      signerName: Type.String(),
      signedAt: IsoDateTime,
    }),
  ),
});

export const AgreementSignaturesView = Type.Object({
  version: Type.Integer(),
  /** Signatures are collected while the immersion is agreed and not started. */
  open: Type.Boolean(),
  fullySigned: Type.Boolean(),
  signatures: Type.Array(SignatureView),
  earlier: Type.Array(SignedVersionView),
  /** Who may amend the agreed immersion (a manager of either side, before it starts). */
  canAmend: Type.Boolean(),
});
export type AgreementSignaturesView = Static<typeof AgreementSignaturesView>;

/** An amendment of an agreed immersion: a new version, signed again by all three. */
export const AmendmentInput = Type.Object(
  {
    objectives: MultilineText({ minLength: 10, maxLength: 4000 }),
    schedule: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 2000 }))),
    startsOn: IsoDate,
    endsOn: IsoDate,
    /** Days with the host when the schedule says otherwise than the working days between the dates. */
    days: Type.Optional(NullFirst(Type.Integer({ minimum: 1, maximum: 366 }))),
  },
  { additionalProperties: false },
);
export type AmendmentInput = Static<typeof AmendmentInput>;

export const SignatureLookupInput = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
);
export const SignByLinkInput = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), accept: Type.Literal(true) },
  { additionalProperties: false },
);

/** One block of the agreement's text as the signer reads it (the PDF's blocks, without layout). */
export const ReadingBlock = Type.Object({
  id: Type.String(),
  heading: Nullable(Type.String()),
  items: Type.Array(
    Type.Union([
      Type.Object({
        kind: Type.Literal('field'),
        id: Type.String(),
        label: Type.String(),
        value: Type.String(),
      }),
      Type.Object({ kind: Type.Literal('paragraph'), text: Type.String(), note: Type.Boolean() }),
      Type.Object({ kind: Type.Literal('subheading'), text: Type.String() }),
      Type.Object({
        kind: Type.Literal('approval'),
        id: Type.String(),
        label: Type.String(),
        name: Nullable(Type.String()),
        state: Type.String(),
      }),
    ]),
  ),
});
export type ReadingBlock = Static<typeof ReadingBlock>;

/** What a signature link shows its holder (no session): the whole agreement in their language. */
export const SignatureLinkView = Type.Object({
  role: Type.Enum([...SIGNATURE_ROLES]),
  signerName: Type.String(),
  language: Type.Enum(['fr', 'nl']),
  version: Type.Integer(),
  title: Type.String(),
  blocks: Type.Array(ReadingBlock),
});
export type SignatureLinkView = Static<typeof SignatureLinkView>;
