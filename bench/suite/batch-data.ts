// Data the batch section needs beyond the network: an import file over the codes the database knows, and
// extra programme actions so that a progress report has enough narratives for ~50 pages.
import type { Engine } from '../../src/server/platform/db/engine';

export async function one<T>(engine: Engine, sql: string, params: unknown[]): Promise<T> {
  const rows = (await engine.rawQuery(sql, params)) as T[];
  if (!rows[0]) throw new Error(`nothing for ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
  return rows[0];
}

/** A long-format file (geo_code,period,element,value) of n values: quarters from 1990 on, every element and municipality. */
export async function importFile(engine: Engine, n: number): Promise<Buffer> {
  const elements = (
    (await engine.rawQuery(`select code from obs_data_elements order by code limit 12`, [])) as Array<{
      code: string;
    }>
  ).map((r) => r.code);
  const codes = (
    (await engine.rawQuery(
      `select code from territories where level = 'municipality' order by code limit 1200`,
      [],
    )) as Array<{
      code: string;
    }>
  ).map((r) => r.code);
  if (!elements.length || !codes.length) throw new Error('no data elements or municipalities to import into');
  const lines = ['geo_code,period,element,value'];
  let i = 0;
  for (let q = 0; i < n; q++) {
    const period = `${1990 + Math.floor(q / 4)}Q${1 + (q % 4)}`;
    for (const e of elements)
      for (const [k, code] of codes.entries()) {
        if (i >= n) break;
        lines.push(`${code},${period},${e},${100 + ((k * 7919 + q * 13) % 50000)}`);
        i++;
      }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** `count` more actions on the programme (positions 71 and up), as the owner without audit; their ids. */
export async function addReportActions(
  engine: Engine,
  programmeId: string,
  count: number,
): Promise<string[]> {
  await engine.execScript(`
    set session_replication_role = replica;
    insert into programme_actions (programme_id, org_id, position, code, title_fr, title_nl)
      select pr.id, pr.org_id, 70 + n, 'BX' || n, 'Action de banc ' || n, 'Bankactie ' || n
      from programmes pr, generate_series(1, ${count}) as n
      where pr.id = '${programmeId}'
        and not exists (select 1 from programme_actions a where a.programme_id = pr.id and (a.position = 70 + n or a.code = 'BX' || n));
    set session_replication_role = origin;
  `);
  const rows = (await engine.rawQuery(
    `select id from programme_actions where programme_id = $1 and code like 'BX%' order by position`,
    [programmeId],
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
