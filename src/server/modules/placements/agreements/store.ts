import { sql } from 'kysely';
import type { Period } from '../../../../common/placements/dates';
import type { Tx } from '../../../platform/db/context';

/**
 * Reads of placement agreements. Everything runs under RLS: the home centre and the host see the
 * agreement; persons, users and memberships of the other side stay hidden, except what the definer
 * functions of migration 0006 reveal to a party (participant code, staff names, committed periods).
 */

/**
 * The home centre's own person and whether a pathway is theirs: the people module's answers (persons and
 * pathways are its tables).
 */
export { findOwnPerson, findOwnPersonAudited, isPathwayOf as pathwayOfPerson } from '../../people';

/** Status, e-mail, region and names of an organisation (the partner directory, readable by every member). */
export async function findOrganisation(trx: Tx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'status', 'email', 'region', 'name_fr', 'name_nl'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findProgramme(trx: Tx, id: string) {
  return trx
    .selectFrom('programmes')
    .select([
      'id',
      'name_fr',
      'name_nl',
      'acronym',
      'starts_on',
      'ends_on',
      'placement_min_months',
      'placement_max_months',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A programme's terms and whether an organisation is one of its partners, in one statement (the guards
 * need both on every agreement page and move). The programme is undefined when unknown or unreadable.
 */
export async function programmeAndPartner(trx: Tx, programmeId: string, orgId: string) {
  const r = await sql<{ programme: ProgrammeTerms | null; partner: boolean }>`
    select (select jsonb_build_object('starts_on', p.starts_on, 'ends_on', p.ends_on,
        'placement_min_months', p.placement_min_months, 'placement_max_months', p.placement_max_months)
        from programmes p where p.id = ${programmeId}::uuid) as programme,
      exists (select 1 from programme_partners pp
        where pp.programme_id = ${programmeId}::uuid and pp.partner_org_id = ${orgId}::uuid) as partner`.execute(
    trx,
  );
  return { programme: r.rows[0]?.programme ?? undefined, partner: r.rows[0]?.partner === true };
}

export interface ProgrammeTerms {
  starts_on: string;
  ends_on: string;
  placement_min_months: number;
  placement_max_months: number;
}

/** Staff of an organisation who may tutor there (tutors and coordinators), names only. */
export async function hostTutors(trx: Tx, orgId: string) {
  const r = await sql<{
    user_id: string;
    display_name: string;
  }>`select user_id, display_name from app.organisation_tutors(${orgId}::uuid)`.execute(trx);
  return r.rows;
}

/** Participant code and staff names of agreements the current organisation is a party to. */
export async function parties(trx: Tx, ids: readonly string[]) {
  const out = new Map<string, { code: string; referentName: string; tutorName: string | null }>();
  if (!ids.length) return out;
  const r = await sql<{
    placement_id: string;
    participant_code: string;
    referent_name: string;
    tutor_name: string | null;
  }>`select * from app.placement_parties(${sql.val([...ids])}::uuid[])`.execute(trx);
  for (const row of r.rows)
    out.set(row.placement_id, {
      code: row.participant_code,
      referentName: row.referent_name,
      tutorName: row.tutor_name,
    });
  return out;
}

/**
 * The same person's other validated or active agreements. The home centre reads them itself (they are all
 * its own; `excludeId` is null for a draft not yet written); the host asks the definer function, which
 * answers periods only.
 */
export async function committedPeriods(
  trx: Tx,
  side: 'home' | 'host',
  personId: string,
  excludeId: string | null,
): Promise<Period[]> {
  if (side === 'home') {
    let q = trx
      .selectFrom('placements')
      .select(['starts_on', 'ends_on'])
      .where('person_id', '=', personId)
      .where('status', 'in', ['validated', 'active']);
    if (excludeId !== null) q = q.where('id', '<>', excludeId);
    const rows = await q.execute();
    return rows.map((r) => ({ start: r.starts_on, end: r.ends_on }));
  }
  const r = await sql<{ starts_on: string; ends_on: string }>`
    select starts_on::text, ends_on::text from app.person_committed_periods(${personId}::uuid, ${excludeId}::uuid)`.execute(
    trx,
  );
  return r.rows.map((x) => ({ start: x.starts_on, end: x.ends_on }));
}

export async function signatures(trx: Tx, placementId: string) {
  // The signers' names come from the definer function in the same statement (one round trip).
  return trx
    .selectFrom('placement_signatures as s')
    .leftJoin(
      sql<{
        signature_id: string;
        signer_name: string | null;
        email: string | null;
      }>`app.placement_signers(${placementId}::uuid)`.as('n'),
      'n.signature_id',
      's.id',
    )
    .select([
      's.id',
      's.role',
      's.version',
      's.method',
      's.requested_at',
      's.signed_at',
      's.token_hash',
      's.token_expires_at',
      'n.signer_name',
      'n.email',
    ])
    .where('s.placement_id', '=', placementId)
    .orderBy('s.version')
    .orderBy('s.requested_at')
    .execute();
}

/**
 * Who signs, as this party may know it: the person's name (or their representative's) and address reach
 * the host only when identity and contact were granted to it (migration 0008).
 */
export async function signerNames(trx: Tx, placementId: string) {
  const r = await sql<{ signature_id: string; signer_name: string | null; email: string | null }>`
    select signature_id, signer_name, email from app.placement_signers(${placementId}::uuid)`.execute(trx);
  return new Map(r.rows.map((x) => [x.signature_id, x]));
}
export type SignatureRow = Awaited<ReturnType<typeof signatures>>[number];

type Names = { name_fr: string; name_nl: string };

/**
 * Names the view shows next to the row: both organisations, the programme, the municipality — in one
 * statement (each scalar sub-select still under its table's row-level security).
 */
export async function viewExtras(
  trx: Tx,
  row: { org_id: string; host_org_id: string; programme_id: string | null; municipality_code: string },
) {
  const names = (table: 'organisations' | 'programmes', id: string | null) =>
    sql`(select jsonb_build_object('name_fr', x.name_fr, 'name_nl', x.name_nl) from ${sql.table(table)} x
      where x.id = ${id}::uuid)`;
  const r = await sql<{
    home: Names | null;
    host: Names | null;
    programme: Names | null;
    territory: Names | null;
  }>`
    select ${names('organisations', row.org_id)} as home, ${names('organisations', row.host_org_id)} as host,
      ${names('programmes', row.programme_id)} as programme,
      (select jsonb_build_object('name_fr', t.name_fr, 'name_nl', t.name_nl) from territories t
        where t.code = ${row.municipality_code}) as territory`.execute(trx);
  const x = r.rows[0];
  return {
    home: x?.home ?? undefined,
    host: x?.host ?? undefined,
    programme: x?.programme ?? undefined,
    territory: x?.territory ?? undefined,
  };
}

/** The person as the host may see them through the agreement's grant (audited read), or null. */
export async function sharedPerson(trx: Tx, personId: string): Promise<Record<string, unknown> | null> {
  const r = await sql<{
    p: Record<string, unknown> | null;
  }>`select app.shared_person(${personId}::uuid) as p`.execute(trx);
  return r.rows[0]?.p ?? null;
}

/** The agreement locked for a change (two changes cannot cross). */
export async function lockPlacement(trx: Tx, id: string) {
  return trx.selectFrom('placements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function signatureByToken(trx: Tx, tokenHash: Buffer) {
  const r = await sql<{ v: Record<string, unknown> | null }>`
    select app.signature_by_token(${tokenHash}) as v`.execute(trx);
  return r.rows[0]?.v ?? null;
}

/** Signs through a link (single use); the agreement's id, or null for a link that no longer works. */
export async function signWithToken(trx: Tx, tokenHash: Buffer): Promise<string | null> {
  const r = await sql<{ id: string | null }>`select app.sign_by_token(${tokenHash}) as id`.execute(trx);
  return r.rows[0]?.id ?? null;
}

/**
 * Who is asked to sign this version for the host (a staff name, nothing of the person), read as the
 * other names are, through app.placement_signers (the name column is not granted to the application).
 */
export async function hostSignerName(trx: Tx, placementId: string, version: number): Promise<string | null> {
  const row = (await signatures(trx, placementId)).find(
    (s) => s.role === 'host_representative' && s.version === version,
  );
  return row?.signer_name?.trim() || null;
}
