/**
 * The cross-border services network (issue 13, migration 0046): links between a service and a partner
 * service on the other side of the border, and the monthly use of a service by persons from the other
 * country. The same value lists as the migration's checks.
 */
import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** What a side's service accepts from the other side. */
export const LINK_ACCEPTS = ['orientation', 'shared_desk', 'residents'] as const;
export type LinkAccept = (typeof LINK_ACCEPTS)[number];
export const LINK_STATUSES = ['proposed', 'active', 'ended'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export const HOME_COUNTRIES = ['FR', 'BE'] as const;

/** A participant code of the people module (migration 0003). */
export const PARTICIPANT_CODE_PATTERN = '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$';
/** 'YYYY-MM': a month of use. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
export const MAX_PERSONS_A_MONTH = 100000;

const Accepts = Type.Array(Type.Enum([...LINK_ACCEPTS]), {
  uniqueItems: true,
  maxItems: LINK_ACCEPTS.length,
});

export const ServiceParams = Type.Object({ id: Uuid });
export const LinkParams = Type.Object({ id: Uuid, linkId: Uuid });

/** Proposed from one of the caller's services (`:id`) to a partner service on the other side. */
export const LinkProposal = Type.Object(
  {
    partnerServiceId: Uuid,
    since: IsoDate,
    until: Type.Optional(Nullable(IsoDate)),
    accepts: Accepts,
    note: Type.Optional(Nullable(MultilineText({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type LinkProposal = Static<typeof LinkProposal>;

/** The partner's answer: accepting, with what its own service accepts. */
export const LinkAcceptance = Type.Object({ accepts: Accepts }, { additionalProperties: false });
export type LinkAcceptance = Static<typeof LinkAcceptance>;

/** Ending a link (or withdrawing / declining a proposal): from the given day, today by default. */
export const LinkEnding = Type.Object({ until: Type.Optional(IsoDate) }, { additionalProperties: false });
export type LinkEnding = Static<typeof LinkEnding>;

const ServiceSide = Type.Object({
  serviceId: Uuid,
  titleFr: Nullable(Type.String()),
  titleNl: Nullable(Type.String()),
  orgId: Uuid,
  orgNameFr: Type.String(),
  orgNameNl: Type.String(),
  country: Type.String(),
  accepts: Type.Array(Type.String()),
});

/** A link as seen from one service: `self` is that service's side, `partner` the other. */
export const LinkView = Type.Object({
  id: Uuid,
  status: Type.Enum([...LINK_STATUSES]),
  since: IsoDate,
  until: Nullable(IsoDate),
  note: Nullable(Type.String()),
  proposedByOrgId: Uuid,
  self: ServiceSide,
  partner: ServiceSide,
  /** The moves the caller may make on it now. */
  canAccept: Type.Boolean(),
  canEnd: Type.Boolean(),
});
export type LinkView = Static<typeof LinkView>;

export const ServiceLinks = Type.Object({
  items: Type.Array(LinkView),
  /** The caller's organisation manages this service: it may propose links and record its use. */
  canManage: Type.Boolean(),
});
export type ServiceLinks = Static<typeof ServiceLinks>;

/** The network-wide list: every link in force or proposed, once, with both sides. */
export const NetworkLinks = Type.Object({ items: Type.Array(LinkView) });
export type NetworkLinks = Static<typeof NetworkLinks>;

/** One month's use by persons from the other country. */
export const UseInput = Type.Object(
  {
    month: Type.String({ pattern: MONTH_PATTERN }),
    persons: Type.Integer({ minimum: 0, maximum: MAX_PERSONS_A_MONTH }),
    participantCodes: Type.Optional(
      Type.Array(Type.String({ pattern: PARTICIPANT_CODE_PATTERN }), { uniqueItems: true, maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);
export type UseInput = Static<typeof UseInput>;

export const UseRow = Type.Object({
  month: Type.String(),
  homeCountry: Type.String(),
  persons: Type.Integer(),
  participantCodes: Type.Array(Type.String()),
});
export type UseRow = Static<typeof UseRow>;
/** The providing organisation's monthly counts for a service, latest first; `homeCountry` is the other side. */
export const UseList = Type.Object({ homeCountry: Type.String(), items: Type.Array(UseRow) });
export type UseList = Static<typeof UseList>;
