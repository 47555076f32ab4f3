import type { Engine } from '../src/server/platform/db/engine';

/**
 * Observatory-sized data (issue 12 benchmark), deterministic: 1,200 municipalities, 600 on each side of the
 * border (the built-in ones, topped up with invented FR-59001… and BE-31001… where fewer exist), twelve
 * data elements and four indicators over them, then N values (element × municipality × period ×
 * disaggregation: totals, sex and seven age bands) written set-based in SQL as the owner with triggers
 * off and the indexes rebuilt after the load (what a bulk COPY into a fresh table costs, not the row-by-row
 * index maintenance of an import — that is what the import scenario measures). Every figure is invented.
 */

export const BENCH_VINTAGE = 'Bench 2025';
export const ELEMENTS = Array.from({ length: 12 }, (_, i) => `BENCH_E${String(i + 1).padStart(2, '0')}`);
export const DISAGGREGATIONS = [
  'total',
  'sex:F',
  'sex:M',
  'age:0-17',
  'age:18-24',
  'age:25-39',
  'age:40-54',
  'age:55-64',
  'age:65-79',
  'age:80+',
];
export const BOARD = 'bench-observatoire';

/** Years newest first, then quarters newest first: the first k are the periods stored. */
export function benchPeriods(k: number): string[] {
  const years = Array.from({ length: 25 }, (_, i) => String(2024 - i));
  const quarters = Array.from({ length: 60 }, (_, i) => `${2024 - Math.floor(i / 4)}Q${4 - (i % 4)}`);
  return [...years, ...quarters].slice(0, Math.max(1, Math.min(k, 85)));
}

/**
 * `perCountry` municipalities on each side: the built-in ones first (real names and boundaries), topped
 * up with invented ones (FR-59001…, BE-31001…, a centroid and no boundary) on a database that has fewer.
 * Returns the chosen codes, the same at every run.
 */
export async function generateTerritories(engine: Engine, perCountry = 600): Promise<string[]> {
  await engine.execScript(`
    insert into territories (code, level, country, local_code, name_fr, name_nl, parent_code, region, population,
        centroid_lon, centroid_lat, source)
      select 'FR-59' || lpad(n::text, 3, '0'), 'municipality', 'FR', '59' || lpad(n::text, 3, '0'),
        'Commune banc ' || n, 'Gemeente bank ' || n, 'FR-DEP-59', 'FR-HDF', 300 + (n * 7919) % 60000,
        2.4 + (n % 30) * 0.04, 50.2 + (n / 30) * 0.02, 'bench'
      from generate_series(1, 999) as n
      where not exists (select 1 from territories x where x.code = 'FR-59' || lpad(n::text, 3, '0'))
      limit greatest(0, ${perCountry} - (select count(*) from territories where level = 'municipality' and country = 'FR'))
    on conflict (code) do nothing;
    insert into territories (code, level, country, local_code, name_fr, name_nl, parent_code, region, population,
        centroid_lon, centroid_lat, source)
      select 'BE-' || (31000 + n)::text, 'municipality', 'BE', (31000 + n)::text,
        'Commune banc ' || n, 'Gemeente bank ' || n, 'BE-PROV-30000', 'BE-VLG', 300 + (n * 6007) % 60000,
        2.8 + (n % 25) * 0.05, 50.8 + (n / 25) * 0.02, 'bench'
      from generate_series(1, 999) as n
      where not exists (select 1 from territories x where x.code = 'BE-' || (31000 + n)::text)
      limit greatest(0, ${perCountry} - (select count(*) from territories where level = 'municipality' and country = 'BE'))
    on conflict (code) do nothing;
  `);
  const rows = (await engine.rawQuery(
    `select code from (select code, row_number() over (partition by country order by code) as r
       from territories where level = 'municipality') x where r <= $1 order by code`,
    [perCountry],
  )) as Array<{ code: string }>;
  return rows.map((r) => r.code);
}

/** Twelve elements (E06 a class-C median) and four indicators: a rate, a share, a count and the median. */
export async function defineElements(engine: Engine) {
  const unit = (i: number) => (i === 6 ? 'euro' : 'count');
  await engine.execScript(`
    insert into obs_data_elements (code, label_fr, label_nl, label_en, unit, theme, aggregation, source, comparability)
    values ${ELEMENTS.map(
      (c, i) =>
        `('${c}', 'Élément banc ${i + 1}', 'Element bank ${i + 1}', 'Bench element ${i + 1}', '${unit(i + 1)}',
         'poverty', '${i + 1 === 6 ? 'none' : 'sum'}', 'Banc samen (valeurs inventées)', '${i + 1 === 6 ? 'C' : 'B'}')`,
    ).join(',\n')};
    insert into obs_indicators (code, label_fr, label_nl, label_en, numerator_id, denominator_id, factor, theme,
        comparability)
      select x.code, x.code, x.code, x.code, n.id, d.id, x.factor, 'poverty', x.cmp
      from (values ('BENCH_RATE', 'BENCH_E02', 'BENCH_E03', 1000, 'B'),
                   ('BENCH_SHARE', 'BENCH_E04', 'BENCH_E05', 100, 'B'),
                   ('BENCH_POP', 'BENCH_E01', null, 1, 'A'),
                   ('BENCH_MEDIAN', 'BENCH_E06', null, 1, 'C')) as x (code, num, den, factor, cmp)
      join obs_data_elements n on n.code = x.num
      left join obs_data_elements d on d.code = x.den;
  `);
}

/**
 * `target` values over `codes` spread evenly: periods = target / (12 × municipalities × 10
 * disaggregations), at least one. Returns the number of rows written and the periods.
 */
export async function generateValues(engine: Engine, target: number, orgId: string, codes: string[]) {
  const per = ELEMENTS.length * codes.length * DISAGGREGATIONS.length;
  const periods = benchPeriods(Math.round(target / per));
  const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');
  // The table's key and indexes as the migrations left them: dropped for the load, rebuilt the same after.
  const [key] = (await engine.rawQuery(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'obs_values_pkey'`,
    [],
  )) as Array<{ def: string }>;
  const indexes = (await engine.rawQuery(
    `select indexname as name, indexdef as def from pg_indexes
      where tablename = 'obs_values' and indexname <> 'obs_values_pkey'`,
    [],
  )) as Array<{ name: string; def: string }>;
  await engine.execScript(`
    set session_replication_role = replica;
    insert into obs_imports (org_id, format, filename, checksum, vintage, mapping, value_count)
      values ('${orgId}', 'long', 'bench.csv', repeat('0', 64), '${BENCH_VINTAGE}', '{}', 0);
    create temporary table bench_t as select code, n::int as t
      from unnest(array[${list(codes)}]) with ordinality as x (code, n);
    create temporary table bench_e as select id, substr(code, 8)::int as e from obs_data_elements
      where code like 'BENCH\\_E%';
    create temporary table bench_p as select p, n::int from unnest(array[${list(periods)}]) with ordinality as x (p, n);
    create temporary table bench_d as select d, n::int from unnest(array[${list(DISAGGREGATIONS)}])
      with ordinality as x (d, n);
    alter table obs_values drop constraint obs_values_pkey;
    ${indexes.map((i) => `drop index ${i.name};`).join('\n    ')}
    insert into obs_values (element_id, geo_code, period, disaggregation, vintage, value, secret, org_id, import_id)
      select e.id, t.code, p.p, d.d, '${BENCH_VINTAGE}',
        case when (t.t + p.n + e.e) % 997 = 0 then null
          else round(case e.e
            when 1 then b.base
            when 2 then b.base * (20 + (t.t * 13 + p.n) % 50) / 1000.0
            when 3 then b.base * 0.61
            when 4 then b.base * (0.02 + (t.t % 7) / 200.0)
            when 5 then b.base * 0.13
            when 6 then 15000 + (t.t * 31 + p.n * 7) % 11000
            else b.base * e.e / 20.0 end / case when d.n = 1 or e.e = 6 then 1 else d.n end) end,
        (t.t + p.n + e.e) % 997 = 0,
        '${orgId}', (select id from obs_imports where checksum = repeat('0', 64))
      from bench_e e cross join bench_t t cross join lateral (select 50 + (t.t * 7919) % 60000 as base) b
        cross join bench_p p cross join bench_d d;
    alter table obs_values add constraint obs_values_pkey ${key!.def};
    ${indexes.map((i) => `${i.def};`).join('\n    ')}
    update obs_imports set value_count = (select count(*) from obs_values where vintage = '${BENCH_VINTAGE}')
      where checksum = repeat('0', 64);
    drop table bench_t, bench_e, bench_p, bench_d;
    set session_replication_role = origin;
    analyze;
  `);
  const n = (await engine.rawQuery(`select count(*)::int as n from obs_values`, [])) as Array<{ n: number }>;
  return { values: n[0]!.n, periods };
}

/** A board of the organisation: the rate as a map over every municipality, three more tiles beside it. */
export async function createBoard(engine: Engine, orgId: string) {
  await engine.execScript(`
    set session_replication_role = replica;
    insert into obs_boards (org_id, code, title_fr, title_nl, theme)
      values ('${orgId}', '${BOARD}', 'Banc', 'Bank', 'poverty');
    insert into obs_board_tiles (board_id, org_id, position, indicator_id, kind)
      select b.id, b.org_id, x.pos, i.id, x.kind from obs_boards b,
        (values (0, 'BENCH_RATE', 'map'), (1, 'BENCH_SHARE', 'table'), (2, 'BENCH_POP', 'table'),
          (3, 'BENCH_MEDIAN', 'table')) as x (pos, code, kind)
        join obs_indicators i on i.code = x.code
      where b.code = '${BOARD}';
    set session_replication_role = origin;
  `);
}

/**
 * A generic long-format file (`geo_code,period,element,value`) of `n` values: every element of every
 * municipality, year after year from 1990 on, as an analyst would upload it.
 */
export function longFile(codes: string[], n: number): Buffer {
  const lines = ['geo_code,period,element,value'];
  let i = 0;
  for (let year = 1990; i < n; year++)
    for (const e of ELEMENTS)
      for (const [k, code] of codes.entries()) {
        if (i >= n) break;
        lines.push(`${code},${year},${e},${100 + ((k * 7919 + year * 13) % 50000)}`);
        i++;
      }
  return Buffer.from(`${lines.join('\n')}\n`);
}
