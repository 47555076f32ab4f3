import type { FieldError } from '../validation/errors';
import { type BusinessIdType, isEmail, normalisePhone, validateBusinessId } from '../validation/identifiers';
import { type Country, REGIONS_BY_COUNTRY, type Region } from './organisation-schemas';

/** An organisation's editable values, after a change is merged onto the stored record. */
export interface OrganisationValues {
  kind: string;
  country: Country;
  region: Region;
  nameFr: string;
  nameNl: string;
  municipalityCode: string | null;
  businessId: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  status: 'active' | 'closed';
  closedOn: string | null;
}

/** Normalised forms of identifiers to store, valid only when no error was found. */
export interface OrganisationNormalised {
  businessIdType: BusinessIdType | null;
  businessId: string | null;
  phone: string | null;
  closedOn: string | null;
}

/** The business identifier a country uses: SIRET in France, the enterprise number (KBO/BCE) in Belgium. */
export const businessIdTypeFor = (country: Country): BusinessIdType => (country === 'FR' ? 'siret' : 'kbo');

/** Kinds that only exist in one country: French CCAS, Belgian CPAS (French-speaking) and OCMW (Flemish). */
const KIND_COUNTRY: Record<string, Country> = { ccas: 'FR', cpas: 'BE', ocmw: 'BE' };

function isWebsite(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * The rules that span fields (the schema checks each field alone): region and kind consistent with the
 * country, municipality in that country, business identifier checksum, phone and e-mail plausible, a
 * closing date on closed organisations. Returns translated-ready field errors and the normalised values.
 */
export function checkOrganisation(v: OrganisationValues): {
  errors: FieldError[];
  normalised: OrganisationNormalised;
} {
  const errors: FieldError[] = [];
  const normalised: OrganisationNormalised = {
    businessIdType: null,
    businessId: null,
    phone: null,
    closedOn: null,
  };
  if (!REGIONS_BY_COUNTRY[v.country].includes(v.region))
    errors.push({ path: 'region', code: 'network.organisations.errors.region_country' });
  const kindCountry = KIND_COUNTRY[v.kind];
  if (kindCountry && kindCountry !== v.country)
    errors.push({ path: 'kind', code: 'network.organisations.errors.kind_country' });
  for (const path of ['nameFr', 'nameNl'] as const)
    if (v[path].trim().length < 2) errors.push({ path, code: 'validation.min_length', params: { limit: 2 } });
  if (v.municipalityCode && !v.municipalityCode.startsWith(`${v.country}-`))
    errors.push({ path: 'municipalityCode', code: 'network.organisations.errors.municipality_country' });
  if (v.businessId?.trim()) {
    const type = businessIdTypeFor(v.country);
    const r = validateBusinessId(type, v.businessId);
    if (r.ok) {
      normalised.businessIdType = type;
      normalised.businessId = r.value;
    } else
      errors.push({ path: 'businessId', code: type === 'siret' ? 'validation.siret' : 'validation.kbo' });
  }
  if (v.email?.trim() && !isEmail(v.email.trim()))
    errors.push({ path: 'email', code: 'validation.format', params: { format: 'email' } });
  if (v.phone?.trim()) {
    const phone = normalisePhone(v.phone, v.country);
    if (phone) normalised.phone = phone;
    else errors.push({ path: 'phone', code: 'validation.phone' });
  }
  if (v.website?.trim() && !isWebsite(v.website.trim()))
    errors.push({ path: 'website', code: 'validation.format', params: { format: 'uri' } });
  if (v.status === 'closed') {
    if (!v.closedOn)
      errors.push({ path: 'closedOn', code: 'network.organisations.errors.closed_on_required' });
    else normalised.closedOn = v.closedOn;
  }
  return { errors, normalised };
}
