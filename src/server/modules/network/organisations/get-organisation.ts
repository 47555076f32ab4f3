import type { OrganisationDetail } from '../../../../common/network/organisation-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as store from './store';

/** Whether the actor may change this organisation: platform admins any, organisation admins their own. */
export const mayEdit = (actor: Actor, orgId: string) =>
  actorCan(actor, 'organisation.update') && (actor.platformAdmin || actor.orgId === orgId);

export function toDetail(r: store.OrganisationRow, actor: Actor): OrganisationDetail {
  return {
    id: r.id,
    kind: r.kind,
    country: r.country,
    region: r.region,
    nameFr: r.name_fr,
    nameNl: r.name_nl,
    shortName: r.short_name,
    municipalityCode: r.municipality_code,
    municipalityNameFr: r.municipality_name_fr,
    municipalityNameNl: r.municipality_name_nl,
    status: r.status,
    serviceLanguages: r.service_languages,
    street: r.street,
    postalCode: r.postal_code,
    businessIdType: r.business_id_type,
    businessId: r.business_id,
    email: r.email,
    phone: r.phone,
    website: r.website,
    closedOn: r.closed_on,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    canEdit: mayEdit(actor, r.id),
  };
}

export async function getOrganisation(trx: Tx, actor: Actor, id: string): Promise<OrganisationDetail> {
  requirePermission(actor, 'organisation.view');
  const row = await store.getOrganisation(trx, id);
  if (!row) throw notFound('network.organisations.errors.not_found');
  return toDetail(row, actor);
}
