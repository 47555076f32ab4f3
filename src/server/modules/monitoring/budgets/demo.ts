import { sql } from 'kysely';
import type { DemoSeeder } from '../../../platform/demo';
import * as programmes from '../indicators/store';
import { AB_VERSIONS, CB_VERSIONS, type DemoVersion, SAM_VERSIONS, SUITE_VERSIONS } from './demo-figures';
import * as store from './store';

const BY_ACRONYM: [string, DemoVersion[]][] = [
  ['SAM-E', SAM_VERSIONS],
  ['AB Réfugiés', AB_VERSIONS],
  ['FAMI Charleroi–Binche', CB_VERSIONS],
  ['SAM-E suite', SUITE_VERSIONS],
];

/** Each demo programme's budget versions, oldest first, through the store the API uses. */
export const seedBudgets: DemoSeeder = async (trx, orgs) => {
  const org = (key: string) => {
    const id = orgs[key];
    if (!id) throw new Error(`demo budget refers to unknown organisation ${key}`);
    return id;
  };
  for (const [acronym, versions] of BY_ACRONYM) {
    const r = await sql<{ id: string }>`select id from programmes where acronym = ${acronym}`.execute(trx);
    const programme = r.rows[0]?.id ? await programmes.findProgramme(trx, r.rows[0].id) : undefined;
    if (!programme) continue;
    const actions = await programmes.programmeActions(trx, programme.id);
    const action = (code: string | null) => {
      if (code === null) return null;
      const a = actions.find((x) => x.code === code);
      if (!a) throw new Error(`demo budget refers to unknown action ${code} of ${acronym}`);
      return a.id;
    };
    for (const v of versions)
      await store.insertVersion(
        trx,
        programme,
        {
          ...v,
          envelopes: v.envelopes.map(({ org: o, ...e }) => ({ ...e, partnerOrgId: o ? org(o) : null })),
          lines: v.lines.map(({ org: o, action: a, ...l }) => ({
            ...l,
            partnerOrgId: org(o),
            actionId: action(a),
          })),
          cofinancing: v.cofinancing.map(({ org: o, ...f }) => ({ ...f, partnerOrgId: org(o) })),
        },
        null,
      );
  }
};
