import type { UseInput, UseList, UseRow } from '../../../../common/network/service-links-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import { findService } from '../services/store';
import { serviceSide, upsertUse, usesOfService } from './store';

/**
 * The monthly use of a service by persons from the other country: recorded by the providing service's
 * organisation only (counts, and pseudonymous participant codes when the person is followed in samen;
 * no name), read by that organisation; the programme monitoring reads sums only (migration 0046).
 */

const E = 'network.service_links.errors';
const other = (country: string) => (country === 'FR' ? 'BE' : 'FR');

async function ownService(trx: Tx, actor: Actor, serviceId: string) {
  requirePermission(actor, 'service.manage');
  const s = await findService(trx, serviceId, { publishedOnly: false });
  if (!s) throw notFound();
  if (s.orgId !== actor.orgId) throw forbidden();
  const side = await serviceSide(trx, serviceId);
  if (!side) throw notFound();
  return side;
}

export async function listUses(trx: Tx, actor: Actor, serviceId: string): Promise<UseList> {
  const side = await ownService(trx, actor, serviceId);
  return { homeCountry: other(side.country), items: await usesOfService(trx, serviceId) };
}

export async function recordUse(
  trx: Tx,
  actor: Actor,
  serviceId: string,
  body: UseInput,
  today: string,
): Promise<UseRow> {
  const side = await ownService(trx, actor, serviceId);
  if (body.month > today.slice(0, 7)) throw validationFailed([{ path: 'month', code: `${E}.future_month` }]);
  const codes = [...(body.participantCodes ?? [])].sort();
  if (codes.length > body.persons)
    throw validationFailed([{ path: 'participantCodes', code: `${E}.more_codes_than_persons` }]);
  const homeCountry = other(side.country);
  await upsertUse(trx, {
    serviceId,
    month: body.month,
    homeCountry,
    persons: body.persons,
    codes,
    userId: actor.userId,
  });
  return { month: body.month, homeCountry, persons: body.persons, participantCodes: codes };
}
