import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type {
  BirthDatePrecision,
  DuplicateCandidate,
  InterpreterNeed,
} from '../../../../common/people/schemas';
import type { Tx } from '../../../platform/db/context';
import type { KeyRow } from '../../../platform/keys/field-cipher';
import type { PersonsTable } from '../tables';

export type PersonRow = Selectable<PersonsTable> & {
  referent_name: string | null;
  municipality_name_fr: string | null;
  municipality_name_nl: string | null;
};

/** Whose caseload a reader may open: every person of the organisation, or only their own. */
export type CaseloadScope = { all: true } | { all: false; userId: string };

/** The person's names folded as the trigram index has them (last name first). */
const FOLDED_NAME = sql<string>`app.fold(p.last_name || ' ' || p.first_name)`;

function baseSelect(trx: Tx) {
  return trx
    .selectFrom('persons as p')
    .leftJoin('users as u', 'u.id', 'p.referent_user_id')
    .leftJoin('territories as t', 't.code', 'p.municipality_code')
    .selectAll('p')
    .select([
      'u.display_name as referent_name',
      't.name_fr as municipality_name_fr',
      't.name_nl as municipality_name_nl',
    ]);
}

/**
 * A referent's caseload: persons they are the referent of, or co-referent on a pathway of. RLS has
 * already narrowed the rows to the home organisation.
 */
function inScope(scope: CaseloadScope) {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`(p.referent_user_id = ${scope.userId} or exists (select 1 from pathways w
    where w.person_id = p.id and ${scope.userId}::uuid = any (w.referent_user_ids)))`;
}

export async function getPerson(trx: Tx, id: string, scope: CaseloadScope): Promise<PersonRow | undefined> {
  return (await baseSelect(trx).where('p.id', '=', id).where(inScope(scope)).executeTakeFirst()) as
    | PersonRow
    | undefined;
}

/**
 * A person's record read and its read audited in one statement, one round trip fewer on every person page
 * (issue 15): the audit call is in the select list, so it runs once per row returned and a person that RLS
 * or the scope hides is neither shown nor audited. The organisation's key rows come along when a national
 * identifier is there to open (ADR 0031).
 */
export async function readPersonAudited(
  trx: Tx,
  id: string,
  scope: CaseloadScope,
  what: string,
): Promise<(PersonRow & { org_keys: KeyRow[] | null }) | undefined> {
  return (await baseSelect(trx)
    .select([
      sql<null>`audit.person_read(array[p.id], ${what}::text, '{}'::jsonb)`.as('audited'),
      sql<KeyRow[] | null>`case when p.national_id_enc is not null
        then (select json_agg(k) from app.org_keys() k) end`.as('org_keys'),
    ])
    .where('p.id', '=', id)
    .where(inScope(scope))
    .executeTakeFirst()) as (PersonRow & { org_keys: KeyRow[] | null }) | undefined;
}

/**
 * A person of the actor's own organisation (RLS: the home organisation only), whoever their referent, or
 * undefined: what another use case needs before acting on the person (a referral, an agreement).
 */
export async function findOwnPerson(trx: Tx, personId: string) {
  return trx
    .selectFrom('persons')
    .select(['id', 'org_id', 'first_name', 'last_name', 'participant_code', 'status', 'preferred_language'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The same, its read audited in the same statement (see readPersonAudited). */
export async function findOwnPersonAudited(
  trx: Tx,
  personId: string,
  what: string,
  detail: Record<string, unknown>,
) {
  return trx
    .selectFrom('persons')
    .select(['id', 'org_id', 'first_name', 'last_name', 'participant_code', 'status', 'preferred_language'])
    .select(
      sql<null>`audit.person_read(array[id], ${what}::text, ${JSON.stringify(detail)}::jsonb)`.as('audited'),
    )
    .where('id', '=', personId)
    .executeTakeFirst();
}

export interface PersonFilter {
  q?: string;
  birthDate?: string;
  code?: string;
  /** A referent's id, or 'none' for persons without one. */
  referent?: string;
  status: string;
}

/**
 * One page of the caseload and the total. A name search is tolerant of typos and name order (trigram
 * word similarity 0.4 on the folded names: trigrams are per word, so "Jean Dupont" and "Dupont Jean"
 * score alike) and matches the start of either name, accents and case aside. Best matches come first.
 */
export async function listPersons(
  trx: Tx,
  scope: CaseloadScope,
  f: PersonFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: PersonRow[]; total: number }> {
  let select = baseSelect(trx)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where(inScope(scope))
    .where('p.status', '=', f.status);
  const q = f.q?.trim();
  // The organisation's matches and their scores, from the trigram index (migration 0060 says why a
  // definer function: under RLS no trigram operator can be an index condition).
  select = select.$if(Boolean(q), (b) =>
    b.innerJoin(sql<{ person_id: string; score: number }>`app.person_name_matches(${q})`.as('m'), (j) =>
      j.onRef('m.person_id', '=', 'p.id'),
    ),
  );
  if (f.birthDate) select = select.where('p.birth_date', '=', f.birthDate);
  if (f.code) select = select.where('p.participant_code', '=', f.code);
  if (f.referent === 'none') select = select.where('p.referent_user_id', 'is', null);
  else if (f.referent) select = select.where('p.referent_user_id', '=', f.referent);
  if (q) select = select.orderBy(sql`m.score`, 'desc');
  const rows = await select
    .orderBy(sql`app.fold(p.last_name)`)
    .orderBy(sql`app.fold(p.first_name)`)
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    // Past the last page the window has no row to count on: count separately.
    const r = await select
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    total = Number(r?.n ?? 0);
  }
  return { rows: rows as PersonRow[], total };
}

/**
 * Possible duplicates in the organisation (RLS): the same participant code, or the same birth date with
 * a similar name in any order. When either birth date is approximate (year only or estimated), the birth
 * years are compared instead, and the candidate is flagged `approximate`: a lead to check with the person.
 */
export async function findDuplicates(
  trx: Tx,
  p: {
    code: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    approximate: boolean;
    excludeId?: string;
    /** Blind index of the national identifier given, if any (persons.national_id_bidx). */
    nationalIdBidx?: string;
  },
): Promise<DuplicateCandidate[]> {
  const year = Number(p.birthDate.slice(0, 4));
  const sameBirth = p.approximate
    ? sql<boolean>`extract(year from p.birth_date) = ${year}`
    : sql<boolean>`(p.birth_date = ${p.birthDate} or (p.birth_date_precision <> 'exact'
        and extract(year from p.birth_date) = ${year}))`;
  let select = trx
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.birth_date',
      'p.birth_date_precision',
      'p.status',
      'p.participant_code',
      'p.national_id_bidx',
    ])
    .where(
      sql<boolean>`(p.participant_code = ${p.code} or (${sameBirth}
        and similarity(${FOLDED_NAME}, app.fold(${`${p.lastName} ${p.firstName}`})) >= 0.5)
        or (${p.nationalIdBidx ?? null}::text is not null and p.national_id_bidx = ${p.nationalIdBidx ?? null}))`,
    );
  if (p.excludeId) select = select.where('p.id', '<>', p.excludeId);
  const rows = await select.orderBy('p.last_name').limit(20).execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    birthDatePrecision: r.birth_date_precision as BirthDatePrecision,
    status: r.status,
    reason:
      p.nationalIdBidx && r.national_id_bidx === p.nationalIdBidx
        ? ('same_national_id' as const)
        : r.participant_code === p.code
          ? ('same_code' as const)
          : ('similar_name' as const),
    approximate: p.approximate || r.birth_date_precision !== 'exact',
  }));
}

/**
 * A person's interpreter need (own organisation's person, under RLS): undefined when the person is not
 * one of the organisation's, null when no need is recorded.
 */
export async function interpreterNeedOf(
  trx: Tx,
  personId: string,
): Promise<InterpreterNeed | null | undefined> {
  const r = await trx
    .selectFrom('persons')
    .select('interpreter_need')
    .where('id', '=', personId)
    .executeTakeFirst();
  return r ? (r.interpreter_need ?? null) : undefined;
}

/** How many other organisations follow someone with this code (never who or where). */
export async function knownElsewhere(trx: Tx, code: string): Promise<number> {
  const r = await sql<{ n: number }>`select app.participant_code_elsewhere(${code}) as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

export async function insertPerson(trx: Tx, values: Insertable<PersonsTable>): Promise<string> {
  const r = await trx.insertInto('persons').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePerson(trx: Tx, id: string, values: Updateable<PersonsTable>): Promise<void> {
  await trx
    .updateTable('persons')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Whether the user is an active member of the organisation who may follow persons. */
export async function isReferentOf(trx: Tx, orgId: string, userId: string): Promise<boolean> {
  const r = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .where(sql<boolean>`roles && array['referent', 'coordinator']::text[]`)
    .executeTakeFirst();
  return r !== undefined;
}

/** Members of the organisation who can be given a caseload, by name. */
export async function listReferents(trx: Tx, orgId: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name as displayName'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`m.roles && array['referent', 'coordinator']::text[]`)
    .orderBy('u.display_name')
    .execute();
}
