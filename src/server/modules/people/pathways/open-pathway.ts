import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict } from '../../../platform/errors';
import { loadPathway } from './access';
import type { PathwayRow } from './store';

/** Objectives, actions and mobility of a closed pathway stay as they were until it is reopened. */
export function ensureOpen(row: PathwayRow): PathwayRow {
  if (row.exitOn) throw conflict('people.pathways.errors.closed');
  return row;
}

export async function loadOpenPathway(trx: Tx, actor: Actor, id: string): Promise<PathwayRow> {
  return ensureOpen(await loadPathway(trx, actor, id));
}
