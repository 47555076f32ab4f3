import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict } from '../../../platform/errors';
import { subjectPerson } from './collect';

type State = { restriction: { since: string; reason: string } | null };

async function state(trx: Tx, id: string): Promise<State> {
  const r = await trx
    .selectFrom('persons')
    .select(['restricted_at', 'restriction_reason', 'anonymised_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    restriction:
      r.restricted_at && r.restriction_reason
        ? { since: new Date(r.restricted_at).toISOString(), reason: r.restriction_reason }
        : null,
  };
}

/**
 * Restricts processing of a person (GDPR art. 18): from now on the database refuses every write about them
 * (migration 0065) until the restriction is lifted; reads go on. Setting it again corrects the reason.
 * The change of the record is in the audit log (who, when, the reason), like lifting it.
 */
export async function restrictPerson(trx: Tx, actor: Actor, id: string, reason: string): Promise<State> {
  await subjectPerson(trx, actor, id);
  const r = await sql`update persons set restricted_at = coalesce(restricted_at, now()),
      restriction_reason = ${reason.trim()}, restricted_by = ${actor.userId}, updated_at = now()
    where id = ${id} and anonymised_at is null`.execute(trx);
  if (!Number(r.numAffectedRows ?? 0)) throw conflict('people.subject_rights.errors.already_anonymised');
  return state(trx, id);
}

export async function liftRestriction(trx: Tx, actor: Actor, id: string): Promise<State> {
  await subjectPerson(trx, actor, id);
  await sql`update persons set restricted_at = null, restriction_reason = null, restricted_by = null,
      updated_at = now()
    where id = ${id} and restricted_at is not null`.execute(trx);
  return state(trx, id);
}
