import { canEditProgramme } from '../../../../common/network/programme-rules';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import { findProgramme, type ProgrammeRow } from './store';

export async function loadProgramme(trx: Tx, id: string): Promise<ProgrammeRow> {
  const row = await findProgramme(trx, id.toLowerCase());
  if (!row) throw notFound('network.programmes.errors.not_found');
  return row;
}

/** The programme, if the actor may change it (lead organisation's coordinator or platform admin). */
export async function loadEditable(trx: Tx, actor: Actor, id: string): Promise<ProgrammeRow> {
  const row = await loadProgramme(trx, id);
  if (!canEditProgramme(actor, row.orgId)) throw forbidden('network.programmes.errors.not_lead');
  return row;
}

/** Trimmed text; blank becomes null (an optional field left empty). */
export const text = (v: string | null | undefined) => {
  if (v === undefined) return undefined;
  const t = v?.trim();
  return t ? t : null;
};
