import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/**
 * A board's policy follow-up (migration 0039): what a partner decided to adapt in its local social policy
 * in response to the board, when, and how far it has come. Written in one language, the writer's; shown
 * with the organisation's name only, never a person's.
 */

export const FOLLOWUP_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
export const FOLLOWUP_LANGUAGES = ['fr', 'nl'] as const;

export const FollowupInput = Type.Object(
  {
    decidedOn: IsoDate,
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    decision: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 4000 }))),
    language: Type.Enum([...FOLLOWUP_LANGUAGES]),
    status: Type.Enum([...FOLLOWUP_STATUSES]),
    /** The indicator that prompted it (one of the board's). */
    indicator: Type.Optional(NullFirst(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }))),
  },
  { additionalProperties: false },
);
export type FollowupInput = Static<typeof FollowupInput>;

export const FollowupPatch = Type.Partial(FollowupInput, { additionalProperties: false });
export type FollowupPatch = Static<typeof FollowupPatch>;

export const FollowupParams = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
  followup: Uuid,
});

/** As every reader sees it (signed in or not): the organisation, never the person. */
export const FollowupView = Type.Object({
  id: Uuid,
  organisation: Type.String(),
  country: Nullable(Type.Enum(['FR', 'BE'])),
  decidedOn: Type.String(),
  title: Type.String(),
  decision: Nullable(Type.String()),
  language: Type.Enum([...FOLLOWUP_LANGUAGES]),
  status: Type.Enum([...FOLLOWUP_STATUSES]),
  indicator: Nullable(Type.Object({ code: Type.String(), label: Type.String() })),
  /** The reader's organisation recorded it (it may change or remove it). */
  canEdit: Type.Boolean(),
});
export type FollowupView = Static<typeof FollowupView>;
