import type { PersonDetail } from '../../../../common/people/schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import type { Secrets } from '../../../platform/secrets';
import { personAccess } from './access';
import { maskedNationalId } from './national-id';
import * as store from './store';
import { toDetail } from './view';

/** The stored row of a person the actor may open, or a 404 (another organisation's rows are hidden by RLS). */
export async function loadPerson(
  trx: Tx,
  actor: Actor,
  id: string,
  permission: 'person.view' | 'person.manage',
): Promise<store.PersonRow> {
  const { scope } = personAccess(actor, permission);
  const row = await store.getPerson(trx, id, scope);
  if (!row) throw notFound('people.persons.errors.not_found');
  return row;
}

/** A person's full record for their home organisation. Every read is recorded in the audit log. */
export async function getPerson(trx: Tx, actor: Actor, secrets: Secrets, id: string): Promise<PersonDetail> {
  const { scope } = personAccess(actor, 'person.view');
  const row = await store.readPersonAudited(trx, id, scope, 'record');
  if (!row) throw notFound('people.persons.errors.not_found');
  return toDetail(row, actor, await maskedNationalId(trx, secrets, row.national_id_enc, row.org_keys));
}
