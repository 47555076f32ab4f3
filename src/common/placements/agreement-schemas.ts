/**
 * Placement agreements: the schemas the API validates with and the web forms reuse, and the shapes the API
 * answers with. Follow-up (attendance, evaluations, incidents, mobility, stays, outcomes) has its own file.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { ROLES } from '../access/permissions';
import { IsoDate, Nullable, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { DATA_CATEGORIES } from '../people/consent';
import { MultilineText } from '../validation/text';
import { AgreementReading } from './agreement-reading';
import { SIGNATURE_ROLES } from './agreement-rules';
import { AGREEMENT_SIDES, AGREEMENT_STATUSES, GUARDS } from './agreement-workflow';
import { conventionFields, JOB_CODE_KINDS, PLACEMENT_AIMS, TimetableDay } from './convention-terms';

const O = Type.Optional;
const Clearable = <T extends TSchema>(t: T) => O(Nullable(t));
const text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });

export const AGREEMENT_LANGUAGES = ['fr', 'nl'] as const;
export const SIGNATORIES = ['person', 'legal_representative'] as const;
export const SIGNATURE_METHODS = ['link', 'in_person'] as const;
export const PLACEMENTS_MAX_PAGE_SIZE = 50;

const terms = {
  siteName: text(2, 200),
  municipalityCode: Type.String({ pattern: '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$' }),
  tasks: MultilineText({ minLength: 1, maxLength: 5000 }),
  schedule: text(1, 200),
  hoursPerWeek: Type.Number({ minimum: 1, maximum: 48, multipleOf: 0.5 }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  tutorUserId: Uuid,
  signatory: Type.Enum([...SIGNATORIES]),
  representativeName: text(2, 200),
  language: Type.Enum([...AGREEMENT_LANGUAGES]),
  accidentInsuranceRef: text(2, 100),
  liabilityInsuranceRef: text(2, 100),
  programmeId: Uuid,
  pathwayId: Uuid,
  ...conventionFields,
};

/**
 * A new draft for one of the home centre's persons. From an offer, the host, site, municipality, tasks,
 * dates, schedule, hours and tutor default to the offer's, and so does its programme when it is open on
 * the placement's dates (null: no programme); without one, the host is named.
 */
export const PlacementCreateBody = Type.Object(
  {
    personId: Uuid,
    offerId: O(Uuid),
    hostOrgId: O(Uuid),
    siteName: O(terms.siteName),
    municipalityCode: O(terms.municipalityCode),
    tasks: O(terms.tasks),
    schedule: O(terms.schedule),
    hoursPerWeek: O(terms.hoursPerWeek),
    startsOn: O(terms.startsOn),
    endsOn: O(terms.endsOn),
    tutorUserId: O(terms.tutorUserId),
    signatory: O(terms.signatory),
    representativeName: O(terms.representativeName),
    language: O(terms.language),
    accidentInsuranceRef: O(terms.accidentInsuranceRef),
    liabilityInsuranceRef: O(terms.liabilityInsuranceRef),
    programmeId: Clearable(terms.programmeId),
    pathwayId: O(terms.pathwayId),
    /** From an offer, the timetable, job code and protective equipment default to the offer's. */
    timetable: O(terms.timetable),
    aim: O(terms.aim),
    jobCodeKind: O(terms.jobCodeKind),
    jobCode: O(terms.jobCode),
    protectiveEquipment: O(terms.protectiveEquipment),
    emergencyContactName: O(terms.emergencyContactName),
    emergencyContactPhone: O(terms.emergencyContactPhone),
    emergencyContactRelation: O(terms.emergencyContactRelation),
    /** Field groups of the person the host will see (needs a consent for purpose 'placement'). */
    sharedFields: Type.Array(Type.Enum([...DATA_CATEGORIES]), {
      minItems: 1,
      maxItems: 9,
      uniqueItems: true,
    }),
    overrideReason: O(MultilineText({ minLength: 5, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type PlacementCreateBody = Static<typeof PlacementCreateBody>;

/** A change of terms. After the first signature request, a change of substance needs new signatures. */
export const PlacementPatch = Type.Object(
  {
    siteName: O(terms.siteName),
    municipalityCode: O(terms.municipalityCode),
    tasks: Clearable(terms.tasks),
    schedule: Clearable(terms.schedule),
    hoursPerWeek: Clearable(terms.hoursPerWeek),
    startsOn: O(terms.startsOn),
    endsOn: O(terms.endsOn),
    tutorUserId: Clearable(terms.tutorUserId),
    signatory: O(terms.signatory),
    representativeName: Clearable(terms.representativeName),
    language: O(terms.language),
    accidentInsuranceRef: Clearable(terms.accidentInsuranceRef),
    liabilityInsuranceRef: Clearable(terms.liabilityInsuranceRef),
    programmeId: Clearable(terms.programmeId),
    pathwayId: Clearable(terms.pathwayId),
    timetable: Clearable(terms.timetable),
    aim: Clearable(terms.aim),
    jobCodeKind: Clearable(terms.jobCodeKind),
    jobCode: Clearable(terms.jobCode),
    protectiveEquipment: Clearable(terms.protectiveEquipment),
    emergencyContactName: Clearable(terms.emergencyContactName),
    emergencyContactPhone: Clearable(terms.emergencyContactPhone),
    emergencyContactRelation: Clearable(terms.emergencyContactRelation),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PlacementPatch = Static<typeof PlacementPatch>;

/** A home signatory asked by e-mailed link when the agreement is sent for signature (issue 9, item 3). */
export const SignatureInvite = Type.Object(
  { signerName: text(2, 200), email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);
export type SignatureInvite = Static<typeof SignatureInvite>;

/**
 * Who is asked at once on sending for signature: each home signatory named here gets their own link (one
 * left out signs in person, recorded later); the host's representative, when asked for, is invited at the
 * address of the host's signatory known to the platform, else the host chooses.
 */
export const SignatureInvitations = Type.Object(
  {
    person: O(SignatureInvite),
    home_referent: O(SignatureInvite),
    host_representative: O(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SignatureInvitations = Static<typeof SignatureInvitations>;

export const TransitionBody = Type.Object(
  {
    action: text(1, 40),
    reason: O(MultilineText({ minLength: 1, maxLength: 1000 })),
    /** Only with `send_for_signature`. */
    invitations: O(SignatureInvitations),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

/** Asks a party to sign: by an e-mailed single-use link, or recorded now as signed in person. */
export const SignatureBody = Type.Object(
  {
    role: Type.Enum([...SIGNATURE_ROLES]),
    method: Type.Enum([...SIGNATURE_METHODS]),
    signerName: text(2, 200),
    email: O(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);
export type SignatureBody = Static<typeof SignatureBody>;

export const SignatureView = Type.Object({
  id: Type.String(),
  role: Type.Enum([...SIGNATURE_ROLES]),
  version: Type.Integer(),
  signerName: Type.String(),
  email: Nullable(Type.String()),
  method: Nullable(Type.Enum([...SIGNATURE_METHODS])),
  requestedAt: Type.String(),
  signedAt: Nullable(Type.String()),
  /** A link was sent and may still be used. */
  linkPending: Type.Boolean(),
  /** Given for a version the agreement went back to draft from (a refusal, a return): no longer valid. */
  superseded: Type.Boolean(),
});
export type SignatureView = Static<typeof SignatureView>;

export const ActionView = Type.Object({
  action: Type.String(),
  to: Type.Enum([...AGREEMENT_STATUSES]),
  /** How the web shows it: the expected next step, another option, or a step back or out. */
  tone: Type.Enum(['primary', 'secondary', 'danger']),
  reasonRequired: Type.Boolean(),
  /** Guards that fail now: the action is shown disabled with these reasons. */
  blockedBy: Type.Array(Type.Enum([...GUARDS])),
});
export type ActionView = Static<typeof ActionView>;

/** Whose turn it is and to do what (`next-step.ts`), in the reader's words (`whose`). */
export const NextTaskView = Type.Object({
  kind: Type.Enum(['action', 'request_signature', 'sign']),
  /** The workflow action to take (kind `action`). */
  action: Nullable(Type.String()),
  /** The party that must act; for `sign`, the party that asked the signature. */
  side: Type.Enum([...AGREEMENT_SIDES]),
  /** The roles of that party who may do it. */
  roles: Type.Array(Type.Enum([...ROLES])),
  /** The signatures to ask (`request_signature`) or to give (`sign`, one). */
  signatures: Type.Array(Type.Enum([...SIGNATURE_ROLES])),
  /** The named signatory of a link out, where the reader may see the name. */
  signerName: Nullable(Type.String()),
  /** Guards that still block the action (known on the agreement page only). */
  blockedBy: Type.Array(Type.Enum([...GUARDS])),
  whose: Type.Enum(['yours', 'your_organisation', 'other_party', 'signatory']),
});
export type NextTaskView = Static<typeof NextTaskView>;

/** A move of the agreement as its history keeps it: when, which party, and the reason given. */
export const HistoryEntry = Type.Object({
  at: Type.String(),
  action: Type.String(),
  to: Type.Enum([...AGREEMENT_STATUSES]),
  side: Nullable(Type.Enum([...AGREEMENT_SIDES])),
  reason: Nullable(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });

export const PlacementView = Type.Object({
  id: Type.String(),
  side: Type.Enum([...AGREEMENT_SIDES]),
  status: Type.Enum([...AGREEMENT_STATUSES]),
  version: Type.Integer(),
  personId: Type.String(),
  /** The person's name as the actor may see it: the home centre's record, or the host's grant. */
  personName: Nullable(Type.String()),
  participantCode: Nullable(Type.String()),
  homeOrg: OrgRef,
  hostOrg: OrgRef,
  offerId: Nullable(Type.String()),
  programmeId: Nullable(Type.String()),
  programmeName: Nullable(Type.String()),
  pathwayId: Nullable(Type.String()),
  siteName: Type.String(),
  municipalityCode: Type.String(),
  municipalityName: Nullable(Type.String()),
  tasks: Nullable(Type.String()),
  /** Free text: what agreements made before the structured timetable have (shown when it is empty). */
  schedule: Nullable(Type.String()),
  timetable: Nullable(Type.Array(TimetableDay)),
  hoursPerWeek: Nullable(Type.Number()),
  aim: Nullable(Type.Enum([...PLACEMENT_AIMS])),
  jobCodeKind: Nullable(Type.Enum([...JOB_CODE_KINDS])),
  jobCode: Nullable(Type.String()),
  protectiveEquipment: Nullable(Type.String()),
  /** The home centre's always; the host's while the agreement runs (ADR 0013, amendment). */
  emergencyContact: Nullable(
    Type.Object({ name: Type.String(), phone: Type.String(), relation: Nullable(Type.String()) }),
  ),
  startsOn: Type.String(),
  endsOn: Type.String(),
  referentUserId: Type.String(),
  referentName: Nullable(Type.String()),
  tutorUserId: Nullable(Type.String()),
  tutorName: Nullable(Type.String()),
  signatory: Type.Enum([...SIGNATORIES]),
  representativeName: Nullable(Type.String()),
  language: Type.Enum([...AGREEMENT_LANGUAGES]),
  accidentInsuranceRef: Nullable(Type.String()),
  liabilityInsuranceRef: Nullable(Type.String()),
  sharedFields: Type.Array(Type.String()),
  /**
   * The reason of the move that led here, while it concerns the reader: a refusal or return for the home
   * side while the agreement is a draft again, an interruption or cancellation for both. Else in `history`.
   */
  statusReason: Nullable(Type.String()),
  /** Whose turn it is, and to do what; empty once the agreement has ended. */
  nextStep: Type.Array(NextTaskView),
  /** The agreement's moves, oldest first (home side: its audit chain; the host sees none). */
  history: Type.Array(HistoryEntry),
  durationRule: Type.Object({ minMonths: Type.Integer(), maxMonths: Type.Integer() }),
  signatures: Type.Array(SignatureView),
  /** What this actor may do now, each with the guards that block it. */
  actions: Type.Array(ActionView),
  /** Only the home side and only in these statuses may change the terms. */
  editable: Type.Boolean(),
  validatedAt: Nullable(Type.String()),
  activatedAt: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PlacementView = Static<typeof PlacementView>;

export const PlacementQuery = Type.Object(
  {
    side: O(Type.Enum([...AGREEMENT_SIDES])),
    status: O(Type.Enum([...AGREEMENT_STATUSES])),
    personId: O(Uuid),
    /** Only the agreements the actor is referent or tutor of. */
    mine: O(Type.Boolean()),
    ...PageQuery,
    pageSize: O(Type.Integer({ minimum: 1, maximum: PLACEMENTS_MAX_PAGE_SIZE })),
  },
  { additionalProperties: false },
);
export type PlacementQuery = Static<typeof PlacementQuery>;

export const PlacementItem = Type.Object({
  id: Type.String(),
  side: Type.Enum([...AGREEMENT_SIDES]),
  status: Type.Enum([...AGREEMENT_STATUSES]),
  personId: Type.String(),
  /** Shown on the home side only; the host list shows the participant code (no audited read per row). */
  personName: Nullable(Type.String()),
  participantCode: Nullable(Type.String()),
  homeOrg: OrgRef,
  hostOrg: OrgRef,
  siteName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  tutorName: Nullable(Type.String()),
  referentName: Nullable(Type.String()),
  /** Signatures of the current version still missing. */
  pendingSignatures: Type.Integer(),
  /** Whose turn it is, and to do what (no guard is evaluated for a list). */
  nextStep: Type.Array(NextTaskView),
});
export type PlacementItem = Static<typeof PlacementItem>;

export const PlacementPage = Paged(PlacementItem);
export type PlacementPage = Static<typeof PlacementPage>;

/** What a signer sees through their link (no session): the terms they sign, in the agreement's language. */
export const SignatureLinkView = Type.Object({
  role: Type.Enum([...SIGNATURE_ROLES]),
  signerName: Type.String(),
  language: Type.Enum([...AGREEMENT_LANGUAGES]),
  personName: Type.String(),
  homeOrgName: Type.String(),
  hostOrgName: Type.String(),
  siteName: Type.String(),
  municipalityCode: Type.String(),
  tasks: Nullable(Type.String()),
  schedule: Nullable(Type.String()),
  hoursPerWeek: Nullable(Type.Number()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  /** The whole agreement as the signer's party reads it, in the signer's language (issue 9, item 6). */
  document: AgreementReading,
  /** Why signing would be refused now (guard codes, e.g. start_not_past); empty when it can be signed. */
  blocked: Type.Array(Type.String()),
});
export type SignatureLinkView = Static<typeof SignatureLinkView>;

export const SignatureTokenBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), accept: Type.Literal(true) },
  { additionalProperties: false },
);
export type SignatureTokenBody = Static<typeof SignatureTokenBody>;
