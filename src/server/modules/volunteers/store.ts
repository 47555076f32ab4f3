import { sql } from 'kysely';
import { likeAnywhere, pageOf, searchTerm } from '../../../common/kernel/schemas';
import type {
  OrgRef,
  VolunteerAssignment,
  VolunteerDeclaration,
  VolunteerPage,
  VolunteerQuery,
  VolunteerStatus,
} from '../../../common/volunteers/schemas';
import type { Tx } from '../../platform/db/context';

/** Reads of the registry. RLS already limits every row to the caller's volunteers (migration 0045). */

const orgRef = (r: { id: string; name_fr: string; name_nl: string }): OrgRef => ({
  id: r.id,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
});

export async function listVolunteers(trx: Tx, q: VolunteerQuery): Promise<VolunteerPage> {
  const { page, pageSize, offset } = pageOf(q);
  const term = searchTerm(q.q);
  let base = trx.selectFrom('volunteers as v').innerJoin('organisations as o', 'o.id', 'v.org_id');
  if (q.status) base = base.where('v.status', '=', q.status);
  if (q.language) base = base.where(sql<boolean>`${q.language} = any(v.languages)`);
  if (q.skill) base = base.where(sql<boolean>`${q.skill} = any(v.skills)`);
  if (term)
    base = base.where((eb) =>
      eb.or([
        eb(sql`app.fold(v.name)`, 'like', sql`app.fold(${likeAnywhere(term)})`),
        eb('v.email', 'ilike', likeAnywhere(term)),
      ]),
    );
  const [rows, count] = await Promise.all([
    base
      .select([
        'v.id',
        'v.name',
        'v.email',
        'v.languages',
        'v.skills',
        'v.status',
        'v.created_at',
        'o.id as org_id',
        'o.name_fr',
        'o.name_nl',
      ])
      // Pending registrations first: they wait for a coordinator.
      .orderBy(sql`v.status = 'pending'`, 'desc')
      .orderBy('v.name')
      .orderBy('v.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      languages: r.languages,
      skills: r.skills,
      status: r.status as VolunteerStatus,
      coordinator: orgRef({ id: r.org_id, name_fr: r.name_fr, name_nl: r.name_nl }),
      createdAt: r.created_at.toISOString(),
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}

export const findVolunteer = (trx: Tx, id: string) =>
  trx.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();

export const organisationIds = async (trx: Tx, id: string) =>
  (
    await trx.selectFrom('volunteer_organisations').select('org_id').where('volunteer_id', '=', id).execute()
  ).map((r) => r.org_id);

export async function orgRefs(trx: Tx, ids: string[]): Promise<Map<string, OrgRef>> {
  if (!ids.length) return new Map();
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, orgRef(r)]));
}

export const organisationOf = (trx: Tx, id: string) =>
  trx
    .selectFrom('organisations')
    .select(['id', 'country', 'kind', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();

export async function declarations(trx: Tx, id: string) {
  return trx
    .selectFrom('volunteer_benefit_declarations as d')
    .leftJoin('users as u', 'u.id', 'd.acknowledged_by')
    .select([
      'd.id',
      'd.centre_org_id',
      'd.declared_on',
      'd.acknowledged_by',
      'd.acknowledged_at',
      'u.display_name',
    ])
    .where('d.volunteer_id', '=', id)
    .orderBy('d.declared_on')
    .execute();
}

export const trainings = (trx: Tx, id: string) =>
  trx
    .selectFrom('volunteer_trainings')
    .select(['id', 'title', 'followed_on', 'org_id'])
    .where('volunteer_id', '=', id)
    .orderBy('followed_on', 'desc')
    .execute();

export async function assignments(trx: Tx, id: string) {
  return trx
    .selectFrom('volunteer_assignments as a')
    .select([
      'a.id',
      'a.org_id',
      'a.event_id',
      'a.initiative_id',
      'a.activity_title',
      'a.assigned_on',
      'a.hours',
      'a.insured',
    ])
    .where('a.volunteer_id', '=', id)
    .orderBy('a.assigned_on', 'desc')
    .execute();
}

export const toDeclaration = (
  d: Awaited<ReturnType<typeof declarations>>[number],
  refs: Map<string, OrgRef>,
): VolunteerDeclaration => ({
  id: d.id,
  centre: refs.get(d.centre_org_id) ?? { id: d.centre_org_id, nameFr: '', nameNl: '' },
  declaredOn: d.declared_on,
  acknowledgedBy: d.display_name ?? '',
  acknowledgedAt: d.acknowledged_at.toISOString(),
});

export const toAssignment = (
  a: Awaited<ReturnType<typeof assignments>>[number],
  refs: Map<string, OrgRef>,
  title: (kind: 'event' | 'initiative', id: string) => string | null,
): VolunteerAssignment => ({
  id: a.id,
  org: refs.get(a.org_id) ?? { id: a.org_id, nameFr: '', nameNl: '' },
  eventId: a.event_id,
  eventTitle: a.event_id ? title('event', a.event_id) : null,
  initiativeId: a.initiative_id,
  initiativeTitle: a.initiative_id ? title('initiative', a.initiative_id) : null,
  activityTitle: a.activity_title,
  assignedOn: a.assigned_on,
  hours: Number(a.hours),
  insured: a.insured,
});

/** The network's active organisations, for the forms. */
export const activeOrganisations = (trx: Tx) =>
  trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'country', 'kind'])
    .where('status', '=', 'active')
    .orderBy('name_fr')
    .execute();

export const insurances = (trx: Tx, orgId: string) =>
  trx
    .selectFrom('org_volunteer_insurance')
    .select(['id', 'insurer', 'policy_number', 'valid_from', 'valid_to'])
    .where('org_id', '=', orgId)
    .orderBy('valid_from', 'desc')
    .execute();
