import { describe, expect, it } from 'vitest';
import { CASE_SESSIONS, caseAttendances, EXPECTED_AWARE } from './attendance-cases.testing';
import {
  checkInCodeFrom,
  checkInOpen,
  countProblems,
  matchesSearch,
  normaliseCheckInCode,
  normaliseParticipantCode,
  splitCodes,
  uniquePersonsAware,
} from './attendance-rules';

describe('unique persons made aware (SAM indicator 5)', () => {
  it('counts a person at three sessions once, codes per organiser, and the first-timers of counts', () => {
    expect(uniquePersonsAware(caseAttendances({ A: 'a', B: 'b' }))).toEqual({
      total: EXPECTED_AWARE.total,
      byOrg: { a: EXPECTED_AWARE.byOrg.A, b: EXPECTED_AWARE.byOrg.B },
    });
    expect(CASE_SESSIONS.filter((s) => s.present.includes('x@mail.example'))).toHaveLength(3);
  });

  it('matches e-mails whatever their case and spaces, never an e-mail with a code', () => {
    const r = uniquePersonsAware([
      { kind: 'registration', orgId: 'a', email: 'Jan@Mail.example ' },
      { kind: 'registration', orgId: 'a', email: 'jan@mail.example' },
      { kind: 'code', orgId: 'a', code: 'JAN-1' },
      { kind: 'count', orgId: 'a', firstTime: 0 },
    ]);
    expect(r).toEqual({ total: 2, byOrg: { a: 2 } });
    expect(uniquePersonsAware([])).toEqual({ total: 0, byOrg: {} });
  });
});

describe('participant codes', () => {
  it('normalises codes and refuses e-mails, national numbers, names and odd characters', () => {
    expect(normaliseParticipantCode(' mou 0412 ')).toEqual({ code: 'MOU-0412' });
    expect(normaliseParticipantCode('mou.0412/b')).toEqual({ code: 'MOU-0412-B' });
    expect(normaliseParticipantCode('a@b.example')).toEqual({ problem: 'code_email' });
    expect(normaliseParticipantCode('85.01.01-123.45')).toEqual({ problem: 'code_national_number' });
    expect(normaliseParticipantCode('1 85 01 59 350 123')).toEqual({ problem: 'code_national_number' });
    expect(normaliseParticipantCode('Dupont')).toEqual({ problem: 'code_no_digit' });
    expect(normaliseParticipantCode('A1')).toEqual({ problem: 'code_format' });
    expect(normaliseParticipantCode('K-1é')).toEqual({ problem: 'code_format' });
    expect(normaliseParticipantCode('X'.repeat(30) + '1')).toEqual({ problem: 'code_format' });
    expect(splitCodes('A-1\nB-2, C-3;;\n  \n')).toEqual(['A-1', 'B-2', 'C-3']);
  });

  it('checks counts: first-timers within participants, unsplit or by country, each once', () => {
    expect(countProblems([{ homeCountry: null, participants: 5, firstTime: 5 }])).toEqual([]);
    expect(
      countProblems([
        { homeCountry: 'FR', participants: 5, firstTime: 6 },
        { homeCountry: 'FR', participants: 2, firstTime: 1 },
        { homeCountry: null, participants: 2, firstTime: 1 },
      ]),
    ).toEqual([
      { index: 0, problem: 'count_first_time' },
      { index: 1, problem: 'count_country_twice' },
      { index: 2, problem: 'count_mixed' },
    ]);
  });
});

describe('check-in', () => {
  it('opens 12 hours before a published event and stays open afterwards', () => {
    const startsAt = '2027-03-02T08:00:00.000Z';
    const at = (iso: string) => new Date(iso);
    expect(checkInOpen({ status: 'published', startsAt }, at('2027-03-01T19:59:00Z'))).toBe(false);
    expect(checkInOpen({ status: 'published', startsAt }, at('2027-03-01T20:00:00Z'))).toBe(true);
    expect(checkInOpen({ status: 'published', startsAt }, at('2027-04-01T20:00:00Z'))).toBe(true);
    expect(checkInOpen({ status: 'cancelled', startsAt }, at('2027-03-02T09:00:00Z'))).toBe(false);
    expect(checkInOpen({ status: 'draft', startsAt }, at('2027-03-02T09:00:00Z'))).toBe(false);
  });

  it('makes 10-character codes without look-alikes and reads them back as typed', () => {
    const code = checkInCodeFrom(new Uint8Array([0, 1, 2, 30, 31, 62, 100, 200, 254, 255]));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(normaliseCheckInCode(`${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`)).toBe(code);
  });

  it('finds registrations by name, e-mail or organisation, accents and case ignored', () => {
    const r = { name: 'Chloé Imaginaire', email: 'c.v@asso.example', organisation: 'Main Tendue' };
    expect(matchesSearch(r, 'chloe')).toBe(true);
    expect(matchesSearch(r, 'IMAG tendue')).toBe(true);
    expect(matchesSearch(r, 'asso.example')).toBe(true);
    expect(matchesSearch(r, 'dupont')).toBe(false);
    expect(matchesSearch(r, '  ')).toBe(true);
  });
});
