import { describe, expect, it } from 'vitest';
import {
  type AgreementFacts,
  changedSubstance,
  guardFacts,
  missingTerms,
  SIGNATURE_ROLES,
  signedRoles,
} from './agreement-rules';
import { agreementWorkflow } from './agreement-workflow';
import { DEFAULT_DURATION } from './dates';

const base = (): AgreementFacts => ({
  status: 'draft',
  version: 1,
  period: { start: '2027-01-04', end: '2027-04-03' },
  today: '2026-12-01',
  rule: DEFAULT_DURATION,
  terms: { tasks: 'Entretien', schedule: 'lun-ven', hoursPerWeek: 30, tutorUserId: 'u', programmeId: 'p' },
  signatures: [],
  otherCommitted: [],
  hostInProgramme: true,
  insurance: { accident: null, liability: null },
  activated: false,
});
const allSigned = (version: number) =>
  SIGNATURE_ROLES.map((role) => ({ role, version, signedAt: '2026-12-02T10:00:00Z' }));

describe('guard facts of an agreement', () => {
  it('a complete draft may be sent for signature', () => {
    const f = guardFacts(base());
    expect(agreementWorkflow.check('draft', 'send_for_signature', 'home', ['referent'], f)).toMatchObject({
      ok: true,
    });
  });

  it('names each missing term', () => {
    const facts = base();
    facts.terms = { ...facts.terms, tasks: '  ', tutorUserId: null };
    expect(missingTerms(facts.terms)).toEqual(['tasks', 'tutorUserId']);
    expect(guardFacts(facts).agreement_complete).toBe(false);
  });

  it('counts only the signatures of the current version', () => {
    const facts = { ...base(), version: 2, signatures: allSigned(1) };
    expect(guardFacts(facts).all_signed).toBe(false);
    expect(signedRoles(facts.signatures, 2)).toEqual([]);
    expect(guardFacts({ ...facts, signatures: allSigned(2) }).all_signed).toBe(true);
    const partial = allSigned(2).map((s) => (s.role === 'person' ? { ...s, signedAt: null } : s));
    expect(signedRoles(partial, 2)).toEqual(['home_referent', 'host_representative']);
  });

  it('refuses validation when the start is past, and activation before the start or without insurance', () => {
    const late = { ...base(), today: '2027-01-05', signatures: allSigned(1) };
    const check = agreementWorkflow.check(
      'host_validation',
      'validate_host',
      'host',
      ['coordinator'],
      guardFacts(late),
    );
    expect(check).toEqual({ ok: false, code: 'guards_failed', failed: ['start_not_past'] });
    const early = guardFacts(base());
    expect(agreementWorkflow.check('validated', 'activate', 'home', ['referent'], early)).toEqual({
      ok: false,
      code: 'guards_failed',
      failed: ['insurance_recorded', 'start_reached'],
    });
  });

  it('refuses an overlap with another committed agreement, and a host outside the programme', () => {
    const f = guardFacts({
      ...base(),
      otherCommitted: [{ start: '2027-04-03', end: '2027-06-30' }],
      hostInProgramme: false,
    });
    expect(f.no_overlap).toBe(false);
    expect(f.host_in_programme).toBe(false);
    const apart = guardFacts({ ...base(), otherCommitted: [{ start: '2027-04-04', end: '2027-06-30' }] });
    expect(apart.no_overlap).toBe(true);
  });

  it('applies the programme duration rule', () => {
    const short = { ...base(), period: { start: '2027-01-04', end: '2027-02-10' } };
    expect(guardFacts(short).duration_allowed).toBe(false);
    expect(guardFacts({ ...short, rule: { minMonths: 1, maxMonths: 3 } }).duration_allowed).toBe(true);
  });
});

describe('changes of substance', () => {
  const before = { siteName: 'Atelier', startsOn: '2027-01-04', hoursPerWeek: '30.0', tasks: 'A' };
  it('sees a changed date, tasks or hours, and ignores the same value written again', () => {
    expect(changedSubstance(before, { startsOn: '2027-01-11', tasks: 'A' })).toEqual(['startsOn']);
    expect(changedSubstance(before, { hoursPerWeek: 32 })).toEqual(['hoursPerWeek']);
    expect(changedSubstance(before, { siteName: 'Atelier' })).toEqual([]);
  });
  it('treats an emptied field as a change, and omitted fields as none', () => {
    expect(changedSubstance(before, { tasks: null })).toEqual(['tasks']);
    expect(changedSubstance(before, {})).toEqual([]);
  });
});
