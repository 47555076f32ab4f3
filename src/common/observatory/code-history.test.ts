import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from './aggregation';
import {
  type CodeChange,
  merger,
  remapElement,
  remapIndicator,
  renumbering,
  resolveCode,
  split,
  validateCodeHistory,
} from './code-history';

// 2019: arrondissement 54000 (Mouscron) joined 57000 (Tournai-Mouscron), its municipalities were renumbered.
const mouscron2019 = [
  ...renumbering('BE-54007', 'BE-57096', '2019-01-01'), // Mouscron
  ...renumbering('BE-54010', 'BE-57097', '2019-01-01'), // Comines-Warneton
];
// 1 January 2025, Flemish mergers. Codes as found in third-party Statbel-based code, not checked against
// Statbel's REFNIS table: Beveren 46003 + Kruibeke 46013 + Zwijndrecht 11056 → Beveren-Kruibeke-Zwijndrecht
// 46030 (a new code, across two provinces); Borsbeek 11007 into Antwerpen, which keeps 11002.
const flanders2025 = [
  ...merger(['BE-46003', 'BE-46013', 'BE-11056'], 'BE-46030', '2025-01-01'),
  ...merger(['BE-11002', 'BE-11007'], 'BE-11002', '2025-01-01'),
];
// 1 January 2017, commune nouvelle d'Annecy (from memory, to check against INSEE's mouvements file): Annecy,
// Annecy-le-Vieux, Cran-Gevrier, Meythet, Pringy and Seynod; the new commune keeps Annecy's code 74010.
const annecy2017 = merger(
  ['FR-74010', 'FR-74011', 'FR-74093', 'FR-74182', 'FR-74217', 'FR-74268'],
  'FR-74010',
  '2017-01-01',
);
const history: CodeChange[] = [...mouscron2019, ...flanders2025, ...annecy2017];

const recipientsPer1000: IndicatorDefinition = {
  numerator: { element: 'RIS', aggregation: 'sum' },
  denominator: { element: 'POP_18_64', aggregation: 'sum' },
  factor: 1000,
};

describe('resolving a code', () => {
  it('follows a renumbering, and maps a retired code whatever the date', () => {
    expect(resolveCode('BE-54007', history, '2018-01-01')).toEqual([{ code: 'BE-57096', share: 1 }]);
    expect(resolveCode('BE-54007', history, '2021-01-01')).toEqual([{ code: 'BE-57096', share: 1 }]);
    expect(resolveCode('BE-57096', history, '2021-01-01')).toEqual([{ code: 'BE-57096', share: 1 }]);
    expect(resolveCode('FR-59350', history, '2018-01-01')).toEqual([{ code: 'FR-59350', share: 1 }]);
  });

  it('stops at the geography asked for', () => {
    expect(resolveCode('BE-54007', history, '2018-01-01', '2018-12-31')).toEqual([
      { code: 'BE-54007', share: 1 },
    ]);
    expect(resolveCode('BE-46003', history, '2024-01-01', '2024-12-31')).toEqual([
      { code: 'BE-46003', share: 1 },
    ]);
    expect(resolveCode('BE-46003', history, '2024-01-01', '2025-01-01')).toEqual([
      { code: 'BE-46030', share: 1 },
    ]);
  });

  it('follows chains through several changes (invented codes)', () => {
    const chain = [
      ...renumbering('X-1', 'X-2', '2019-01-01'),
      ...merger(['X-2', 'X-3'], 'X-4', '2025-01-01'),
    ];
    expect(resolveCode('X-1', chain, '2018-01-01')).toEqual([{ code: 'X-4', share: 1 }]);
    // A value of X-2 from 2020 is in the 2019 geography: only the 2025 merger applies.
    expect(resolveCode('X-2', chain, '2020-01-01')).toEqual([{ code: 'X-4', share: 1 }]);
    expect(
      remapElement(
        'sum',
        [
          { code: 'X-1', value: 10 },
          { code: 'X-3', value: 5 },
        ],
        chain,
        { asOf: '2018-01-01' },
      ),
    ).toEqual([{ code: 'X-4', ok: true, value: 15, sources: ['X-1', 'X-3'], missing: [], estimated: false }]);
  });
});

describe('Mouscron and Comines-Warneton, renumbered in 2019', () => {
  const asOf = '2018-01-01';

  it('moves counts to the new codes', () => {
    const values = [
      { code: 'BE-54007', value: 58_000 },
      { code: 'BE-54010', value: 18_000 },
    ];
    expect(remapElement('sum', values, history, { asOf })).toEqual([
      { code: 'BE-57096', ok: true, value: 58_000, sources: ['BE-54007'], missing: [], estimated: false },
      { code: 'BE-57097', ok: true, value: 18_000, sources: ['BE-54010'], missing: [], estimated: false },
    ]);
  });

  it('moves a median too: the territory is the same', () => {
    expect(remapElement('median', [{ code: 'BE-54007', value: 19_850 }], history, { asOf })).toEqual([
      { code: 'BE-57096', ok: true, value: 19_850, sources: ['BE-54007'], missing: [], estimated: false },
    ]);
  });

  it('keeps a value already under the new code as it is, even with a wrong vintage', () => {
    expect(remapElement('sum', [{ code: 'BE-57096', value: 58_500 }], history, { asOf })).toEqual([
      { code: 'BE-57096', ok: true, value: 58_500, sources: ['BE-57096'], missing: [], estimated: false },
    ]);
  });

  it('refuses to add a value under the old code to one under the new code', () => {
    const both = [
      { code: 'BE-54007', value: 58_000 },
      { code: 'BE-57096', value: 58_500 },
    ];
    expect(remapElement('sum', both, history, { asOf })).toMatchObject([
      { code: 'BE-57096', ok: false, reason: 'mixed_geography' },
    ]);
  });
});

describe('Beveren-Kruibeke-Zwijndrecht, merged on 1 January 2025', () => {
  const asOf = '2024-01-01';
  const parts = [
    { code: 'BE-46003', numerator: 900, denominator: 32_000 },
    { code: 'BE-46013', numerator: 100, denominator: 10_500 },
    { code: 'BE-11056', numerator: 300, denominator: 12_000 },
  ];

  it('adds the counts of the three municipalities', () => {
    const values = parts.map((p) => ({ code: p.code, value: p.denominator }));
    expect(remapElement('sum', values, history, { asOf })).toEqual([
      {
        code: 'BE-46030',
        ok: true,
        value: 54_500,
        sources: ['BE-11056', 'BE-46003', 'BE-46013'],
        missing: [],
        estimated: false,
      },
    ]);
  });

  it('recomputes the rate from the added parts, not from the three rates', () => {
    const [result] = remapIndicator(recipientsPer1000, parts, history, { asOf });
    expect(result).toMatchObject({ code: 'BE-46030', ok: true, numerator: 1_300, denominator: 54_500 });
    if (!result?.ok) throw new Error('expected a value');
    expect(result.value).toBeCloseTo(23.853, 3);
    // The average of the three rates (28.1, 9.5 and 25 ‰) would say 20.9 ‰.
    const averageOfRates = (900 / 32 + 100 / 10.5 + 300 / 12) / 3;
    expect(result.value - averageOfRates).toBeGreaterThan(2.9);
  });

  it('never merges medians, nor rates stored as such', () => {
    const medians = parts.map((p, i) => ({ code: p.code, value: 22_000 + i * 1_000 }));
    expect(remapElement('median', medians, history, { asOf })).toEqual([
      {
        code: 'BE-46030',
        ok: false,
        reason: 'not_additive',
        sources: ['BE-11056', 'BE-46003', 'BE-46013'],
        missing: [],
      },
    ]);
    const storedRate: IndicatorDefinition = {
      numerator: { element: 'RATE', aggregation: 'none' },
      denominator: null,
      factor: 1,
    };
    expect(
      remapIndicator(
        storedRate,
        parts.map((p) => ({ code: p.code, numerator: 3, denominator: null })),
        history,
        { asOf },
      ),
    ).toMatchObject([{ code: 'BE-46030', ok: false, reason: 'not_additive' }]);
  });

  it('names a missing municipality instead of giving a total too small', () => {
    const twoOfThree = [
      { code: 'BE-46003', value: 32_000 },
      { code: 'BE-46013', value: 10_500 },
    ];
    expect(remapElement('sum', twoOfThree, history, { asOf })).toEqual([
      {
        code: 'BE-46030',
        ok: false,
        reason: 'incomplete',
        sources: ['BE-11056', 'BE-46003', 'BE-46013'],
        missing: ['BE-11056'],
      },
    ]);
    expect(remapElement('sum', twoOfThree, history, { asOf, allowIncomplete: true })).toMatchObject([
      { code: 'BE-46030', ok: true, value: 42_500, missing: ['BE-11056'] },
    ]);
  });

  it('leaves the 2025 geography alone when asked for 2024', () => {
    const values = parts.map((p) => ({ code: p.code, value: p.denominator }));
    expect(remapElement('sum', values, history, { asOf, until: '2024-12-31' }).map((r) => r.code)).toEqual([
      'BE-11056',
      'BE-46003',
      'BE-46013',
    ]);
  });

  it('adds Borsbeek to Antwerpen, which keeps its code, and needs Antwerpen’s own value', () => {
    const values = [
      { code: 'BE-11002', value: 530_000 },
      { code: 'BE-11007', value: 11_000 },
    ];
    expect(remapElement('sum', values, history, { asOf })).toEqual([
      {
        code: 'BE-11002',
        ok: true,
        value: 541_000,
        sources: ['BE-11002', 'BE-11007'],
        missing: [],
        estimated: false,
      },
    ]);
    expect(remapElement('sum', [{ code: 'BE-11007', value: 11_000 }], history, { asOf })).toMatchObject([
      { code: 'BE-11002', ok: false, reason: 'incomplete', missing: ['BE-11002'] },
    ]);
    // In the 2025 geography Antwerpen already includes Borsbeek: nothing is added, nothing is missing.
    expect(
      remapElement('sum', [{ code: 'BE-11002', value: 541_500 }], history, { asOf: '2025-01-01' }),
    ).toEqual([
      { code: 'BE-11002', ok: true, value: 541_500, sources: ['BE-11002'], missing: [], estimated: false },
    ]);
  });
});

describe('a French commune nouvelle: Annecy, 2017', () => {
  const old = ['FR-74010', 'FR-74011', 'FR-74093', 'FR-74182', 'FR-74217', 'FR-74268'];

  it('re-aggregates the six communes’ counts onto the code kept', () => {
    const values = old.map((code, i) => ({ code, value: 1_000 * (i + 1) }));
    expect(remapElement('last', values, history, { asOf: '2016-01-01' })).toEqual([
      { code: 'FR-74010', ok: true, value: 21_000, sources: old, missing: [], estimated: false },
    ]);
  });

  it('refuses the median of the new commune, even though one old commune had the same code', () => {
    const medians = old.map((code) => ({ code, value: 23_000 }));
    expect(remapElement('median', medians, history, { asOf: '2016-01-01' })).toMatchObject([
      { code: 'FR-74010', ok: false, reason: 'not_additive' },
    ]);
    expect(
      remapElement('median', [{ code: 'FR-74010', value: 24_000 }], history, { asOf: '2018-01-01' }),
    ).toEqual([
      { code: 'FR-74010', ok: true, value: 24_000, sources: ['FR-74010'], missing: [], estimated: false },
    ]);
  });
});

describe('splits (invented codes)', () => {
  // FR-99001 is divided: 70 % becomes the new FR-99002, 30 % joins the existing FR-99003.
  const divided = [
    ...split(
      'FR-99001',
      [
        { code: 'FR-99002', share: 0.7 },
        { code: 'FR-99003', share: 0.3 },
      ],
      '2020-01-01',
    ),
    ...renumbering('FR-99003', 'FR-99003', '2020-01-01'),
  ];

  it('apportions counts by share, flagged as estimates', () => {
    const values = [
      { code: 'FR-99001', value: 1_000 },
      { code: 'FR-99003', value: 500 },
    ];
    expect(remapElement('sum', values, divided, { asOf: '2019-01-01' })).toEqual([
      { code: 'FR-99002', ok: true, value: 700, sources: ['FR-99001'], missing: [], estimated: true },
      {
        code: 'FR-99003',
        ok: true,
        value: 800,
        sources: ['FR-99001', 'FR-99003'],
        missing: [],
        estimated: true,
      },
    ]);
    expect(remapElement('median', values, divided, { asOf: '2019-01-01' })).toMatchObject([
      { code: 'FR-99002', ok: false, reason: 'not_additive' },
      { code: 'FR-99003', ok: false, reason: 'not_additive' },
    ]);
  });

  it('applies the same share to numerator and denominator', () => {
    const parts = [
      { code: 'FR-99001', numerator: 100, denominator: 1_000 },
      { code: 'FR-99003', numerator: 10, denominator: 500 },
    ];
    expect(remapIndicator(recipientsPer1000, parts, divided, { asOf: '2019-01-01' })).toMatchObject([
      { code: 'FR-99002', ok: true, numerator: 70, denominator: 700, value: 100, estimated: true },
      { code: 'FR-99003', ok: true, numerator: 40, denominator: 800, value: 50, estimated: true },
    ]);
  });

  it('needs an existing receiver listed as changing into itself, else its value looks newer than the split', () => {
    const receiverNotListed = divided.slice(0, 1);
    const values = [
      { code: 'FR-99001', value: 1_000 },
      { code: 'FR-99003', value: 500 },
    ];
    expect(remapElement('sum', values, receiverNotListed, { asOf: '2019-01-01' })).toMatchObject([
      { code: 'FR-99002', ok: true, value: 700 },
      { code: 'FR-99003', ok: false, reason: 'mixed_geography' },
    ]);
  });

  it('refuses to apportion a split without shares', () => {
    const unknownShares = split('FR-99001', [{ code: 'FR-99002' }, { code: 'FR-99003' }], '2020-01-01');
    expect(resolveCode('FR-99001', unknownShares, '2019-01-01')).toEqual([
      { code: 'FR-99002', share: null },
      { code: 'FR-99003', share: null },
    ]);
    expect(
      remapElement('sum', [{ code: 'FR-99001', value: 1_000 }], unknownShares, { asOf: '2019-01-01' }),
    ).toMatchObject([
      { code: 'FR-99002', ok: false, reason: 'split_without_share' },
      { code: 'FR-99003', ok: false, reason: 'split_without_share' },
    ]);
  });
});

describe('validating a code history', () => {
  it('accepts the real cases', () => {
    expect(validateCodeHistory(history)).toEqual([]);
  });

  it('names each faulty change', () => {
    const bad: CodeChange[] = [
      { from: 'a', to: [{ code: 'b' }], effective: '2025-02-30' },
      { from: 'c', to: [], effective: '2025-01-01' },
      { from: 'd', to: [{ code: 'e' }, { code: 'e' }], effective: '2025-01-01' },
      {
        from: 'f',
        to: [
          { code: 'g', share: 0 },
          { code: 'h', share: 1 },
        ],
        effective: '2025-01-01',
      },
      { from: 'i', to: [{ code: 'j', share: 0.5 }, { code: 'k' }], effective: '2025-01-01' },
      {
        from: 'l',
        to: [
          { code: 'm', share: 0.5 },
          { code: 'n', share: 0.4 },
        ],
        effective: '2025-01-01',
      },
      { from: 'l', to: [{ code: 'm' }], effective: '2025-01-01' },
    ];
    expect(validateCodeHistory(bad).map((i) => [i.index, i.problem])).toEqual([
      [0, 'bad_date'],
      [1, 'no_target'],
      [2, 'duplicate_target'],
      [3, 'bad_share'],
      [4, 'partial_shares'],
      [5, 'shares_not_one'],
      [6, 'duplicate_change'],
    ]);
  });

  it('finds a loop between retired codes instead of recursing for ever', () => {
    const loop = [...renumbering('p', 'q', '2019-01-01'), ...renumbering('q', 'p', '2018-01-01')];
    expect(() => resolveCode('p', loop, '2020-01-01')).toThrow(/loops/);
    expect(validateCodeHistory(loop).map((i) => i.problem)).toEqual(['loop', 'loop']);
  });
});
