import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tx } from '../../../platform/db/context';
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
 * Seeds the municipalities: the built-in list the demo organisations need, then, when the shared file
 * is present, all its communes with their boundaries. Runs first so that other seeders find them.
 */
export async function seedTerritories(trx: Tx, file = SHARED_TERRITORIES_FILE): Promise<void> {
  await upsertTerritories(trx, DEMO_TERRITORIES, new Map(), 'builtin');
  if (!existsSync(file)) return;
  const parsed = parsedFile(file);
  if (parsed.errors.length)
    throw new Error(`${file}: ${parsed.errors.length} problems, first ${JSON.stringify(parsed.errors[0])}`);
  await upsertTerritories(trx, parsed.territories, parsed.geometries, 'communes-fr-be-59-62.topojson');
}

/** The demo seeder entry (seeders receive the organisations and users too; territories need neither). */
export const seedDemoTerritories = (trx: Tx) => seedTerritories(trx);
