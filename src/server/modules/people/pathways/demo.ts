import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { switchContext, type Tx } from '../../../platform/db/context';
import { type DemoSecrets, seedingAs } from '../../../platform/demo';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import type {
  PathwayActionsTable,
  PathwayMobilityTable,
  PathwayNotesTable,
  PathwayObjectivesTable,
  PathwaysTable,
} from '../tables';
import { today as dayOf } from '../today';
import { DEMO_PLANS, type DemoPlan } from './demo-content';

/** Organisations whose demo persons get a pathway, with the referent who follows them and the language. */
const FOLLOWED = [
  { org: 'cpas-mouscron', referent: 'referent_be_wal', lang: 'fr' },
  { org: 'ocmw-kortrijk', referent: 'referent_be_vlg', lang: 'nl' },
  { org: 'ccas-roubaix', referent: 'referent_fr', lang: 'fr' },
] as const;

interface Batch {
  pathways: Insertable<PathwaysTable>[];
  objectives: Insertable<PathwayObjectivesTable>[];
  actions: Insertable<PathwayActionsTable>[];
  notes: Insertable<PathwayNotesTable>[];
  mobility: Insertable<PathwayMobilityTable>[];
}

const MS_PER_DAY = 86_400_000;
/** The calendar day n days before another (both `YYYY-MM-DD`). */
const daysAgo = (today: string, n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * Gives most demo persons of the three Action 1 centres a pathway (every fourth person has none, to show
 * the empty state). Runs after the persons seeder; pathway rows are visible to their organisation only,
 * so it acts as each organisation's referent in turn, then returns to the seeding context.
 */
export async function seedDemoPathways(
  trx: Tx,
  orgs: Record<string, string>,
  users: Record<string, string>,
  secrets: DemoSecrets,
): Promise<void> {
  // Notes are sealed with each organisation's key (ADR 0039): the platform's seed hands the platform key; a
  // bare seed in a test may not, and then the notes are left out.
  const key = (secrets as Partial<Secrets>).secretKey;
  // The seeding transaction's day (app.today()), as every rule reads it.
  const today = await dayOf(trx);
  return seedingAs(trx, async () => {
    for (const f of FOLLOWED) {
      const orgId = orgs[f.org];
      const referent = users[f.referent];
      if (!orgId || !referent) continue;
      await switchContext(trx, { orgId, userId: referent });
      const persons = await trx
        .selectFrom('persons')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', '=', 'active')
        .orderBy('last_name')
        .orderBy('first_name')
        .orderBy('id')
        .execute();
      const batch: Batch = { pathways: [], objectives: [], actions: [], notes: [], mobility: [] };
      persons.forEach((p, i) => {
        if (i % 4 === 3) return;
        plan(
          batch,
          DEMO_PLANS[i % DEMO_PLANS.length]!,
          { orgId, personId: p.id, referent, lang: f.lang },
          today,
        );
      });
      if (key) {
        // Written sealed, as the application writes them (migrations 0074, 0080).
        const cipher = await fieldCipher(trx, { secretKey: key } as Secrets);
        for (const n of batch.notes) n.body = cipher.seal('pathway_notes.body', n.body as string);
        for (const o of batch.objectives)
          o.title = cipher.seal('pathway_objectives.title', o.title as string);
        for (const a of batch.actions) a.title = cipher.seal('pathway_actions.title', a.title as string);
      } else {
        batch.notes = [];
        batch.objectives = [];
        batch.actions = [];
      }
      await insertAll(trx, batch);
    }
  });
}

function plan(
  out: Batch,
  p: DemoPlan,
  who: { orgId: string; personId: string; referent: string; lang: 'fr' | 'nl' },
  today: string,
) {
  const pathwayId = randomUUID();
  const org_id = who.orgId;
  out.pathways.push({
    id: pathwayId,
    org_id,
    person_id: who.personId,
    modules: p.modules,
    referent_user_ids: [who.referent],
    entry_on: daysAgo(today, p.entryDaysAgo),
  });
  for (const objective of p.objectives) {
    const objectiveId = randomUUID();
    out.objectives.push({
      id: objectiveId,
      org_id,
      pathway_id: pathwayId,
      title: objective.title[who.lang],
      status: objective.status,
    });
    objective.actions.forEach((action, k) => {
      out.actions.push({
        org_id,
        objective_id: objectiveId,
        title: action.title[who.lang],
        status: action.status,
        done_on: action.status === 'done' ? daysAgo(today, Math.max(1, p.entryDaysAgo - 20 * (k + 1))) : null,
      });
    });
  }
  for (const n of p.notes)
    out.notes.push({
      org_id,
      pathway_id: pathwayId,
      author_user_id: who.referent,
      noted_on: daysAgo(today, n.daysAgo),
      body: n.body[who.lang],
      confidential: n.confidential ?? false,
    });
  p.mobility.forEach(([radius, crossed], k) => {
    out.mobility.push({
      org_id,
      pathway_id: pathwayId,
      recorded_on: daysAgo(today, Math.max(0, p.entryDaysAgo - 30 * (k + 1))),
      radius_km: radius,
      crossed_border: crossed,
    });
  });
}

/** One insert per table (seeding stays fast: tests seed a fresh database per file). */
async function insertAll(trx: Tx, b: Batch) {
  if (!b.pathways.length) return;
  await trx.insertInto('pathways').values(b.pathways).execute();
  if (b.objectives.length) await trx.insertInto('pathway_objectives').values(b.objectives).execute();
  if (b.actions.length) await trx.insertInto('pathway_actions').values(b.actions).execute();
  if (b.notes.length) await trx.insertInto('pathway_notes').values(b.notes).execute();
  if (b.mobility.length) await trx.insertInto('pathway_mobility').values(b.mobility).execute();
}
