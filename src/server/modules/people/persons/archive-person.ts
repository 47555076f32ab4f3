import type { PersonDetail } from '../../../../common/people/schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Secrets } from '../../../platform/secrets';
import { updatePerson } from './update-person';

/** Archives a person who is no longer followed: they leave the active caseload, the record stays. */
export const archivePerson = (trx: Tx, actor: Actor, secrets: Secrets, id: string): Promise<PersonDetail> =>
  updatePerson(trx, actor, secrets, id, { status: 'archived' });
