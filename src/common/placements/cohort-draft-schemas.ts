/**
 * Drafts from an accepted cohort suggestion: one draft agreement per (person, offer) pair, each created or
 * refused on its own (a refusal of one does not undo the others).
 */
import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../kernel/schemas';
import { DATA_CATEGORIES } from '../people/consent';
import { MultilineText } from '../validation/text';

export const COHORT_DRAFTS_MAX = 200;

export const CohortDraftBody = Type.Object(
  {
    assignments: Type.Array(Type.Object({ personId: Uuid, offerId: Uuid }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: COHORT_DRAFTS_MAX,
    }),
    /** Field groups the hosts will see of each person (each needs its consent, or the override). */
    sharedFields: Type.Array(Type.Enum([...DATA_CATEGORIES]), {
      minItems: 1,
      maxItems: 9,
      uniqueItems: true,
    }),
    overrideReason: Type.Optional(MultilineText({ minLength: 5, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CohortDraftBody = Static<typeof CohortDraftBody>;

export const CohortDraftResult = Type.Object({
  results: Type.Array(
    Type.Object({
      personId: Type.String(),
      offerId: Type.String(),
      /** The draft created, or null when this assignment was refused. */
      placementId: Nullable(Type.String()),
      /** Why it was refused, translated into the caller's language. */
      error: Type.Union([
        Type.Object({
          code: Type.String(),
          message: Type.String(),
          fields: Type.Array(
            Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() }),
          ),
        }),
        Type.Null(),
      ]),
    }),
  ),
  created: Type.Integer(),
});
export type CohortDraftResult = Static<typeof CohortDraftResult>;
