import { sql } from 'kysely';
import type { RuleParams } from '../../../../common/monitoring/rules';
import type { DemoSeeder } from '../../../platform/demo';
import { AB_INDICATORS, AB_SUITE_INDICATORS } from './ab-indicators';
import { type DemoIndicator, SAM_INDICATORS } from './sam-indicators';
import * as store from './store';

/** The programmes that carry demo indicators (if seeded): SAM's six, AB Réfugiés' (issue 14). */
const DEMO_SETS: ReadonlyArray<[string, DemoIndicator[]]> = [
  ['SAM-E', SAM_INDICATORS],
  ['SAM-E suite', SAM_INDICATORS],
  ['AB Réfugiés', AB_INDICATORS],
  ['AB Réfugiés suite', AB_SUITE_INDICATORS],
];

/**
 * SAM's indicators on SAM Eurométropole (2010–2014) and on its fictional follow-up, AB Réfugiés' on theirs,
 * attributed to their actions (A1–A4, M1–M3) when the programme has them, with a milestone of half the
 * target at the end of the middle year. The parameters are checked against the modules' rules by
 * sam-indicators.test.ts and ab-indicators.test.ts.
 */
export const seedIndicators: DemoSeeder = async (trx) => {
  for (const [acronym, indicators] of DEMO_SETS) {
    const r = await sql<{ id: string }>`select id from programmes where acronym = ${acronym}`.execute(trx);
    const id = r.rows[0]?.id;
    if (!id) continue;
    const programme = await store.findProgramme(trx, id);
    if (!programme) continue;
    const actions = await store.programmeActions(trx, id);
    const startYear = Number(programme.starts_on.slice(0, 4));
    const endYear = Number(programme.ends_on.slice(0, 4));
    const midDay = `${startYear + Math.floor((endYear - startYear) / 2)}-12-31`;
    for (const [i, d] of indicators.entries()) {
      const { actionCode, ...input } = d;
      await store.insertIndicator(
        trx,
        programme,
        {
          ...input,
          position: i + 1,
          actionId: actions.find((a) => a.code === actionCode)?.id ?? null,
          milestones:
            midDay > programme.starts_on && midDay < programme.ends_on
              ? [{ dueOn: midDay, target: Math.ceil(d.target / 2) }]
              : [],
        },
        (input.ruleParams ?? {}) as RuleParams,
      );
    }
  }
};
