import { describe, expect, it } from 'vitest';
import { compareDisaggregations, dimensionOf, readAge, readDisaggregation, readSex } from './disaggregation';

const of = (r: { ok: boolean; disaggregation?: string }) => (r.ok ? r.disaggregation : null);

describe('disaggregations', () => {
  it('reads a sex in French, Dutch, English and as the statistical codes', () => {
    expect(['F', 'femmes', 'Vrouwen', 'women', '2', 'V'].map((s) => of(readSex(s)))).toEqual(
      Array(6).fill('sex:F'),
    );
    expect(['M', 'H', 'Hommes', 'mannen', 'men', '1'].map((s) => of(readSex(s)))).toEqual(
      Array(6).fill('sex:M'),
    );
    expect(['', 'T', 'Total', 'totaal', 'Ensemble'].map((s) => of(readSex(s)))).toEqual(
      Array(5).fill('total'),
    );
    expect(of(readSex('X'))).toBeNull();
  });

  it('reads age bands as written, open bands and one age', () => {
    expect(of(readAge('15-24'))).toBe('age:15-24');
    expect(of(readAge('15 à 24 ans'))).toBe('age:15-24');
    expect(of(readAge('15 tot 24 jaar'))).toBe('age:15-24');
    expect(of(readAge('Y15-24'))).toBe('age:15-24');
    expect(of(readAge('65+'))).toBe('age:65+');
    expect(of(readAge('65 et plus'))).toBe('age:65+');
    expect(of(readAge('65 en meer'))).toBe('age:65+');
    expect(of(readAge('Y_GE65'))).toBe('age:65+');
    expect(of(readAge('37'))).toBe('age:37');
    expect(of(readAge('24-15'))).toBeNull();
    expect(of(readAge('jeunes'))).toBeNull();
  });

  it('reads a category as stored, and refuses bare digits whose dimension is unknown', () => {
    expect(of(readDisaggregation('sex:F'))).toBe('sex:F');
    expect(of(readDisaggregation('age:15-24'))).toBe('age:15-24');
    expect(of(readDisaggregation('total'))).toBe('total');
    expect(of(readDisaggregation('Femmes'))).toBe('sex:F');
    expect(of(readDisaggregation('65+'))).toBe('age:65+');
    expect(of(readDisaggregation('2'))).toBeNull();
    expect(of(readDisaggregation('sex:Q'))).toBeNull();
    expect(of(readDisaggregation('age:total'))).toBeNull();
  });

  it('orders total, sexes, then age bands by their lower bound', () => {
    expect(
      ['age:65+', 'sex:M', 'age:5-14', 'total', 'sex:F', 'age:15-24'].sort(compareDisaggregations),
    ).toEqual(['total', 'sex:F', 'sex:M', 'age:5-14', 'age:15-24', 'age:65+']);
    expect(dimensionOf('sex:F')).toBe('sex');
    expect(dimensionOf('total')).toBeNull();
  });
});
