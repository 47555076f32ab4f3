import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { IMMERSION_KINDS } from './request-rules';
import { REQUEST_GUARDS, REQUEST_SIDES, REQUEST_STATUSES } from './request-workflow';
import { AgreementSignaturesView } from './signature-schemas';

/** Schemas of immersion requests, their agreement, logbook and report, shared by the API and the forms. */

const OrNull = NullFirst;
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const Long = (min: number, max: number) => MultilineText({ minLength: min, maxLength: max });
/** An offer theme code (the offers catalogue's list; the request must name one of its offer's). */
export const ThemeCode = Type.String({ pattern: '^[a-z][a-z_]{1,39}$' });

export const RequestInput = Type.Object(
  {
    offerId: Uuid,
    periodId: OrNull(Uuid),
    /** Defaults to the offer's programme; the immersion must lie within its dates. */
    programmeId: OrNull(Uuid),
    /** A manager proposing an immersion for a colleague names them; otherwise the requester goes. */
    visitorUserId: OrNull(Uuid),
    kind: Type.Enum([...IMMERSION_KINDS]),
    theme: ThemeCode,
    objectives: Long(10, 4000),
    schedule: OrNull(Long(1, 2000)),
    startsOn: IsoDate,
    endsOn: IsoDate,
    /** Days with the host when the schedule says otherwise than the working days between the dates. */
    days: OrNull(Type.Integer({ minimum: 1, maximum: 366 })),
    /** Sent to the manager at once (otherwise kept as a draft). */
    submit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RequestInput = Static<typeof RequestInput>;

/** What the form's warnings need: the request without its texts (nothing is saved). */
export const PreviewInput = Type.Object(
  {
    offerId: Uuid,
    periodId: OrNull(Uuid),
    programmeId: OrNull(Uuid),
    visitorUserId: OrNull(Uuid),
    kind: Type.Enum([...IMMERSION_KINDS]),
    theme: ThemeCode,
    startsOn: IsoDate,
    endsOn: IsoDate,
    days: OrNull(Type.Integer({ minimum: 1, maximum: 366 })),
  },
  { additionalProperties: false },
);
export type PreviewInput = Static<typeof PreviewInput>;

export const TransitionInput = Type.Object(
  { action: Type.String({ pattern: '^[a-z_]{2,40}$' }), reason: Type.Optional(OrNull(Long(1, 1000))) },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionInput>;

export const ConsentInput = Type.Object(
  { heldOn: IsoDate, activity: Text(3, 300) },
  { additionalProperties: false },
);
export type ConsentInput = Static<typeof ConsentInput>;

export const LogbookInput = Type.Object(
  { entryOn: IsoDate, body: Long(3, 8000), sharedWithHost: Type.Boolean() },
  { additionalProperties: false },
);
export type LogbookInput = Static<typeof LogbookInput>;

export const ReportInput = Type.Object(
  {
    surprised: Long(0, 8000),
    worksDifferently: Long(0, 8000),
    toTransfer: Long(0, 8000),
    /** Submitted to the host (then read-only); otherwise saved as a draft. */
    submit: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;

/** The warnings a request carries, for the requester, the manager and the host alike. */
export const RequestWarnings = Type.Object({
  /** The yearly rule for short immersions (days this year on the theme, this one included). */
  yearly: Nullable(
    Type.Object({
      code: Type.Enum(['above_yearly_max', 'below_yearly_min']),
      total: Type.Integer(),
      minDays: Type.Integer(),
      maxDays: Type.Integer(),
    }),
  ),
  /** The period (or offer) capacity and visitors already agreed over these dates. */
  capacity: Type.Object({ capacity: Type.Integer(), taken: Type.Integer(), full: Type.Boolean() }),
  /** Problems of the dates (codes of `checkDates`): shown on the form before the server refuses. */
  dates: Type.Array(Type.String()),
});
export type RequestWarnings = Static<typeof RequestWarnings>;

export const PreviewView = Type.Object({ days: Type.Integer(), warnings: RequestWarnings });
export type PreviewView = Static<typeof PreviewView>;

const Status = Type.Enum([...REQUEST_STATUSES]);

export const RequestSummary = Type.Object({
  id: Uuid,
  status: Status,
  kind: Type.Enum([...IMMERSION_KINDS]),
  theme: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  days: Type.Integer(),
  offerTitleFr: Nullable(Type.String()),
  offerTitleNl: Nullable(Type.String()),
  visitorName: Type.String(),
  visitorOrgName: Type.String(),
  hostOrgName: Type.String(),
  /** Which side the reader's organisation is on. */
  side: Type.Enum([...REQUEST_SIDES]),
  nextActor: Nullable(Type.Enum(['visitor', 'manager', 'host', 'signers'])),
  reportDueOn: Nullable(IsoDate),
  reportState: Type.Enum(['not_yet', 'due', 'overdue', 'submitted']),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const REQUEST_LIST_SCOPES = ['mine', 'manager', 'host', 'organisation'] as const;
export const RequestListQuery = Type.Object(
  { scope: Type.Optional(Type.Enum([...REQUEST_LIST_SCOPES])) },
  { additionalProperties: false },
);
export const RequestList = Type.Object({
  items: Type.Array(RequestSummary),
  canManage: Type.Boolean(),
});
export type RequestList = Static<typeof RequestList>;

export const ActionView = Type.Object({
  action: Type.String(),
  to: Status,
  tone: Type.Enum(['primary', 'secondary', 'danger']),
  reasonRequired: Type.Boolean(),
  blockedBy: Type.Array(Type.Enum([...REQUEST_GUARDS])),
});
export type ActionView = Static<typeof ActionView>;

export const ConsentView = Type.Object({
  id: Uuid,
  heldOn: IsoDate,
  activity: Type.String(),
  recordedAt: IsoDateTime,
});
export const LogbookEntryView = Type.Object({
  id: Uuid,
  entryOn: IsoDate,
  body: Type.String(),
  sharedWithHost: Type.Boolean(),
});
export type LogbookEntryView = Static<typeof LogbookEntryView>;
export const ReportView = Type.Object({
  surprised: Type.String(),
  worksDifferently: Type.String(),
  toTransfer: Type.String(),
  submittedAt: Nullable(IsoDateTime),
});
export type ReportView = Static<typeof ReportView>;

export const RequestView = Type.Object({
  request: RequestSummary,
  offerId: Uuid,
  periodId: Nullable(Uuid),
  programme: Nullable(Type.Object({ id: Uuid, acronym: Type.String() })),
  hostUnitName: Nullable(Type.String()),
  objectives: Type.String(),
  schedule: Nullable(Type.String()),
  statusReason: Nullable(Type.String()),
  people: Type.Object({
    visitor: Type.String(),
    requestedBy: Nullable(Type.String()),
    manager: Nullable(Type.String()),
    host: Nullable(Type.String()),
  }),
  managerDecidedAt: Nullable(IsoDateTime),
  hostDecidedAt: Nullable(IsoDateTime),
  confidentialityAcceptedAt: Nullable(IsoDateTime),
  /** The agreement's version and signatures, once both sides approved. */
  signatures: Nullable(AgreementSignaturesView),
  warnings: RequestWarnings,
  actions: Type.Array(ActionView),
  consents: Type.Array(ConsentView),
  logbook: Type.Array(LogbookEntryView),
  report: Nullable(ReportView),
  /** The good-practice sheet drawn from the report, when the reader's organisation sees it. */
  practice: Nullable(Type.Object({ id: Uuid, reference: Type.String() })),
  can: Type.Object({
    recordConsent: Type.Boolean(),
    writeLogbook: Type.Boolean(),
    writeReport: Type.Boolean(),
    edit: Type.Boolean(),
    /** Draw a good-practice sheet from the submitted report (the visitor's organisation, once). */
    drawPractice: Type.Boolean(),
  }),
});
export type RequestView = Static<typeof RequestView>;

/** Colleagues a manager may propose an immersion for (its own organisation's active staff). */
export const Colleagues = Type.Array(Type.Object({ userId: Uuid, name: Type.String() }));

export const PartnerYearQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export const PartnerYearView = Type.Object({
  programme: Type.Object({ id: Uuid, acronym: Type.String(), startsOn: IsoDate, endsOn: IsoDate }),
  year: Type.Integer(),
  rule: Type.Object({ minDays: Type.Integer(), maxDays: Type.Integer(), custom: Type.Boolean() }),
  canEditRule: Type.Boolean(),
  partners: Type.Array(
    Type.Object({
      orgId: Uuid,
      nameFr: Type.String(),
      nameNl: Type.String(),
      shortName: Nullable(Type.String()),
      sent: Type.Integer(),
      received: Type.Integer(),
    }),
  ),
});
export type PartnerYearView = Static<typeof PartnerYearView>;

export const YearlyRuleInput = Type.Object(
  { minDays: Type.Integer({ minimum: 1, maximum: 30 }), maxDays: Type.Integer({ minimum: 1, maximum: 60 }) },
  { additionalProperties: false },
);
export type YearlyRuleInput = Static<typeof YearlyRuleInput>;
