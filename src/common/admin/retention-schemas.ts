import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from '../kernel/schemas';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from './retention';

/** An organisation's retention policy, its runs and the dry run (issue 16, ADR 0033). */

const Years = Type.Integer({ minimum: RETENTION_YEARS_MIN, maximum: RETENTION_YEARS_MAX });

export const RetentionPolicyBody = Type.Object(
  {
    caseFileYears: Years,
    participationYears: Years,
    /** The scheduled job anonymises what is due only once an administrator turned this on. */
    automatic: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RetentionPolicyBody = Static<typeof RetentionPolicyBody>;

export const RetentionCountsView = Type.Object({
  caseFile: Type.Integer(),
  participation: Type.Integer(),
  held: Type.Integer(),
  restricted: Type.Integer(),
});

export const RetentionRunView = Type.Object({
  id: Uuid,
  ranOn: IsoDate,
  finishedAt: IsoDateTime,
  caseFileYears: Type.Integer(),
  participationYears: Type.Integer(),
  counts: RetentionCountsView,
  failed: Type.Integer(),
  /** The persons anonymised, by id only (their records now say nothing more). */
  personIds: Type.Array(Uuid),
});
export type RetentionRunView = Static<typeof RetentionRunView>;

export const RetentionPage = Type.Object({
  policy: Type.Object({
    caseFileYears: Type.Integer(),
    participationYears: Type.Integer(),
    automatic: Type.Boolean(),
    /** True while the organisation never saved a policy (the defaults are shown). */
    isDefault: Type.Boolean(),
    updatedAt: Nullable(IsoDateTime),
  }),
  runs: Type.Array(RetentionRunView),
});
export type RetentionPage = Static<typeof RetentionPage>;

/** What a run would anonymise today: counts and participant codes, nothing changed. */
export const RetentionDryRun = Type.Object({
  today: IsoDate,
  counts: RetentionCountsView,
  due: Type.Array(
    Type.Object({
      participantCode: Type.String(),
      kind: Type.Union([Type.Literal('case_file'), Type.Literal('participation')]),
      dueOn: IsoDate,
      lastContactOn: IsoDate,
    }),
  ),
});
export type RetentionDryRun = Static<typeof RetentionDryRun>;
