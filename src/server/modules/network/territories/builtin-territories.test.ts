import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  countryOfCode,
  LEVEL_DEPTH,
  regionTerritoryCode,
  territoryLevelOf,
} from '../../../../common/network/territory';
import { MIGRATIONS_DIR } from '../../../platform/db/migrate';
import {
  BUILTIN_CODE_CHANGES,
  BUILTIN_GROUPS,
  BUILTIN_PARENT_TERRITORIES,
  EPCI_MEMBERS,
  MEL_CODE,
} from './builtin-territories';
import { DEMO_TERRITORIES } from './demo-territories';

const CSV_FILE = join(import.meta.dirname, '../../../../../../shared/data/geo/communes-fr-be.csv');
const hasCsv = existsSync(CSV_FILE);

const byCode = new Map(BUILTIN_PARENT_TERRITORIES.map((t) => [t.code, t]));

/** The codes from a territory up to its country, through the built-in parents. */
function chain(code: string, parent: string | null): string[] {
  const out: string[] = [];
  let p = parent;
  while (p) {
    out.push(p);
    p = byCode.get(p)?.parentCode ?? null;
  }
  return [code, ...out];
}

describe('the built-in territory tree', () => {
  it('lists each parent once, after its own parent, one level up, in the same country and region', () => {
    expect(byCode.size).toBe(BUILTIN_PARENT_TERRITORIES.length);
    const seen = new Set<string>();
    for (const t of BUILTIN_PARENT_TERRITORIES) {
      expect(territoryLevelOf(t.code), t.code).toBe(t.level);
      expect(countryOfCode(t.code), t.code).toBe(t.country);
      if (t.parentCode) {
        const p = byCode.get(t.parentCode)!;
        expect(seen.has(t.parentCode), t.code).toBe(true);
        expect(LEVEL_DEPTH[p.level!], t.code).toBeLessThan(LEVEL_DEPTH[t.level!]);
        expect(p.country, t.code).toBe(t.country);
        if (p.region) expect(t.region, t.code).toBe(p.region);
      } else {
        expect(t.level, t.code).toBe('country');
      }
      if (t.level === 'region') expect(regionTerritoryCode(t.region!)).toBe(t.code);
      expect(t.nameFr.trim().length, t.code).toBeGreaterThan(1);
      expect(t.nameNl.trim().length, t.code).toBeGreaterThan(1);
      seen.add(t.code);
    }
    const count = (level: string) => BUILTIN_PARENT_TERRITORIES.filter((t) => t.level === level).length;
    expect([count('country'), count('region'), count('province'), count('arrondissement')]).toEqual([
      2, 4, 10, 43,
    ]);
  });

  it('puts every demo municipality under a built-in parent, up to its country', () => {
    for (const t of DEMO_TERRITORIES) {
      const up = chain(t.code, t.parentCode);
      expect(up.at(-1), t.code).toBe(t.country);
      // Brussels has no province: its arrondissement hangs under the region.
      expect(up.length, t.code).toBe(t.region === 'BE-BRU' ? 4 : 5);
    }
    expect(chain('FR-59599', 'FR-EPCI-200093201')).toEqual([
      'FR-59599',
      MEL_CODE,
      'FR-DEP-59',
      'FR-REG-HDF',
      'FR',
    ]);
    expect(chain('BE-21004', 'BE-ARR-21000')).toEqual(['BE-21004', 'BE-ARR-21000', 'BE-REG-BRU', 'BE']);
  });

  it('has the Eurométropole cover the demo municipalities of the MEL, Wallonie picarde and South West Flanders, not Ronse', () => {
    const euro = BUILTIN_GROUPS.find((g) => g.code === 'eurometropole')!;
    const inside = DEMO_TERRITORIES.filter((t) =>
      chain(t.code, t.parentCode).some((c) => euro.members.includes(c)),
    )
      .map((t) => t.nameNl)
      .sort();
    expect(inside).toContain('Toerkonje');
    expect(inside).toContain('Menen');
    expect(inside).toContain('Wervik');
    expect(inside).toContain('Moeskroen');
    expect(inside).toContain('Doornik');
    for (const outside of ['Ronse', 'Charleroi', 'Binche', 'La Louvière', 'Brussel'])
      expect(inside, outside).not.toContain(outside);
    for (const m of euro.members) expect(byCode.has(m), m).toBe(true);
  });

  it('records code changes between valid codes of one country, each once', () => {
    const keys = BUILTIN_CODE_CHANGES.map((c) => `${c.oldCode}>${c.newCode}@${c.effectiveOn}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of BUILTIN_CODE_CHANGES) {
      expect(territoryLevelOf(c.oldCode), c.oldCode).not.toBeNull();
      expect(territoryLevelOf(c.newCode), c.newCode).toBe(territoryLevelOf(c.oldCode));
      expect(countryOfCode(c.newCode)).toBe(countryOfCode(c.oldCode));
      expect(c.share === null || c.kind === 'split').toBe(true);
    }
  });

  it('gives migration 0035 the same MEL members for the municipalities already stored', () => {
    const sql = readFileSync(join(MIGRATIONS_DIR, '0035_territory_hierarchy.sql'), 'utf8');
    const list = /t\.local_code in \(([^)]*)\)/.exec(sql)![1]!;
    const codes = [...list.matchAll(/'(\d{5})'/g)].map((m) => m[1]);
    expect(codes).toEqual([...EPCI_MEMBERS[MEL_CODE]!].sort());
    expect(codes).toHaveLength(95);
  });

  it.skipIf(!hasCsv)(
    'has every arrondissement and département of the shared file, in the same region',
    () => {
      const rows = parse(readFileSync(CSV_FILE, 'utf8'), { columns: true }) as Record<string, string>[];
      for (const r of rows) {
        const parent = r.country === 'BE' ? `BE-ARR-${r.parent_code}` : `FR-DEP-${r.parent_code}`;
        expect(byCode.get(parent)?.region, `${r.geo_id} ${parent}`).toBe(r.region);
      }
      const fr = new Set(rows.filter((r) => r.country === 'FR').map((r) => r.code));
      for (const m of EPCI_MEMBERS[MEL_CODE]!) expect(fr.has(m), m).toBe(true);
    },
  );
});
