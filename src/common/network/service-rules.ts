/**
 * Rules on a directory service that its schema cannot express. Checked on the whole service as it will
 * be saved (for a change: the stored service with the change applied), by the API and by the form.
 */
import type { FieldError } from '../validation/errors';
import { isEmail, normalisePhone } from '../validation/identifiers';
import { type OpeningRange, openingHoursProblems } from './opening-hours';

export interface ServiceRuleInput {
  titleFr?: string | null;
  titleNl?: string | null;
  municipalityCode?: string | null;
  openingHours?: readonly OpeningRange[] | null;
  email?: string | null;
  phone?: string | null;
}

const given = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

export function serviceProblems(s: ServiceRuleInput, orgCountry: 'FR' | 'BE' | null = null): FieldError[] {
  const problems: FieldError[] = [];
  if (!given(s.titleFr) && !given(s.titleNl))
    problems.push({ path: 'titleFr', code: 'network.services.errors.title_required' });
  problems.push(...openingHoursProblems(s.openingHours ?? []));
  if (given(s.email) && !isEmail(s.email!.trim()))
    problems.push({ path: 'email', code: 'validation.format', params: { format: 'email' } });
  if (given(s.phone)) {
    // A national number is read in the country of the service's municipality (else its organisation's).
    const country = s.municipalityCode?.startsWith('FR-') ? 'FR' : s.municipalityCode ? 'BE' : orgCountry;
    if (!normalisePhone(s.phone!, country ?? 'BE'))
      problems.push({ path: 'phone', code: 'validation.phone' });
  }
  return problems;
}

/** A phone number as a tel: link target (E.164), or null when it cannot be dialled as written. */
export function phoneHref(phone: string, municipalityCode: string | null): string | null {
  const n = normalisePhone(phone, municipalityCode?.startsWith('FR-') ? 'FR' : 'BE');
  return n ? `tel:${n}` : null;
}
