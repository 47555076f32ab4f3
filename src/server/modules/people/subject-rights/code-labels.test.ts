import { describe, expect, it } from 'vitest';
import { readableCode } from './code-labels';

describe("codes in the readable copy of a person's data", () => {
  it("names a code as the screens do, in the copy's language", () => {
    expect(readableCode('people.person', 'sex', 'male', 'fr')).toBe('Homme');
    expect(readableCode('people.person', 'benefit', 'ris', 'fr')).toBe("Revenu d'intégration (RIS)");
    expect(readableCode('people.objectives', 'status', 'achieved', 'fr')).toBe('Atteint');
    expect(readableCode('people.person', 'sex', 'male', 'nl')).not.toBe('male');
  });

  it('names each code of a list and each language of a level map', () => {
    expect(
      readableCode('people.pathways', 'modules', 'placement, socio_professional_insertion', 'fr'),
    ).not.toMatch(/placement|socio_professional/);
    expect(readableCode('people.person', 'languages', '{"fr":"C1","nl":"A2"}', 'fr')).toMatch(
      /: C1, .+: A2$/,
    );
  });

  it('leaves free text and unknown codes as recorded', () => {
    expect(readableCode('people.person', 'firstName', 'male', 'fr')).toBe('male');
    expect(readableCode('people.person', 'sex', 'not-a-code', 'fr')).toBe('not-a-code');
    expect(readableCode('people.person', 'languages', '{not json}', 'fr')).toBe('{not json}');
  });
});
