import {
  checkOrganisation,
  type OrganisationNormalised,
  type OrganisationValues,
} from '../../../../common/network/organisation-rules';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * Checks a complete organisation record (the cross-field rules, then that its municipality is a known
 * territory of its country); throws one validation error listing every problem, or returns what to store.
 */
export async function validateOrganisation(
  trx: Tx,
  values: OrganisationValues,
): Promise<OrganisationNormalised> {
  const { errors, normalised } = checkOrganisation(values);
  if (values.municipalityCode && !errors.some((e) => e.path === 'municipalityCode')) {
    const country = await store.municipalityCountry(trx, values.municipalityCode);
    if (!country) errors.push({ path: 'municipalityCode', code: 'validation.municipality' });
  }
  if (errors.length) throw validationFailed(errors);
  return normalised;
}

/** Trims text; blank text is "not given". */
export const text = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};
