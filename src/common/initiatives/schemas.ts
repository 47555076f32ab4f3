import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** Solidarity initiatives and the forum proposals they come from (issue 13, migration 0049). */

export const INITIATIVE_STATUSES = ['idea', 'preparing', 'running', 'ended', 'abandoned'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const PROPOSAL_STATUSES = ['open', 'adopted', 'set_aside'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_LANGUAGES = ['fr', 'nl'] as const;
export const COUNTRIES = ['FR', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

const Title = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });
const Description = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 5000 })));
const MunicipalityCode = Type.String({ pattern: '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$' });

export const InitiativeInput = Type.Object(
  {
    titleFr: Title,
    titleNl: Title,
    descriptionFr: Description,
    descriptionNl: Description,
    targetPublic: Type.Optional(NullFirst(Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }))),
    partnerOrgIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }),
    territoryCodes: Type.Array(MunicipalityCode, { maxItems: 50, uniqueItems: true }),
    programmeId: Type.Optional(NullFirst(Uuid)),
    /** Only when created from a forum proposal (the forum's organiser). */
    proposalId: Type.Optional(NullFirst(Uuid)),
  },
  { additionalProperties: false },
);
export type InitiativeInput = Static<typeof InitiativeInput>;

export const InitiativeTransition = Type.Object(
  { action: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }) },
  { additionalProperties: false },
);
export type InitiativeTransition = Static<typeof InitiativeTransition>;

export const PublishInput = Type.Object({ published: Type.Boolean() }, { additionalProperties: false });
export type PublishInput = Static<typeof PublishInput>;

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...INITIATIVE_STATUSES])),
    municipality: Type.Optional(MunicipalityCode),
    crossBorder: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const OrgView = Type.Object({ id: Uuid, name: Type.String(), country: Type.Enum([...COUNTRIES]) });
export type OrgView = Static<typeof OrgView>;

export const TerritoryView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  lon: NullFirst(Type.Number()),
  lat: NullFirst(Type.Number()),
});
export type TerritoryView = Static<typeof TerritoryView>;

export const InitiativeSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  titleFr: Type.String(),
  titleNl: Type.String(),
  status: Type.Enum([...INITIATIVE_STATUSES]),
  lead: OrgView,
  crossBorder: Type.Boolean(),
  published: Type.Boolean(),
  territories: Type.Array(TerritoryView),
});
export type InitiativeSummary = Static<typeof InitiativeSummary>;

export const InitiativeList = Type.Object({
  items: Type.Array(InitiativeSummary),
  canCreate: Type.Boolean(),
});
export type InitiativeList = Static<typeof InitiativeList>;

export const ResultView = Type.Object({
  id: Uuid,
  entryOn: IsoDate,
  text: Type.String(),
  linkUrl: NullFirst(Type.String()),
  figure: NullFirst(Type.Number()),
  figureLabel: NullFirst(Type.String()),
  organisation: Type.String(),
  canDelete: Type.Boolean(),
});
export type ResultView = Static<typeof ResultView>;

export const ResultInput = Type.Object(
  {
    entryOn: IsoDate,
    text: MultilineText({ minLength: 2, maxLength: 2000, pattern: '\\S' }),
    linkUrl: Type.Optional(NullFirst(Type.String({ maxLength: 500, pattern: '^https://\\S+$' }))),
    figure: Type.Optional(NullFirst(Type.Number({ minimum: 0, maximum: 1_000_000_000 }))),
    figureLabel: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }))),
  },
  { additionalProperties: false },
);
export type ResultInput = Static<typeof ResultInput>;

/** An assignment of a volunteer to the initiative, as the reader may see it (its own organisation's). */
export const AssignmentView = Type.Object({
  id: Uuid,
  volunteerName: Type.String(),
  organisation: Type.String(),
  assignedOn: IsoDate,
  hours: Type.Number(),
});
export type AssignmentView = Static<typeof AssignmentView>;

export const VolunteerTotals = Type.Object({ volunteers: Type.Integer(), hours: Type.Number() });

export const InitiativeDetail = Type.Object({
  id: Uuid,
  titleFr: Type.String(),
  titleNl: Type.String(),
  descriptionFr: NullFirst(Type.String()),
  descriptionNl: NullFirst(Type.String()),
  targetPublic: NullFirst(Type.String()),
  programmeId: NullFirst(Uuid),
  status: Type.Enum([...INITIATIVE_STATUSES]),
  startedOn: NullFirst(IsoDate),
  endedOn: NullFirst(IsoDate),
  lead: OrgView,
  partners: Type.Array(OrgView),
  territories: Type.Array(TerritoryView),
  crossBorder: Type.Boolean(),
  published: Type.Boolean(),
  proposal: NullFirst(Type.Object({ id: Uuid, title: Type.String(), eventId: Uuid })),
  results: Type.Array(ResultView),
  /** Every organisation's assignments, counted (no names). */
  volunteerTotals: VolunteerTotals,
  /** The assignments the reader's organisation may see (its own, or its coordinated volunteers'). */
  assignments: Type.Array(AssignmentView),
  canEdit: Type.Boolean(),
  canAddResult: Type.Boolean(),
  actions: Type.Array(Type.Object({ action: Type.String(), to: Type.Enum([...INITIATIVE_STATUSES]) })),
});
export type InitiativeDetail = Static<typeof InitiativeDetail>;

export const Created = Type.Object({ id: Uuid });

export const ProposalInput = Type.Object(
  {
    title: Title,
    description: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 5000 }))),
    language: Type.Enum([...PROPOSAL_LANGUAGES]),
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalInput>;

export const ProposalStatusInput = Type.Object(
  { status: Type.Enum(['open', 'set_aside']) },
  { additionalProperties: false },
);

export const ProposalView = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: NullFirst(Type.String()),
  language: Type.Enum([...PROPOSAL_LANGUAGES]),
  status: Type.Enum([...PROPOSAL_STATUSES]),
  createdAt: IsoDateTime,
  initiative: NullFirst(
    Type.Object({ id: Uuid, title: Type.String(), status: Type.Enum([...INITIATIVE_STATUSES]) }),
  ),
});
export type ProposalView = Static<typeof ProposalView>;

export const ProposalList = Type.Object({
  items: Type.Array(ProposalView),
  /** The event's organiser (initiatives.manage) records proposals and turns them into initiatives. */
  canManage: Type.Boolean(),
});
export type ProposalList = Static<typeof ProposalList>;

/** One proposal, to prefill the initiative made from it. */
export const ProposalDetail = Type.Object({
  id: Uuid,
  eventId: Uuid,
  eventTitle: Type.String(),
  title: Type.String(),
  description: NullFirst(Type.String()),
  language: Type.Enum([...PROPOSAL_LANGUAGES]),
  status: Type.Enum([...PROPOSAL_STATUSES]),
});
export type ProposalDetail = Static<typeof ProposalDetail>;

export const EventIdParams = Type.Object({ eventId: Uuid });
export const ResultParams = Type.Object({ id: Uuid, resultId: Uuid });

export const PublicQuery = Type.Object(
  { lang: Type.Optional(Type.Enum([...PROPOSAL_LANGUAGES])) },
  { additionalProperties: false },
);

/** A published initiative for anyone: organisations, places and results; no person. */
export const PublicInitiative = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: NullFirst(Type.String()),
  targetPublic: NullFirst(Type.String()),
  status: Type.Enum([...INITIATIVE_STATUSES]),
  lead: Type.String(),
  partners: Type.Array(Type.String()),
  territories: Type.Array(Type.String()),
  crossBorder: Type.Boolean(),
  results: Type.Array(
    Type.Object({
      entryOn: IsoDate,
      text: Type.String(),
      linkUrl: NullFirst(Type.String()),
      figure: NullFirst(Type.Number()),
      figureLabel: NullFirst(Type.String()),
    }),
  ),
  volunteerTotals: VolunteerTotals,
});
export type PublicInitiative = Static<typeof PublicInitiative>;

export const PublicInitiativeList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      status: Type.Enum([...INITIATIVE_STATUSES]),
      lead: Type.String(),
      territories: Type.Array(Type.String()),
      crossBorder: Type.Boolean(),
    }),
  ),
});
export type PublicInitiativeList = Static<typeof PublicInitiativeList>;
