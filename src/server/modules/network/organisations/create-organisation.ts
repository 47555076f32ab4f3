import type {
  OrganisationCreateBody,
  OrganisationDetail,
} from '../../../../common/network/organisation-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { getOrganisation } from './get-organisation';
import * as store from './store';
import { text, validateOrganisation } from './validate';

/** Adds an organisation to the partner network (platform admins). */
export async function createOrganisation(
  trx: Tx,
  actor: Actor,
  body: OrganisationCreateBody,
): Promise<OrganisationDetail> {
  requirePermission(actor, 'organisation.create');
  const values = {
    kind: body.kind,
    country: body.country,
    region: body.region,
    nameFr: body.nameFr.trim(),
    nameNl: body.nameNl.trim(),
    municipalityCode: text(body.municipalityCode),
    businessId: text(body.businessId),
    email: text(body.email),
    phone: text(body.phone),
    website: text(body.website),
    status: 'active' as const,
    closedOn: null,
  };
  const n = await validateOrganisation(trx, values);
  const id = await store.insertOrganisation(trx, {
    kind: values.kind,
    country: values.country,
    region: values.region,
    name_fr: values.nameFr,
    name_nl: values.nameNl,
    short_name: text(body.shortName),
    service_languages: body.serviceLanguages ?? [],
    street: text(body.street),
    postal_code: text(body.postalCode),
    municipality_code: values.municipalityCode,
    business_id_type: n.businessIdType,
    business_id: n.businessId,
    email: values.email,
    phone: n.phone,
    website: values.website,
  });
  return getOrganisation(trx, actor, id);
}
