// The network generator (issue 15): a realistic border-region network built deterministically from a seed,
// on top of the demo (run seedDemo first: its accounts, programmes and CPAS Mouscron receive generated data).
//
// Why SQL inside the database rather than COPY: every row is derived set-based from generate_series and a
// seeded hash (hashint8extended), so nothing crosses the wire and one code path serves PGlite and
// PostgreSQL alike; COPY would first need every row built as text in Node and shipped, which is the cost
// this avoids (not measured side by side here). Inserts run as the owner with session_replication_role =
// replica, so audit hashing and guard triggers stay out (they would measure the generator, not the
// platform); the rows are written consistent with the checks and foreign keys instead, and everything is
// analysed at the end. Identifiers are md5-derived uuids, so a later step computes the keys it refers to.
import type { Engine } from '../../src/server/platform/db/engine';
import { generateAccompaniment } from './accompaniment';
import type { GeneratedNetwork, GenerateNetwork } from './contract';
import { generateForums } from './forums';
import { generateImmersions } from './immersions';
import { generateObservatory } from './observatory';
import { generateOrganisations } from './organisations';
import { generatePathways, generatePersons } from './people';
import { generatePlacements } from './placements';
import { generateServices } from './services';
import { type StepLog, scaled, step, W, withoutIndexes } from './sql';

export type { GeneratedNetwork, GenerateOptions } from './contract';

/** The reference network at scale 1 (issue 15); counts without a figure in the issue are chosen here. */
export const BASE = {
  organisations: 300,
  users: 3000,
  persons: 200_000,
  placementOffers: 2_000,
  placements: 50_000,
  attendance: 2_000_000,
  immersionOffers: 1_000,
  immersionRequests: 5_000,
  events: 5_000,
  registrations: 500_000,
  services: 10_000,
  observatoryValues: 1_000_000,
  accompanimentRequests: 10_000,
  interventions: 30_000,
  bookings: 20_000,
};

export const DEMO = {
  referent: 'referent@cpas-mouscron.example',
  mouscron: 'contact@cpas-mouscron.example',
  coordinator: 'coordination@udccas-nord.example',
  programme: 'SAM-E suite',
  analyst: 'analist@west-vlaanderen.example',
  admin: 'admin@samen.example',
};

async function demoIds(engine: Engine) {
  const rows = (await engine.rawQuery(
    `select (select id from organisations where email = $1) as mouscron,
       (select id from users where email = $2) as referent,
       (select password_hash from users where email = $2) as hash,
       (select id from programmes where acronym = $3) as programme,
       (select id from users where email = $4) as admin,
       (select m.org_id from memberships m join users u on u.id = m.user_id where u.email = $5 limit 1) as analyst_org`,
    [DEMO.mouscron, DEMO.referent, DEMO.programme, DEMO.admin, DEMO.analyst],
  )) as Array<Record<string, string | null>>;
  const ids = rows[0]!;
  for (const [k, v] of Object.entries(ids)) if (!v) throw new Error(`demo ${k} missing: run seedDemo first`);
  return ids as Record<'mouscron' | 'referent' | 'hash' | 'programme' | 'admin' | 'analyst_org', string>;
}

export const generateNetwork: GenerateNetwork = async (engine, opts) => {
  const { seed, scale } = opts;
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!(scale > 0 && scale <= 100)) throw new Error('scale must be in (0, 100]');
  const n = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, scaled(v, scale)])) as typeof BASE;
  n.organisations = Math.max(20, n.organisations);
  n.users = Math.max(3 * n.organisations, n.users);
  const s: StepLog = { counts: {}, steps: {}, log: opts.log ?? (() => {}) };
  const t0 = performance.now();
  const ids = await demoIds(engine);
  await engine.execScript(`drop schema if exists ${W} cascade; create schema ${W};`);
  try {
    await step(engine, s, 'organisations', ['organisations', 'users', 'memberships'], () =>
      generateOrganisations(engine, seed, n, ids.hash),
    );
    await step(engine, s, 'persons', ['persons'], () =>
      withoutIndexes(engine, ['persons'], () =>
        generatePersons(engine, seed, n.persons, { mouscron: ids.mouscron, programme: ids.programme }),
      ),
    );
    await step(engine, s, 'pathways', ['pathways', 'pathway_mobility'], () =>
      withoutIndexes(engine, ['pathways', 'pathway_mobility'], () =>
        generatePathways(engine, seed, ids.programme),
      ),
    );
    await step(engine, s, 'placements', ['placement_offers', 'placements', 'placement_attendance'], () =>
      withoutIndexes(engine, ['placements', 'placement_attendance'], () =>
        generatePlacements(
          engine,
          seed,
          {
            offers: n.placementOffers,
            placements: n.placements,
            persons: n.persons,
            attendance: n.attendance,
          },
          { programme: ids.programme, admin: ids.admin },
        ),
      ),
    );
    await step(
      engine,
      s,
      'immersions',
      ['org_units', 'immersion_offers', 'immersion_offer_periods', 'immersion_requests'],
      () => generateImmersions(engine, seed, { offers: n.immersionOffers, requests: n.immersionRequests }),
    );
    await step(engine, s, 'forums', ['forum_events', 'forum_registrations'], () =>
      withoutIndexes(engine, ['forum_registrations'], () =>
        generateForums(engine, seed, { events: n.events, registrations: n.registrations }),
      ),
    );
    await step(engine, s, 'services', ['services'], () => generateServices(engine, seed, n.services));
    await step(
      engine,
      s,
      'accompaniment',
      [
        'accompaniment_teams',
        'accompaniment_requests',
        'accompaniment_interventions',
        'interpreter_bookings',
      ],
      () =>
        generateAccompaniment(
          engine,
          seed,
          {
            requests: n.accompanimentRequests,
            interventions: n.interventions,
            bookings: n.bookings,
            persons: n.persons,
          },
          ids.admin,
        ),
    );
    let boardCode = '';
    await step(engine, s, 'observatory', ['territories', 'obs_values'], async () => {
      boardCode = (await generateObservatory(engine, n.observatoryValues, ids.analyst_org)).boardCode;
    });
    await step(engine, s, 'analyze', [], () => engine.execScript('analyze;'));
    const sample = await sampleHandles(engine, ids);
    const total = Math.round(performance.now() - t0);
    const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
    s.log(
      `total          ${String(total).padStart(7)} ms  ${Math.round(rows / (total / 1000))
        .toLocaleString('en')
        .padStart(9)} rows/s  (${rows.toLocaleString('en')} rows)`,
    );
    return {
      counts: s.counts,
      millis: { total, steps: s.steps },
      sample: { ...sample, boardCode },
    } satisfies GeneratedNetwork;
  } finally {
    await engine.execScript(`drop schema if exists ${W} cascade;`);
  }
};

async function sampleHandles(engine: Engine, ids: Record<string, string>) {
  const q = async (sql: string, params: unknown[]) =>
    ((await engine.rawQuery(sql, params)) as Array<{ id: string }>).map((r) => r.id);
  const personIds = await q(
    `select id from persons where referent_user_id = $1 and org_id = $2 and status = 'active' order by id limit 20`,
    [ids.referent, ids.mouscron],
  );
  const agreementIds = await q(
    `select pl.id from placements pl join persons p on p.id = pl.person_id
      where pl.org_id = $2 and p.referent_user_id = $1 order by pl.id limit 20`,
    [ids.referent, ids.mouscron],
  );
  return {
    referentEmail: DEMO.referent,
    personIds,
    agreementIds,
    offerRankingPaths: personIds.slice(0, 5).map((id) => `/api/people/${id}/offer-ranking`),
    coordinatorEmail: DEMO.coordinator,
    programmeId: ids.programme!,
    analystEmail: DEMO.analyst,
  };
}
