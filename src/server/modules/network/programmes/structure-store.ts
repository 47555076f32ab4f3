import { sql } from 'kysely';
import type {
  ActionKind,
  ActionView,
  MilestoneView,
  TerritoryRef,
} from '../../../../common/network/programme-structure-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of a programme's structure: actions, perimeter, milestones (migration 0016). */

export async function listActions(trx: Tx, programmeId: string): Promise<ActionView[]> {
  const rows = await trx
    .selectFrom('programme_actions as a')
    .select([
      'a.id',
      'a.position',
      'a.code',
      'a.kind',
      'a.title_fr',
      'a.title_nl',
      'a.title_en',
      'a.default_for',
      // false for anyone but the lead (the function answers only them): others never delete.
      sql<boolean>`app.programme_action_in_use(a.id)`.as('in_use'),
    ])
    .where('a.programme_id', '=', programmeId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    code: r.code,
    kind: r.kind as ActionKind,
    titleFr: r.title_fr,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    defaultFor: r.default_for,
    inUse: r.in_use,
  }));
}

export async function listTerritories(trx: Tx, programmeId: string): Promise<TerritoryRef[]> {
  return trx
    .selectFrom('programme_territories as pt')
    .innerJoin('territories as t', 't.code', 'pt.territory_code')
    .select(['t.code', 't.country', 't.name_fr as nameFr', 't.name_nl as nameNl'])
    .where('pt.programme_id', '=', programmeId)
    .orderBy('t.name_fr')
    .orderBy('t.code')
    .execute();
}

/** The milestones RLS lets the caller read (the programme's partners); in time order. */
export async function listMilestones(trx: Tx, programmeId: string): Promise<MilestoneView[]> {
  return trx
    .selectFrom('programme_milestones')
    .select([
      'id',
      'occurs_on as occursOn',
      'label_fr as labelFr',
      'label_nl as labelNl',
      'label_en as labelEn',
      'note',
    ])
    .where('programme_id', '=', programmeId)
    .orderBy('occurs_on')
    .orderBy('label_fr')
    .execute();
}

export async function isProgrammePartner(trx: Tx, programmeId: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select app.is_programme_partner(${programmeId}::uuid) as ok`.execute(
    trx,
  );
  return r.rows[0]?.ok === true;
}

export interface ActionValues {
  id?: string;
  code: string;
  kind: ActionKind;
  titleFr: string;
  titleNl: string;
  titleEn: string | null;
  defaultFor: string[];
}

/**
 * Applies the wanted ordered list: deletes the dropped actions, renames and moves the kept ones, inserts
 * the new ones. Positions are unique only at commit (deferred), so moves need no shuffle; codes are
 * unique at once, so a kept action whose code changes first takes a placeholder (two may swap codes).
 */
export async function applyActions(
  trx: Tx,
  programmeId: string,
  ownerOrgId: string,
  wanted: readonly ActionValues[],
): Promise<void> {
  const current = await trx
    .selectFrom('programme_actions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .execute();
  const byId = new Map(current.map((a) => [a.id, a]));
  const keep = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
  const dropped = current.filter((a) => !keep.has(a.id)).map((a) => a.id);
  if (dropped.length) await trx.deleteFrom('programme_actions').where('id', 'in', dropped).execute();
  const renamed = wanted.filter((w) => w.id && byId.get(w.id)?.code !== w.code);
  for (const [i, w] of renamed.entries())
    await trx
      .updateTable('programme_actions')
      .set({ code: `~${i}` })
      .where('id', '=', w.id as string)
      .execute();
  for (const [i, w] of wanted.entries()) {
    const values = {
      position: i + 1,
      code: w.code,
      kind: w.kind,
      title_fr: w.titleFr,
      title_nl: w.titleNl,
      title_en: w.titleEn,
      default_for: w.defaultFor,
    };
    const now = w.id ? byId.get(w.id) : undefined;
    if (!now)
      await trx
        .insertInto('programme_actions')
        .values({ ...values, programme_id: programmeId, org_id: ownerOrgId })
        .execute();
    else if (
      renamed.includes(w) ||
      now.position !== values.position ||
      now.kind !== values.kind ||
      now.title_fr !== values.title_fr ||
      now.title_nl !== values.title_nl ||
      now.title_en !== values.title_en ||
      now.default_for.join() !== values.default_for.join()
    )
      await trx
        .updateTable('programme_actions')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', now.id)
        .execute();
  }
}

export interface MilestoneValues {
  id?: string;
  occursOn: string;
  labelFr: string;
  labelNl: string;
  labelEn: string | null;
  note: string | null;
}

/** Applies the wanted milestones: only real changes reach the audit log. */
export async function applyMilestones(
  trx: Tx,
  programmeId: string,
  ownerOrgId: string,
  wanted: readonly MilestoneValues[],
): Promise<void> {
  const current = await trx
    .selectFrom('programme_milestones')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .execute();
  const byId = new Map(current.map((m) => [m.id, m]));
  const keep = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
  const dropped = current.filter((m) => !keep.has(m.id)).map((m) => m.id);
  if (dropped.length) await trx.deleteFrom('programme_milestones').where('id', 'in', dropped).execute();
  for (const w of wanted) {
    const values = {
      occurs_on: w.occursOn,
      label_fr: w.labelFr,
      label_nl: w.labelNl,
      label_en: w.labelEn,
      note: w.note,
    };
    const now = w.id ? byId.get(w.id) : undefined;
    if (!now)
      await trx
        .insertInto('programme_milestones')
        .values({ ...values, programme_id: programmeId, org_id: ownerOrgId })
        .execute();
    else if ((Object.keys(values) as Array<keyof typeof values>).some((k) => now[k] !== values[k]))
      await trx
        .updateTable('programme_milestones')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', now.id)
        .execute();
  }
}

/** The codes among `codes` that name no municipality. */
export async function unknownTerritories(trx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const found = await trx.selectFrom('territories').select('code').where('code', 'in', codes).execute();
  const known = new Set(found.map((r) => r.code));
  return new Set(codes.filter((c) => !known.has(c)));
}

export async function applyTerritories(
  trx: Tx,
  programmeId: string,
  ownerOrgId: string,
  codes: readonly string[],
): Promise<void> {
  const current = await trx
    .selectFrom('programme_territories')
    .select('territory_code')
    .where('programme_id', '=', programmeId)
    .execute();
  const have = new Set(current.map((r) => r.territory_code));
  const want = new Set(codes);
  const dropped = [...have].filter((c) => !want.has(c));
  const added = [...want].filter((c) => !have.has(c));
  if (dropped.length)
    await trx
      .deleteFrom('programme_territories')
      .where('programme_id', '=', programmeId)
      .where('territory_code', 'in', dropped)
      .execute();
  if (added.length)
    await trx
      .insertInto('programme_territories')
      .values(added.map((c) => ({ programme_id: programmeId, territory_code: c, org_id: ownerOrgId })))
      .execute();
}

/** Marks the programme as changed (its page shows when it was last updated). */
export const touchProgramme = (trx: Tx, id: string) =>
  trx.updateTable('programmes').set({ updated_at: new Date() }).where('id', '=', id).execute();
