import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tx } from '../../../platform/db/context';
import { BUILTIN_CODE_CHANGES, BUILTIN_GROUPS, BUILTIN_PARENT_TERRITORIES } from './builtin-territories';
import { addCodeChanges } from './code-history';
import { DEMO_TERRITORIES } from './demo-territories';
import { upsertTerritories } from './store';
import { parseTerritoryFile } from './territory-import';

/** The shared boundaries of Nord, Pas-de-Calais and Belgium, read in place (never copied into the project). */
export const SHARED_TERRITORIES_FILE = join(
  import.meta.dirname,
  '../../../../..',
  '../shared/data/geo/communes-fr-be-59-62.topojson',
);

// Parsing the 1.5 MB TopoJSON takes a second or two: done once per process (tests seed many databases).
const parsedFiles = new Map<string, ReturnType<typeof parseTerritoryFile>>();
function parsedFile(file: string) {
  let parsed = parsedFiles.get(file);
  if (!parsed) {
    parsed = parseTerritoryFile(file, readFileSync(file));
    parsedFiles.set(file, parsed);
  }
  return parsed;
}

/**
 * The built-in groups (platform-wide) and code changes, as migration 0035 inserts them; what exists
 * already is left as it is.
 */
export async function seedBuiltinGroupsAndHistory(trx: Tx): Promise<void> {
  for (const g of BUILTIN_GROUPS) {
    await trx
      .insertInto('territory_groups')
      .values({ code: g.code, kind: g.kind, name_fr: g.nameFr, name_nl: g.nameNl, org_id: null })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const group = await trx
      .selectFrom('territory_groups')
      .select(['id', 'org_id'])
      .where('code', '=', g.code)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('territory_group_members')
      .values(g.members.map((code) => ({ group_id: group.id, territory_code: code, org_id: group.org_id })))
      .onConflict((oc) => oc.columns(['group_id', 'territory_code']).doNothing())
      .execute();
  }
  await addCodeChanges(trx, BUILTIN_CODE_CHANGES);
}

/**
 * Seeds the territories: the built-in tree above the municipalities, the municipalities the demo
 * organisations need, then, when the shared file is present, all its communes with their boundaries; and
 * the built-in groups and code changes. Runs first so that other seeders find them.
 */
export async function seedTerritories(trx: Tx, file = SHARED_TERRITORIES_FILE): Promise<void> {
  await upsertTerritories(trx, BUILTIN_PARENT_TERRITORIES, new Map(), 'builtin');
  await upsertTerritories(trx, DEMO_TERRITORIES, new Map(), 'builtin');
  await seedBuiltinGroupsAndHistory(trx);
  if (!existsSync(file)) return;
  const parsed = parsedFile(file);
  if (parsed.errors.length)
    throw new Error(`${file}: ${parsed.errors.length} problems, first ${JSON.stringify(parsed.errors[0])}`);
  await upsertTerritories(trx, parsed.territories, parsed.geometries, 'communes-fr-be-59-62.topojson');
}

/** The demo seeder entry (seeders receive the organisations and users too; territories need neither). */
export const seedDemoTerritories = (trx: Tx) => seedTerritories(trx);
