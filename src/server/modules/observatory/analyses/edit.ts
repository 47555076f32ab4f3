import {
  type AnalysisInput,
  type AnalysisPatch,
  MAX_SECTIONS,
  type SectionInput,
} from '../../../../common/observatory/analysis-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { indicatorMapView } from '../map';
import * as mapStore from '../store';
import { A, mayEdit } from './service';
import * as store from './store';

/**
 * The owning organisation's edits, always on the draft: its territory, note and sections; publishing
 * freezes it as version N (the database then refuses any change to it) and starts N+1 as its copy.
 */

async function checkGroup(trx: Tx, group: string | null | undefined) {
  if (group && !(await store.groupExists(trx, group))) throw badRequest(A('unknown_group'));
}

const trimmedNote = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

export async function createAnalysis(trx: Tx, actor: Actor, input: AnalysisInput) {
  requirePermission(actor, 'observatory.import');
  if (!actor.orgId) throw forbidden();
  await checkGroup(trx, input.group);
  const a = await trx
    .insertInto('obs_analyses')
    .values({
      org_id: actor.orgId,
      title_fr: input.titleFr.trim(),
      title_nl: input.titleNl.trim(),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('obs_analysis_versions')
    .values({ analysis_id: a.id, org_id: actor.orgId, number: 1, group_code: input.group ?? null })
    .execute();
  return { id: a.id };
}

/**
 * The analysis and its draft, for its organisation's edits: unknown → 404, another's → 403 once readers
 * see it (a version published), 404 before, as for a read: a 403 would confirm an unpublished one exists.
 */
async function ownDraft(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'observatory.import');
  const a = await store.findAnalysis(trx, id);
  if (!a) throw notFound(A('unknown_analysis'));
  if (!mayEdit(actor, a)) {
    const published = (await store.versionsOf(trx, [a.id])).some((v) => v.status === 'published');
    throw published ? forbidden() : notFound(A('unknown_analysis'));
  }
  const draft = (await store.versionsOf(trx, [a.id])).find((v) => v.status === 'draft');
  if (!draft) throw conflict(A('no_draft'));
  return { analysis: a, draft };
}

const touch = async (trx: Tx, analysisId: string, versionId: string) => {
  await trx
    .updateTable('obs_analyses')
    .set({ updated_at: new Date() })
    .where('id', '=', analysisId)
    .execute();
  await trx
    .updateTable('obs_analysis_versions')
    .set({ updated_at: new Date() })
    .where('id', '=', versionId)
    .execute();
};

export async function updateAnalysis(trx: Tx, actor: Actor, id: string, patch: AnalysisPatch) {
  const { analysis: a, draft } = await ownDraft(trx, actor, id);
  await checkGroup(trx, patch.group);
  if (patch.titleFr !== undefined || patch.titleNl !== undefined)
    await trx
      .updateTable('obs_analyses')
      .set({
        ...(patch.titleFr !== undefined ? { title_fr: patch.titleFr.trim() } : {}),
        ...(patch.titleNl !== undefined ? { title_nl: patch.titleNl.trim() } : {}),
      })
      .where('id', '=', a.id)
      .execute();
  if (patch.group !== undefined || patch.note !== undefined)
    await trx
      .updateTable('obs_analysis_versions')
      .set({
        ...(patch.group !== undefined ? { group_code: patch.group } : {}),
        ...(patch.note !== undefined ? { note: trimmedNote(patch.note) ?? null } : {}),
      })
      .where('id', '=', draft.id)
      .execute();
  await touch(trx, a.id, draft.id);
  return { ok: true };
}

async function sectionValues(trx: Tx, input: SectionInput) {
  let indicator: string | null = null;
  if (input.tile) {
    const row = await mapStore.findIndicator(trx, input.tile.indicator);
    if (!row) throw badRequest(A('unknown_indicator'));
    indicator = row.id;
  }
  return {
    theme: input.theme,
    heading_fr: input.headingFr.trim(),
    heading_nl: input.headingNl.trim(),
    // Line breaks as typed, without trailing blanks; CRLF from a pasted text becomes LF.
    body_fr: input.bodyFr.replace(/\r\n?/g, '\n').trimEnd(),
    body_nl: input.bodyNl.replace(/\r\n?/g, '\n').trimEnd(),
    indicator_id: indicator,
    tile_kind: input.tile?.kind ?? null,
    tile_period: input.tile?.period ?? null,
  };
}

export async function addSection(trx: Tx, actor: Actor, id: string, input: SectionInput) {
  const { analysis: a, draft } = await ownDraft(trx, actor, id);
  const sections = await store.sectionsOf(trx, draft.id);
  if (sections.length >= MAX_SECTIONS) throw badRequest(A('too_many_sections'), { max: MAX_SECTIONS });
  const row = await trx
    .insertInto('obs_analysis_sections')
    .values({
      version_id: draft.id,
      org_id: a.org_id,
      position: sections.length,
      ...(await sectionValues(trx, input)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, a.id, draft.id);
  return { id: row.id };
}

/** A section of the draft (one of a published version is not editable: it is not found here). */
async function draftSection(trx: Tx, actor: Actor, id: string, sectionId: string) {
  const own = await ownDraft(trx, actor, id);
  const sections = await store.sectionsOf(trx, own.draft.id);
  if (!sections.some((s) => s.id === sectionId)) throw notFound(A('unknown_section'));
  return { ...own, sections };
}

export async function updateSection(
  trx: Tx,
  actor: Actor,
  id: string,
  sectionId: string,
  input: SectionInput,
) {
  const { analysis: a, draft } = await draftSection(trx, actor, id, sectionId);
  await trx
    .updateTable('obs_analysis_sections')
    .set(await sectionValues(trx, input))
    .where('id', '=', sectionId)
    .execute();
  await touch(trx, a.id, draft.id);
  return { ok: true };
}

export async function removeSection(trx: Tx, actor: Actor, id: string, sectionId: string) {
  const { analysis: a, draft, sections } = await draftSection(trx, actor, id, sectionId);
  await trx.deleteFrom('obs_analysis_sections').where('id', '=', sectionId).execute();
  await store.renumber(
    trx,
    sections.filter((s) => s.id !== sectionId).map((s) => s.id),
  );
  await touch(trx, a.id, draft.id);
  return { ok: true };
}

export async function moveSection(
  trx: Tx,
  actor: Actor,
  id: string,
  sectionId: string,
  direction: 'up' | 'down',
) {
  const { analysis: a, draft, sections } = await draftSection(trx, actor, id, sectionId);
  const ids = sections.map((s) => s.id);
  const i = ids.indexOf(sectionId);
  const j = direction === 'up' ? i - 1 : i + 1;
  // The first section up (or the last down) stays where it is.
  if (j >= 0 && j < ids.length) {
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await store.renumber(trx, ids);
    await touch(trx, a.id, draft.id);
  }
  return { ok: true };
}

export async function publishVersion(
  trx: Tx,
  actor: Actor,
  id: string,
  body: { number: number; note?: string | null },
) {
  const { analysis: a, draft } = await ownDraft(trx, actor, id);
  if (body.number !== draft.number) throw conflict(A('stale_draft'), { number: draft.number });
  const sections = await store.sectionsOf(trx, draft.id);
  if (sections.length === 0) throw badRequest(A('empty_version'));
  // A published version is what the partner adopted: a tile on "the latest period" is pinned to the period
  // latest today, so that a later import cannot change its figures; the next draft keeps following the latest.
  const pinned: number[] = [];
  for (const s of sections) {
    if (!s.indicator || s.tile_period) continue;
    const latest = (await indicatorMapView(trx, actor, s.indicator, {})).period;
    if (!latest) continue;
    await trx
      .updateTable('obs_analysis_sections')
      .set({ tile_period: latest })
      .where('id', '=', s.id)
      .execute();
    pinned.push(s.position);
  }
  const now = new Date();
  const note = body.note === undefined ? draft.note : trimmedNote(body.note);
  await trx
    .updateTable('obs_analysis_versions')
    .set({ status: 'published', published_at: now, published_by: actor.userId, note, updated_at: now })
    .where('id', '=', draft.id)
    .execute();
  const next = await store.copyVersion(trx, draft, draft.number + 1);
  if (pinned.length)
    await trx
      .updateTable('obs_analysis_sections')
      .set({ tile_period: null })
      .where('version_id', '=', next)
      .where('position', 'in', pinned)
      .execute();
  await trx.updateTable('obs_analyses').set({ updated_at: now }).where('id', '=', a.id).execute();
  return { published: draft.number, draft: draft.number + 1 };
}
