import { describe, expect, it } from 'vitest';
import {
  type AgreementFacts,
  changedSubstance,
  guardFacts,
  missingTerms,
  periodProblems,
  programmeOpenFor,
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
  terms: { tasks: 'Entretien', schedule: 'lun-ven', hoursPerWeek: 30, tutorUserId: 'u' },
  signatures: [],
  otherCommitted: [],
  hostInProgramme: true,
  programmePeriod: { start: '2026-01-01', end: '2028-12-31' },
  insurance: { accident: 'AXA-AT-1', liability: 'AXA-RC-2' },
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
    const early = guardFacts({ ...base(), insurance: { accident: null, liability: ' ' } });
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

  it('holds an agreement to its programme’s period, and an agreement without programme to none', () => {
    // SAM-E ran from 1 July 2010 to 31 December 2014: it cannot govern a placement in 2027.
    const ended = guardFacts({ ...base(), programmePeriod: { start: '2010-07-01', end: '2014-12-31' } });
    expect(ended.within_programme).toBe(false);
    const overrun = guardFacts({ ...base(), programmePeriod: { start: '2026-01-01', end: '2027-03-31' } });
    expect(overrun.within_programme).toBe(false);
    const none = guardFacts({ ...base(), programmePeriod: null });
    expect(none.within_programme).toBe(true);
    // The programme is not a term a draft must name: with none open, it has none.
    expect(missingTerms(base().terms)).toEqual([]);
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

describe('date problems of a draft', () => {
  const ctx = { today: '2026-12-05', rule: DEFAULT_DURATION, programme: null };
  const codes = (start: string, end: string, extra = {}) =>
    periodProblems({ start, end }, { ...ctx, ...extra }).map((p) => [p.path, p.code.split('.').pop()]);

  it('accepts a start from today and a duration within the rule', () => {
    expect(codes('2026-12-05', '2027-03-04')).toEqual([]);
  });

  it('refuses a past start, an impossible date and an end before the start, each on its field', () => {
    expect(codes('2026-12-04', '2027-03-03')).toEqual([['startsOn', 'start_past']]);
    expect(codes('2026-02-30', '2027-03-03')).toEqual([['startsOn', 'invalid_date']]);
    expect(codes('2027-01-10', '2027-01-01')).toEqual([['endsOn', 'end_before_start']]);
  });

  it('names the rule of a duration outside it', () => {
    const short = periodProblems({ start: '2027-01-04', end: '2027-02-10' }, ctx);
    expect(short).toEqual([
      {
        path: 'endsOn',
        code: 'placements.agreements.errors.too_short',
        params: { minMonths: 2, maxMonths: 6 },
      },
    ]);
    expect(codes('2027-01-04', '2027-12-31')).toEqual([['endsOn', 'too_long']]);
    expect(codes('2027-01-04', '2027-02-10', { rule: { minMonths: 1, maxMonths: 3 } })).toEqual([]);
  });

  it('refuses an overlap with a committed agreement and a programme closed on the dates', () => {
    expect(
      codes('2027-01-04', '2027-03-31', { otherCommitted: [{ start: '2027-03-31', end: '2027-05-31' }] }),
    ).toEqual([['startsOn', 'overlap']]);
    expect(
      codes('2027-01-04', '2027-03-31', { programme: { start: '2010-07-01', end: '2014-12-31' } }),
    ).toEqual([['programmeId', 'programme_period']]);
  });
});

describe('programmes offered for a placement', () => {
  const sam = { start: '2010-07-01', end: '2014-12-31' };
  const current = { start: '2025-01-01', end: '2027-06-30' };
  it('offers only a programme open on all the dates; before the dates, one not yet ended', () => {
    expect(programmeOpenFor(sam, { start: '2026-12-07', end: '2027-03-06' }, '2026-12-05')).toBe(false);
    expect(programmeOpenFor(current, { start: '2026-12-07', end: '2027-03-06' }, '2026-12-05')).toBe(true);
    expect(programmeOpenFor(current, { start: '2027-05-01', end: '2027-08-31' }, '2026-12-05')).toBe(false);
    expect(programmeOpenFor(sam, {}, '2026-12-05')).toBe(false);
    expect(programmeOpenFor(current, { start: '2027-05-01' }, '2026-12-05')).toBe(true);
  });
});
