import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import './tables';

/** SQL of the boards; RLS lets every signed-in user read, the owner write, anyone read a published board. */

const boards = (trx: Tx) =>
  trx
    .selectFrom('obs_boards as b')
    .innerJoin('organisations as o', 'o.id', 'b.org_id')
    .selectAll('b')
    .select(['o.name_fr as org_name_fr', 'o.name_nl as org_name_nl'])
    .select((eb) =>
      eb
        .selectFrom('obs_board_tiles as t')
        .whereRef('t.board_id', '=', 'b.id')
        .select(sql<string>`count(*)`.as('n'))
        .as('tile_count'),
    );

export const listBoards = (trx: Tx) => boards(trx).orderBy('b.theme').orderBy('b.title_fr').execute();
export type BoardRow = Awaited<ReturnType<typeof listBoards>>[number];

export const findBoard = (trx: Tx, code: string) => boards(trx).where('b.code', '=', code).executeTakeFirst();

export const codeTaken = async (trx: Tx, code: string) =>
  // Under RLS another organisation's board is visible to a signed-in user: the unique code is checked here.
  !!(await trx.selectFrom('obs_boards').select('id').where('code', '=', code).executeTakeFirst());

export const tilesOf = (trx: Tx, boardId: string) =>
  trx
    .selectFrom('obs_board_tiles as t')
    .innerJoin('obs_indicators as i', 'i.id', 't.indicator_id')
    .select([
      't.id',
      't.position',
      't.kind',
      't.geo_a',
      't.geo_b',
      'i.code as indicator',
      'i.id as indicator_id',
    ])
    .where('t.board_id', '=', boardId)
    .orderBy('t.position')
    .orderBy('t.created_at')
    .execute();
export type TileRow = Awaited<ReturnType<typeof tilesOf>>[number];

export const groupExists = async (trx: Tx, code: string) =>
  !!(await trx.selectFrom('territory_groups').select('id').where('code', '=', code).executeTakeFirst());

/** Writes the tiles' order as given (0, 1, 2…). */
export async function renumber(trx: Tx, ids: string[]) {
  for (const [position, id] of ids.entries())
    await trx.updateTable('obs_board_tiles').set({ position }).where('id', '=', id).execute();
}

/** A board's follow-up with its organisation and indicator; never the person who wrote it. */
export const followupsOf = (trx: Tx, boardId: string) =>
  trx
    .selectFrom('obs_board_followups as f')
    .innerJoin('organisations as o', 'o.id', 'f.org_id')
    .leftJoin('obs_indicators as i', 'i.id', 'f.indicator_id')
    .select([
      'f.id',
      'f.org_id',
      'f.decided_on',
      'f.title',
      'f.decision',
      'f.language',
      'f.status',
      'o.name_fr as org_name_fr',
      'o.name_nl as org_name_nl',
      'o.country as org_country',
      'i.code as indicator_code',
      'i.label_fr as indicator_fr',
      'i.label_nl as indicator_nl',
      'i.label_en as indicator_en',
    ])
    .where('f.board_id', '=', boardId)
    .orderBy('f.decided_on', 'desc')
    .orderBy('f.created_at', 'desc')
    .execute();
export type FollowupRow = Awaited<ReturnType<typeof followupsOf>>[number];

export const findFollowup = (trx: Tx, boardId: string, id: string) =>
  trx
    .selectFrom('obs_board_followups')
    .select(['id', 'org_id'])
    .where('board_id', '=', boardId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Municipalities' names for a comparison whose territory has no value on a period's map. */
export const municipalities = (trx: Tx, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : trx
        .selectFrom('territories')
        .select(['code', 'country', 'name_fr', 'name_nl', 'level'])
        .where('code', 'in', codes)
        .execute();
