import type {
  Country,
  OrganisationDetail,
  OrganisationPatchBody,
  Region,
} from '../../../../common/network/organisation-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound } from '../../../platform/errors';
import { getOrganisation, mayEdit } from './get-organisation';
import * as store from './store';
import { text, validateOrganisation } from './validate';

/** The changed value when the field was sent (null clears it), else the stored one. */
const pick = <T>(sent: T | null | undefined, stored: T | null): T | null =>
  sent === undefined ? stored : sent;

/**
 * Changes an organisation: platform admins any, organisation admins their own (RLS enforces the same).
 * The merged record is checked as a whole; closing needs a date, reopening clears it. The table's audit
 * trigger records the changed fields with their before and after values.
 */
export async function updateOrganisation(
  trx: Tx,
  actor: Actor,
  id: string,
  body: OrganisationPatchBody,
): Promise<OrganisationDetail> {
  requirePermission(actor, 'organisation.update');
  const row = await store.getOrganisationRow(trx, id);
  if (!row) throw notFound('network.organisations.errors.not_found');
  if (!mayEdit(actor, id)) throw forbidden();
  const status = body.status ?? (row.status as 'active' | 'closed');
  const values = {
    kind: body.kind ?? row.kind,
    country: (body.country ?? row.country) as Country,
    region: (body.region ?? row.region) as Region,
    nameFr: (body.nameFr ?? row.name_fr).trim(),
    nameNl: (body.nameNl ?? row.name_nl).trim(),
    municipalityCode: text(pick(body.municipalityCode, row.municipality_code)),
    businessId: text(pick(body.businessId, row.business_id)),
    email: text(pick(body.email, row.email)),
    phone: text(pick(body.phone, row.phone)),
    website: text(pick(body.website, row.website)),
    status,
    closedOn: status === 'closed' ? pick(body.closedOn, row.closed_on) : null,
  };
  const n = await validateOrganisation(trx, values);
  const updated = await store.updateOrganisation(trx, id, {
    kind: values.kind,
    country: values.country,
    region: values.region,
    name_fr: values.nameFr,
    name_nl: values.nameNl,
    short_name: text(pick(body.shortName, row.short_name)),
    service_languages: body.serviceLanguages ?? row.service_languages,
    street: text(pick(body.street, row.street)),
    postal_code: text(pick(body.postalCode, row.postal_code)),
    municipality_code: values.municipalityCode,
    business_id_type: n.businessIdType,
    business_id: n.businessId,
    email: values.email,
    phone: n.phone,
    website: values.website,
    status,
    closed_on: n.closedOn,
  });
  if (!updated) throw forbidden();
  return getOrganisation(trx, actor, id);
}
