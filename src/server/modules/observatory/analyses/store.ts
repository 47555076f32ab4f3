import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import './tables';

/**
 * SQL of the local analyses. RLS: every signed-in user reads the analyses and their published versions,
 * the organisation its drafts too; the organisation writes.
 */

export const listAnalyses = (trx: Tx) => analyses(trx).orderBy('o.name_fr').orderBy('a.title_fr').execute();

const analyses = (trx: Tx) =>
  trx
    .selectFrom('obs_analyses as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select([
      'o.name_fr as org_name_fr',
      'o.name_nl as org_name_nl',
      'o.municipality_code as org_municipality',
    ]);

export type AnalysisRow = Awaited<ReturnType<typeof listAnalyses>>[number];

export const findAnalysis = (trx: Tx, id: string) => analyses(trx).where('a.id', '=', id).executeTakeFirst();

/** The versions the caller may read (drafts of its own organisation only), newest first. */
export const versionsOf = (trx: Tx, analysisIds: string[]) =>
  analysisIds.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('obs_analysis_versions as v')
        .leftJoin('users as u', 'u.id', 'v.published_by')
        .selectAll('v')
        .select('u.display_name as published_by_name')
        .where('v.analysis_id', 'in', analysisIds)
        .orderBy('v.number', 'desc')
        .execute();

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export const sectionsOf = (trx: Tx, versionId: string) =>
  trx
    .selectFrom('obs_analysis_sections as s')
    .leftJoin('obs_indicators as i', 'i.id', 's.indicator_id')
    .selectAll('s')
    .select('i.code as indicator')
    .where('s.version_id', '=', versionId)
    .orderBy('s.position')
    .orderBy('s.created_at')
    .execute();

export type SectionRow = Awaited<ReturnType<typeof sectionsOf>>[number];

/** Writes the sections' order as given (0, 1, 2…). */
export async function renumber(trx: Tx, ids: string[]) {
  for (const [position, id] of ids.entries())
    await trx.updateTable('obs_analysis_sections').set({ position }).where('id', '=', id).execute();
}

/** The next draft: a copy of the version just published, its sections included. */
export async function copyVersion(
  trx: Tx,
  from: Pick<VersionRow, 'id' | 'analysis_id' | 'org_id' | 'group_code'>,
  number: number,
) {
  const draft = await trx
    .insertInto('obs_analysis_versions')
    .values({
      analysis_id: from.analysis_id,
      org_id: from.org_id,
      number,
      status: 'draft',
      group_code: from.group_code,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into obs_analysis_sections (version_id, org_id, position, theme, heading_fr, heading_nl,
      body_fr, body_nl, indicator_id, tile_kind, tile_period)
    select ${draft.id}::uuid, org_id, position, theme, heading_fr, heading_nl, body_fr, body_nl,
      indicator_id, tile_kind, tile_period
    from obs_analysis_sections where version_id = ${from.id}::uuid`.execute(trx);
  return draft.id;
}

export const groupExists = async (trx: Tx, code: string) =>
  !!(await trx.selectFrom('territory_groups').select('id').where('code', '=', code).executeTakeFirst());

export const territoryName = (trx: Tx, code: string) =>
  trx.selectFrom('territories').select(['name_fr', 'name_nl']).where('code', '=', code).executeTakeFirst();
