import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isValidLonLat } from '../../../../common/network/geo';
import { isValidLocalCode, type Territory, territoryCode } from '../../../../common/network/territory';
import { EPCI_MEMBERS } from './builtin-territories';
import { DEMO_TERRITORIES } from './demo-territories';

const CSV_FILE = join(import.meta.dirname, '../../../../../../shared/data/geo/communes-fr-be.csv');
const hasCsv = existsSync(CSV_FILE);

/** The built-in EPCI of a French commune, if any. */
const epciOf = (insee: string) =>
  Object.entries(EPCI_MEMBERS).find(([, members]) => members.includes(insee))?.[0];

/**
 * A CSV row as a Territory, mapped field by field (independently of the importer): the file's parent is
 * the département (FR) or arrondissement (BE); a commune member of a built-in EPCI hangs under it.
 */
function fromRow(r: Record<string, string>): Territory {
  const point = (lon: string, lat: string) => ({ lon: Number(lon), lat: Number(lat) });
  return {
    code: r.geo_id!,
    country: r.country as Territory['country'],
    localCode: r.code!,
    nameFr: r.name_fr!,
    nameNl: r.name_nl!,
    parentCode:
      r.country === 'BE' ? `BE-ARR-${r.parent_code}` : (epciOf(r.code!) ?? `FR-DEP-${r.parent_code}`),
    region: r.region as Territory['region'],
    population: r.population === '' ? null : Number(r.population),
    centroid: point(r.centroid_lon!, r.centroid_lat!),
    labelPoint: point(r.label_lon!, r.label_lat!),
  };
}

describe('DEMO_TERRITORIES', () => {
  it('holds the municipalities of the demo network, once each', () => {
    const names = DEMO_TERRITORIES.map((t) => t.nameFr);
    for (const name of [
      'Lille',
      'Roubaix',
      'Tourcoing',
      'Halluin',
      'Wattrelos',
      "Villeneuve-d'Ascq",
      'Armentières',
      'Comines',
      'Croix',
      'Wasquehal',
      'Marcq-en-Barœul',
      'Mons-en-Barœul',
      'Hem',
      'Lys-lez-Lannoy',
      'Leers',
      'Wervicq-Sud',
      'Neuville-en-Ferrain',
      'Baisieux',
      'Mouscron',
      'Comines-Warneton',
      'Tournai',
      'Charleroi',
      'Binche',
      'La Louvière',
      'Estaimpuis',
      'Pecq',
      'Brunehaut',
      'Antoing',
    ]) {
      expect(names, name).toContain(name);
    }
    const dutch = DEMO_TERRITORIES.map((t) => t.nameNl);
    for (const name of [
      'Kortrijk',
      'Menen',
      'Wevelgem',
      'Ronse',
      'Wervik',
      'Zwevegem',
      'Kuurne',
      'Harelbeke',
      'Deerlijk',
      'Spiere-Helkijn',
      'Brussel',
    ]) {
      expect(dutch, name).toContain(name);
    }
    expect(DEMO_TERRITORIES.find((t) => t.code === 'BE-21004')?.nameFr).toBe('Bruxelles');
    const codes = DEMO_TERRITORIES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^FR-59\d{3}$/.test(c) || /^BE-\d{5}$/.test(c))).toBe(true);
  });

  it('is consistent on its own (no shared data needed)', () => {
    for (const t of DEMO_TERRITORIES) {
      expect(t.code, t.code).toBe(territoryCode(t.country, t.localCode));
      expect(isValidLocalCode(t.country, t.localCode), t.code).toBe(true);
      expect(isValidLonLat(t.centroid!), t.code).toBe(true);
      expect(isValidLonLat(t.labelPoint!), t.code).toBe(true);
      expect(t.population === null, t.code).toBe(t.country === 'FR');
    }
  });

  it('holds every municipality a demo seeder names, so a clone without the shared data seeds', () => {
    // Organisations' addresses have no foreign key to territories; every other demo row does.
    const exempt = new Set(['FR-62041']);
    const built = new Set(DEMO_TERRITORIES.map((t) => t.code));
    const root = join(import.meta.dirname, '../../..');
    const demoFiles = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => /(^|\/)demo[^/]*\.ts$/.test(f) && !f.endsWith('.test.ts'),
    );
    expect(demoFiles.length).toBeGreaterThan(10);
    const missing = demoFiles.flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/'((?:FR|BE)-\d{5})'/g)]
        .map((m) => m[1]!)
        .filter((c) => !built.has(c) && !exempt.has(c))
        .map((c) => `${c} in ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it.skipIf(!hasCsv)('matches the shared CSV exactly, row by row', () => {
    const rows = parse(readFileSync(CSV_FILE, 'utf8'), { columns: true }) as Record<string, string>[];
    const byCode = new Map(rows.map((r) => [r.geo_id!, r]));
    for (const t of DEMO_TERRITORIES) {
      const row = byCode.get(t.code);
      expect(row, t.code).toBeDefined();
      expect(t, t.code).toEqual(fromRow(row!));
    }
    // Same order as the file: France then Belgium, each by code.
    const order = rows.map((r) => r.geo_id);
    const positions = DEMO_TERRITORIES.map((t) => order.indexOf(t.code));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
