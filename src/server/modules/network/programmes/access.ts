import { canEditProgramme } from '../../../../common/network/programme-rules';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import { findProgramme, type ProgrammeRow } from './store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot be a programme is "not found", not a database error. */
export function programmeId(id: string): string {
  if (!UUID.test(id)) throw notFound('programmes.error.not_found');
  return id.toLowerCase();
}

export async function loadProgramme(trx: Tx, id: string): Promise<ProgrammeRow> {
  const row = await findProgramme(trx, programmeId(id));
  if (!row) throw notFound('programmes.error.not_found');
  return row;
}

/** The programme, if the actor may change it (lead organisation's coordinator or platform admin). */
export async function loadEditable(trx: Tx, actor: Actor, id: string): Promise<ProgrammeRow> {
  const row = await loadProgramme(trx, id);
  if (!canEditProgramme(actor, row.orgId)) throw forbidden('programmes.error.not_lead');
  return row;
}

/** Trimmed text; blank becomes null (an optional field left empty). */
export const text = (v: string | null | undefined) => {
  if (v === undefined) return undefined;
  const t = v?.trim();
  return t ? t : null;
};
