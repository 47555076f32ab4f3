import { type Language, localized } from '../../../../common/i18n/locales';
import type {
  BoardInput,
  BoardList,
  BoardPatch,
  BoardQuery,
  BoardSummary,
  BoardView,
  TileInput,
} from '../../../../common/observatory/board-schemas';
import { comparePeriods } from '../../../../common/observatory/periods';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import type { Reader } from '../catalogue';
import * as mapStore from '../store';
import { followupsOf, mayRecordFollowup } from './followups';
import * as store from './store';
import { tileViews } from './tiles';

/**
 * The joint analysis's thematic boards: any reader of the observatory sees them; an analyst or
 * coordinator (permission 'observatory.import') of the owning organisation edits its tiles and filters
 * and publishes it. A board's tiles are indicators' map views under the board-wide period and group.
 */

export const B = (code: string) => `observatory.boards.errors.${code}`;
/** A board holds at most this many tiles (each one is a map computed on every view). */
export const MAX_TILES = 24;

const lang = (l: Language): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function summaryOf(actor: Reader, b: store.BoardRow, canEdit: boolean): BoardSummary {
  return {
    id: b.id,
    code: b.code,
    title: localized(lang(actor.language), b.title_fr, b.title_nl) || b.code,
    theme: b.theme,
    group: b.group_code,
    period: b.period,
    publishedAt: iso(b.published_at),
    organisation: localized(lang(actor.language), b.org_name_fr, b.org_name_nl),
    tileCount: Number(b.tile_count ?? 0),
    canEdit,
  };
}

const mayEdit = (actor: Actor, b: { org_id: string }) =>
  actorCan(actor, 'observatory.import') && !!actor.orgId && b.org_id === actor.orgId;

export async function listBoards(trx: Tx, actor: Actor): Promise<BoardList> {
  requirePermission(actor, 'observatory.view');
  const rows = await store.listBoards(trx);
  return {
    items: rows.map((b) => summaryOf(actor, b, mayEdit(actor, b))),
    canCreate: actorCan(actor, 'observatory.import') && !!actor.orgId,
  };
}

async function checkGroup(trx: Tx, group: string | null | undefined) {
  if (group && !(await store.groupExists(trx, group))) throw badRequest(B('unknown_group'));
}

const trimmed = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

export async function createBoard(trx: Tx, actor: Actor, input: BoardInput) {
  requirePermission(actor, 'observatory.import');
  if (!actor.orgId) throw forbidden();
  if (await store.codeTaken(trx, input.code)) throw conflict(B('code_taken'), { code: input.code });
  await checkGroup(trx, input.group);
  await trx
    .insertInto('obs_boards')
    .values({
      org_id: actor.orgId,
      code: input.code,
      title_fr: input.titleFr.trim(),
      title_nl: input.titleNl.trim(),
      description_fr: trimmed(input.descriptionFr) ?? null,
      description_nl: trimmed(input.descriptionNl) ?? null,
      theme: input.theme,
      group_code: input.group ?? null,
      period: input.period ?? null,
      created_by: actor.userId,
    })
    .execute();
  return { code: input.code };
}

/** The board, for its owner's edits: unknown → 404, another organisation's → 403. */
async function ownBoard(trx: Tx, actor: Actor, code: string) {
  requirePermission(actor, 'observatory.import');
  const b = await store.findBoard(trx, code);
  if (!b) throw notFound(B('unknown_board'));
  if (!mayEdit(actor, b)) throw forbidden();
  return b;
}

const touch = (trx: Tx, id: string) =>
  trx.updateTable('obs_boards').set({ updated_at: new Date() }).where('id', '=', id).execute();

export async function updateBoard(trx: Tx, actor: Actor, code: string, patch: BoardPatch) {
  const b = await ownBoard(trx, actor, code);
  await checkGroup(trx, patch.group);
  await trx
    .updateTable('obs_boards')
    .set({
      ...(patch.titleFr !== undefined ? { title_fr: patch.titleFr.trim() } : {}),
      ...(patch.titleNl !== undefined ? { title_nl: patch.titleNl.trim() } : {}),
      ...(patch.descriptionFr !== undefined ? { description_fr: trimmed(patch.descriptionFr) } : {}),
      ...(patch.descriptionNl !== undefined ? { description_nl: trimmed(patch.descriptionNl) } : {}),
      ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
      ...(patch.group !== undefined ? { group_code: patch.group } : {}),
      ...(patch.period !== undefined ? { period: patch.period } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', b.id)
    .execute();
  return { ok: true };
}

export async function addTile(trx: Tx, actor: Actor, code: string, input: TileInput) {
  const b = await ownBoard(trx, actor, code);
  const indicator = await mapStore.findIndicator(trx, input.indicator);
  if (!indicator) throw badRequest(B('unknown_indicator'));
  const tiles = await store.tilesOf(trx, b.id);
  if (tiles.length >= MAX_TILES) throw badRequest(B('too_many_tiles'), { max: MAX_TILES });
  const geo = await compared(trx, input);
  const row = await trx
    .insertInto('obs_board_tiles')
    .values({
      board_id: b.id,
      org_id: b.org_id,
      position: tiles.length,
      indicator_id: indicator.id,
      kind: input.kind,
      geo_a: geo?.[0] ?? null,
      geo_b: geo?.[1] ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(trx, b.id);
  return { id: row.id };
}

/** A comparison's two distinct, known municipalities; no municipality on any other kind of tile. */
async function compared(trx: Tx, input: TileInput): Promise<[string, string] | null> {
  if (input.kind !== 'compare') {
    if (input.geoA !== undefined || input.geoB !== undefined)
      throw badRequest(B('territories_for_compare_only'));
    return null;
  }
  if (!input.geoA || !input.geoB || input.geoA === input.geoB) throw badRequest(B('two_territories'));
  const known = await store.municipalities(trx, [input.geoA, input.geoB]);
  if (known.filter((m) => m.level === 'municipality').length !== 2) throw badRequest(B('unknown_territory'));
  return [input.geoA, input.geoB];
}

export async function removeTile(trx: Tx, actor: Actor, code: string, tileId: string) {
  const b = await ownBoard(trx, actor, code);
  const tiles = await store.tilesOf(trx, b.id);
  if (!tiles.some((t) => t.id === tileId)) throw notFound(B('unknown_tile'));
  await trx.deleteFrom('obs_board_tiles').where('id', '=', tileId).execute();
  await store.renumber(
    trx,
    tiles.filter((t) => t.id !== tileId).map((t) => t.id),
  );
  await touch(trx, b.id);
  return { ok: true };
}

export async function moveTile(trx: Tx, actor: Actor, code: string, tileId: string, dir: 'up' | 'down') {
  const b = await ownBoard(trx, actor, code);
  const ids = (await store.tilesOf(trx, b.id)).map((t) => t.id);
  const i = ids.indexOf(tileId);
  if (i < 0) throw notFound(B('unknown_tile'));
  const j = dir === 'up' ? i - 1 : i + 1;
  // Moving the first tile up (or the last down) leaves the order as it is.
  if (j >= 0 && j < ids.length) {
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await store.renumber(trx, ids);
    await touch(trx, b.id);
  }
  return { ok: true };
}

export async function publishBoard(trx: Tx, actor: Actor, code: string, published: boolean) {
  const b = await ownBoard(trx, actor, code);
  if (published && Number(b.tile_count ?? 0) === 0) throw badRequest(B('empty_board'));
  // Publishing again keeps the first date; unpublishing clears it.
  if (published === (b.published_at !== null)) return { ok: true };
  await trx
    .updateTable('obs_boards')
    .set({ published_at: published ? new Date() : null, updated_at: new Date() })
    .where('id', '=', b.id)
    .execute();
  return { ok: true };
}

export async function viewBoard(trx: Tx, actor: Actor, code: string, query: BoardQuery): Promise<BoardView> {
  requirePermission(actor, 'observatory.view');
  const b = await store.findBoard(trx, code);
  if (!b) throw notFound(B('unknown_board'));
  if (query.group && !(await store.groupExists(trx, query.group))) throw notFound(B('unknown_group'));
  const { group, tiles } = await tileViews(trx, actor, b, {
    period: query.period ?? b.period,
    group: query.group ?? b.group_code,
  });
  const groups = tiles[0]?.map.groups ?? (await groupChoices(trx, actor.language));
  const periods = [...new Set(tiles.flatMap((t) => t.map.indicator.periods))].sort(comparePeriods);
  const l = lang(actor.language);
  return {
    ...summaryOf(actor, b, mayEdit(actor, b)),
    titleFr: b.title_fr,
    titleNl: b.title_nl,
    description: localized(l, b.description_fr, b.description_nl) || null,
    descriptionFr: b.description_fr,
    descriptionNl: b.description_nl,
    shownPeriod: query.period ?? b.period,
    shownGroup: group,
    groups,
    periods,
    tiles,
    followups: await followupsOf(trx, actor, b.id),
    canAddFollowup: mayRecordFollowup(actor),
  };
}

export async function groupChoices(trx: Tx, language: Language) {
  return (await mapStore.territoryGroups(trx)).map((g) => ({
    code: g.code,
    name: localized(lang(language), g.name_fr, g.name_nl) || g.code,
  }));
}
