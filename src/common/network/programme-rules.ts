import { can, type Role } from '../access/permissions';
import type { FieldError } from '../validation/errors';
import type { PartnerRole, ProgrammeStatus, ProgrammeTotalsView } from './programme-schemas';

/**
 * Pure rules of programmes, shared by the API (to refuse) and the web forms (to warn before sending).
 * Money is handled as integer cents in BigInt: sums of many 12-digit amounts stay exact.
 */

const AMOUNT = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;

export const isAmount = (s: string) => AMOUNT.test(s);

/** "1142943.65" → 114294365n. Throws on anything that is not a non-negative amount with ≤ 2 decimals. */
export function toCents(amount: string): bigint {
  if (!AMOUNT.test(amount)) throw new RangeError(`not an amount: ${amount}`);
  const [whole = '0', frac = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt(`${frac}00`.slice(0, 2));
}

/** 114294365n → "1142943.65"; negative differences keep their sign. */
export function fromCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** part / whole in basis points (5106 = 51.06 %), rounded half up; null when whole is zero. */
export function rateBp(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  return Number((part * 20000n + whole) / (2n * whole));
}

export interface BudgetFigures {
  budgetTotal: string | null;
  euAmount: string | null;
}

/** Sums the partners' budgets and EU amounts and compares them with the programme's declared totals. */
export function programmeTotals(
  declared: BudgetFigures,
  partners: readonly BudgetFigures[],
): ProgrammeTotalsView {
  let budget = 0n;
  let eu = 0n;
  let withBudget = 0;
  let withEu = 0;
  for (const p of partners) {
    if (p.budgetTotal !== null) {
      budget += toCents(p.budgetTotal);
      withBudget++;
    }
    if (p.euAmount !== null) {
      eu += toCents(p.euAmount);
      withEu++;
    }
  }
  const declaredBudget = declared.budgetTotal === null ? null : toCents(declared.budgetTotal);
  const declaredEu = declared.euAmount === null ? null : toCents(declared.euAmount);
  const budgetCompared = declaredBudget !== null && withBudget > 0;
  const euCompared = declaredEu !== null && withEu > 0;
  return {
    partnerBudgetTotal: fromCents(budget),
    partnerEuAmount: fromCents(eu),
    partnersWithBudget: withBudget,
    partnersWithoutBudget: partners.length - withBudget,
    euRateBp: rateBp(eu, budget),
    declaredEuRateBp:
      declaredBudget !== null && declaredEu !== null ? rateBp(declaredEu, declaredBudget) : null,
    budgetMatches: budgetCompared ? budget === declaredBudget : null,
    euMatches: euCompared ? eu === declaredEu : null,
    budgetDifference: budgetCompared ? fromCents((declaredBudget as bigint) - budget) : null,
    euDifference: euCompared ? fromCents((declaredEu as bigint) - eu) : null,
  };
}

/**
 * planned before the start, closed after the end, running in between (both days included); today is the
 * Brussels day of the request (the server's clock), the same the list's status filter uses in SQL.
 */
export function programmeStatus(startsOn: string, endsOn: string, today: string): ProgrammeStatus {
  if (today < startsOn) return 'planned';
  if (today > endsOn) return 'closed';
  return 'running';
}

export interface ProgrammeFigures {
  nameFr?: string | null;
  nameNl?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  budgetTotal?: string | null;
  euAmount?: string | null;
  placementMinMonths?: number | null;
  placementMaxMonths?: number | null;
}

const exceeds = (eu: string | null | undefined, total: string | null | undefined) =>
  !!eu && !!total && isAmount(eu) && isAmount(total) && toCents(eu) > toCents(total);

/**
 * Rules the schema cannot say: names not blank once trimmed, end on or after start, EU ≤ total, the
 * longest placement at least the shortest (the database checks the same).
 */
export function programmeRuleErrors(p: ProgrammeFigures): FieldError[] {
  const out: FieldError[] = [];
  for (const key of ['nameFr', 'nameNl'] as const) {
    const v = p[key];
    if (typeof v === 'string' && v.trim().length < 2)
      out.push({ path: key, code: 'validation.min_length', params: { limit: 2 } });
  }
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
    out.push({ path: 'endsOn', code: 'validation.date_order' });
  if (exceeds(p.euAmount, p.budgetTotal))
    out.push({ path: 'euAmount', code: 'network.programmes.errors.eu_exceeds_total' });
  const { placementMinMonths: min, placementMaxMonths: max } = p;
  if (typeof min === 'number' && typeof max === 'number' && max < min)
    out.push({
      path: 'placementMaxMonths',
      code: 'network.programmes.errors.placement_months_order',
      params: { min },
    });
  return out;
}

export interface PartnerFigures {
  orgId: string;
  role: PartnerRole;
  /** Roles held besides the main one (an associated partner that also co-finances). */
  extraRoles?: readonly PartnerRole[];
  budgetTotal?: string | null;
  euAmount?: string | null;
}

/**
 * The partner list: no organisation twice, exactly one lead and it is the programme's owner, EU ≤ budget;
 * extra roles neither repeat the main role nor make a second lead.
 */
export function partnerRuleErrors(partners: readonly PartnerFigures[], leadOrgId: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  let ownerIsLead = false;
  partners.forEach((p, i) => {
    if (seen.has(p.orgId))
      out.push({ path: `partners.${i}.orgId`, code: 'network.programmes.errors.duplicate_partner' });
    seen.add(p.orgId);
    if (p.role === 'lead' && p.orgId !== leadOrgId)
      out.push({ path: `partners.${i}.role`, code: 'network.programmes.errors.lead_not_owner' });
    if (p.role !== 'lead' && p.orgId === leadOrgId)
      out.push({ path: `partners.${i}.role`, code: 'network.programmes.errors.owner_not_lead' });
    if (p.role === 'lead' && p.orgId === leadOrgId) ownerIsLead = true;
    if (p.extraRoles?.includes('lead') || p.extraRoles?.includes(p.role))
      out.push({ path: `partners.${i}.extraRoles`, code: 'network.programmes.errors.extra_role_invalid' });
    if (exceeds(p.euAmount, p.budgetTotal))
      out.push({ path: `partners.${i}.euAmount`, code: 'network.programmes.errors.eu_exceeds_total' });
  });
  if (!ownerIsLead) out.push({ path: 'partners', code: 'network.programmes.errors.lead_missing' });
  return out;
}

export interface ProgrammeEditor {
  roles: readonly Role[];
  platformAdmin: boolean;
  orgId: string | null;
}

/** Who may change a programme: holders of programme.update acting for its lead organisation, or a platform admin. */
export function canEditProgramme(actor: ProgrammeEditor, leadOrgId: string): boolean {
  return can(actor.roles, 'programme.update') && (actor.platformAdmin || actor.orgId === leadOrgId);
}

/**
 * What a person types into an amount field ("1 142 943,65", "1.142.943,65") as the API's amount
 * ("1142943.65"); anything else is left for the schema to refuse.
 */
export function normaliseAmountInput(input: string): string {
  const compact = input.replace(/[\s\u00a0\u202f']/g, '');
  return compact.includes(',') ? compact.replaceAll('.', '').replace(',', '.') : compact;
}
