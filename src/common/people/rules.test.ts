import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { validateNir, validateNiss } from '../validation/identifiers';
import {
  checkNationalId,
  consentRuleErrors,
  maskNationalId,
  personRuleErrors,
  storedBirthDate,
  withdrawalRuleErrors,
} from './rules';
import { ConsentCreateBody, PersonCreateBody, PersonPatchBody, PersonQuery } from './schemas';

describe('national identifiers', () => {
  it('accepts a NISS with its check number, formatted or not', () => {
    expect(validateNiss('85.07.30-033.28')).toEqual({ ok: true, value: '85073003328' });
    expect(validateNiss('85073003328').ok).toBe(true);
    // born in 2001: the check number is computed with a leading 2
    expect(validateNiss('01020300467').ok).toBe(true);
  });

  it('refuses a NISS with a wrong check number or length', () => {
    expect(validateNiss('85073003329')).toEqual({ ok: false, code: 'checksum' });
    expect(validateNiss('8507300332')).toEqual({ ok: false, code: 'format' });
    expect(validateNiss('85O73003328')).toEqual({ ok: false, code: 'format' });
  });

  it('accepts a NIR with its key, including Corsican departments', () => {
    expect(validateNir('1 85 05 78 006 084 91')).toEqual({ ok: true, value: '185057800608491' });
    expect(validateNir('2690520123456 88').ok).toBe(false);
    expect(validateNir('2 69 05 2A 123 456 88')).toEqual({ ok: true, value: '269052A12345688' });
  });

  it('refuses a NIR with a wrong key or shape', () => {
    expect(validateNir('185057800608492')).toEqual({ ok: false, code: 'checksum' });
    expect(validateNir('585057800608491')).toEqual({ ok: false, code: 'format' });
    expect(validateNir('18505780060849')).toEqual({ ok: false, code: 'format' });
  });

  it('checks by the country of the organisation and names the field', () => {
    expect(checkNationalId('BE', '85.07.30-033.28')).toEqual({ ok: true, value: '85073003328' });
    expect(checkNationalId('FR', '85.07.30-033.28')).toMatchObject({
      ok: false,
      error: { path: 'nationalId', code: 'people.persons.errors.national_id_format' },
    });
    expect(checkNationalId('BE', '85073003329')).toMatchObject({
      error: { code: 'people.persons.errors.national_id_checksum' },
    });
  });

  it('masks all but the last three characters', () => {
    expect(maskNationalId('85073003328')).toBe('••••••••328');
    expect(maskNationalId('12')).toBe('12');
  });
});

describe('person rules', () => {
  const today = '2026-06-15';
  it('accepts consistent dates', () => {
    expect(
      personRuleErrors(
        {
          birthDate: '1980-01-01',
          benefitSince: '2025-01-01',
          benefitUntil: '2025-01-01',
          contractSignedOn: '2025-02-01',
          contractNextEvaluationOn: '2025-08-01',
        },
        today,
      ),
    ).toEqual([]);
  });

  it('refuses a birth date in the future or before 1900', () => {
    expect(personRuleErrors({ birthDate: '2026-06-16' }, today)).toEqual([
      { path: 'birthDate', code: 'people.persons.errors.birth_future' },
    ]);
    expect(personRuleErrors({ birthDate: '1899-12-31' }, today)[0]?.code).toBe(
      'people.persons.errors.birth_too_old',
    );
  });

  it('refuses a benefit ending before it starts and an evaluation before signature', () => {
    const errors = personRuleErrors(
      {
        benefitSince: '2025-02-01',
        benefitUntil: '2025-01-31',
        contractSignedOn: '2025-03-01',
        contractNextEvaluationOn: '2025-02-28',
      },
      today,
    );
    expect(errors.map((e) => e.path)).toEqual(['benefitUntil', 'contractNextEvaluationOn']);
  });
});

describe('consent rules', () => {
  it('requires the representative name exactly when a representative gives consent', () => {
    expect(consentRuleErrors({ givenBy: 'legal_representative', representativeName: ' ' })[0]?.code).toBe(
      'people.consents.errors.representative_required',
    );
    expect(consentRuleErrors({ givenBy: 'person', representativeName: 'Paul' })[0]?.code).toBe(
      'people.consents.errors.representative_only',
    );
    expect(consentRuleErrors({ givenBy: 'legal_representative', representativeName: 'Paul Martin' })).toEqual(
      [],
    );
  });

  it('refuses an expiry before the date given', () => {
    expect(consentRuleErrors({ givenBy: 'person', givenOn: '2026-02-01', expiresOn: '2026-01-31' })).toEqual([
      { path: 'expiresOn', code: 'people.consents.errors.expiry_before_given' },
    ]);
  });

  it('refuses a withdrawal in the future or before the consent was given', () => {
    expect(withdrawalRuleErrors('2026-06-16', '2026-01-01', '2026-06-15')[0]?.code).toBe(
      'people.consents.errors.withdrawal_future',
    );
    expect(withdrawalRuleErrors('2025-12-31', '2026-01-01', '2026-06-15')[0]?.code).toBe(
      'people.consents.errors.withdrawal_before_given',
    );
    expect(withdrawalRuleErrors('2026-06-15', '2026-01-01', '2026-06-15')).toEqual([]);
  });
});

describe('people schemas', () => {
  const valid = { firstName: 'Jean', lastName: 'Dupont', birthDate: '1985-07-30' };
  it('accepts a minimal person and refuses blanks, unknown fields and bad levels', () => {
    expect(Value.Check(PersonCreateBody, valid)).toBe(true);
    expect(Value.Check(PersonCreateBody, { ...valid, firstName: '   ' })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...valid, nickname: 'JD' })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...valid, languages: { fr: 'C2', nl: 'A2' } })).toBe(true);
    expect(Value.Check(PersonCreateBody, { ...valid, languages: { fr: 'native' } })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...valid, languages: { xx: 'A1' } })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...valid, benefit: 'ris', municipalityCode: 'BE-54007' })).toBe(
      true,
    );
    expect(Value.Check(PersonCreateBody, { ...valid, municipalityCode: '54007' })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...valid, birthDate: '30/07/1985' })).toBe(false);
  });

  it('lets a patch clear optional fields, and a name (the rules keep one, see below), never blank it', () => {
    expect(Value.Check(PersonPatchBody, { email: null, phone: null })).toBe(true);
    expect(Value.Check(PersonPatchBody, { lastName: null })).toBe(true);
    expect(Value.Check(PersonPatchBody, { firstName: '  ' })).toBe(false);
    expect(Value.Check(PersonPatchBody, { interpreterNeed: null, nationality: null })).toBe(true);
  });

  it('accepts a single name and the newcomer fields, and refuses unknown codes', () => {
    const single = { firstName: 'Awet', birthDate: '2004-01-01', birthDatePrecision: 'year' };
    expect(Value.Check(PersonCreateBody, single)).toBe(true);
    expect(Value.Check(PersonCreateBody, { lastName: 'Abdi', birthDate: '2004-01-01' })).toBe(true);
    expect(Value.Check(PersonCreateBody, { ...single, birthDatePrecision: 'about' })).toBe(false);
    for (const nationality of ['ER', 'BE', 'stateless', 'unknown'])
      expect(Value.Check(PersonCreateBody, { ...single, nationality })).toBe(true);
    for (const nationality of ['XX', 'er', 'ERI', 'UK', ''])
      expect(Value.Check(PersonCreateBody, { ...single, nationality })).toBe(false);
    const tir = { code: 'tir', literacy: 'reads_writes', main: true };
    expect(Value.Check(PersonCreateBody, { ...single, spokenLanguages: [tir] })).toBe(true);
    expect(
      Value.Check(PersonCreateBody, {
        ...single,
        spokenLanguages: [{ code: 'arb', dialect: 'Sudanese', literacy: 'reads' }],
      }),
    ).toBe(true);
    for (const bad of [
      { code: 'xyz', literacy: 'reads' },
      { code: 'ti', literacy: 'reads' },
      { code: 'tir', literacy: 'fluent' },
      { code: 'tir', literacy: 'reads', dialect: 'x'.repeat(61) },
      { code: 'tir', literacy: 'reads', script: 'Ethiopic' },
    ])
      expect(Value.Check(PersonCreateBody, { ...single, spokenLanguages: [bad] })).toBe(false);
    expect(Value.Check(PersonCreateBody, { ...single, spokenLanguages: Array(11).fill(tir) })).toBe(false);
    const need = { language: 'prs', modality: 'video', genderPreference: 'female' };
    expect(Value.Check(PersonCreateBody, { ...single, interpreterNeed: need })).toBe(true);
    expect(Value.Check(PersonCreateBody, { ...single, interpreterNeed: null })).toBe(true);
    expect(Value.Check(PersonCreateBody, { ...single, interpreterNeed: { ...need, modality: 'mail' } })).toBe(
      false,
    );
    expect(Value.Check(PersonCreateBody, { ...single, interpreterNeed: { language: 'prs' } })).toBe(false);
  });
  it('checks the list query', () => {
    expect(Value.Check(PersonQuery, { q: 'dupont', page: 2 })).toBe(true);
    expect(Value.Check(PersonQuery, { referent: 'none' })).toBe(true);
    expect(Value.Check(PersonQuery, { referent: 'me; drop' })).toBe(false);
    expect(Value.Check(PersonQuery, { pageSize: 1000 })).toBe(false);
  });

  it('requires at least one known data category on a consent', () => {
    const c = { purpose: 'placement', recipientOrgIds: [], givenBy: 'person', givenOn: '2026-01-01' };
    expect(Value.Check(ConsentCreateBody, { ...c, dataCategories: ['identity'] })).toBe(true);
    expect(Value.Check(ConsentCreateBody, { ...c, dataCategories: [] })).toBe(false);
    expect(Value.Check(ConsentCreateBody, { ...c, dataCategories: ['national_id'] })).toBe(false);
  });
});

describe('newcomer rules', () => {
  const today = '2026-06-15';
  it('needs one name at least, whichever', () => {
    expect(personRuleErrors({ firstName: 'Awet', lastName: '' }, today)).toEqual([]);
    expect(personRuleErrors({ firstName: '', lastName: 'Abdi' }, today)).toEqual([]);
    expect(personRuleErrors({ firstName: ' ', lastName: null }, today)).toEqual([
      { path: 'firstName', code: 'people.persons.errors.name_required' },
    ]);
    // Not checked when no name is in question (a patch of other fields).
    expect(personRuleErrors({ birthDate: '2000-01-01' }, today)).toEqual([]);
  });

  it('refuses a language listed twice (same dialect) and two main languages', () => {
    expect(
      personRuleErrors(
        {
          spokenLanguages: [
            { code: 'ara', dialect: 'Levantine', main: true },
            { code: 'ara', dialect: 'Maghrebi' },
            { code: 'tir', main: true },
            { code: 'ara', dialect: ' levantine ' },
          ],
        },
        today,
      ),
    ).toEqual([
      { path: 'spokenLanguages.2.main', code: 'people.persons.errors.spoken_language_main' },
      { path: 'spokenLanguages.3.code', code: 'people.persons.errors.spoken_language_twice' },
    ]);
  });

  it('stores a year-only birth date as the first of January', () => {
    expect(storedBirthDate('2004-06-15', 'year')).toBe('2004-01-01');
    expect(storedBirthDate('2004-06-15', 'estimated')).toBe('2004-06-15');
    expect(storedBirthDate('2004-06-15', 'exact')).toBe('2004-06-15');
    expect(storedBirthDate('2004-06-15', undefined)).toBe('2004-06-15');
  });
});
