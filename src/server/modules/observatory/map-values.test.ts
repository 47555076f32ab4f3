import { describe, expect, it } from 'vitest';
import { geographyDate, historyOf, type Published, remapGroup } from './map-values';

const row = (
  old_code: string,
  new_code: string,
  effective_on: string,
  kind: string,
  share: string | null = null,
) => ({
  old_code,
  new_code,
  effective_on,
  kind,
  share,
});
const group = (entries: Array<[string, number | null, boolean?]>) =>
  new Map<string, Published>(
    entries.map(([code, value, secret]) => [code, { value, secret: !!secret, vintage: 'V' }]),
  );

/** Carrying one publication's values onto today's codes (the pure part of map-values.ts). */
describe('values on today’s codes', () => {
  const { history, mergeTargets } = historyOf([
    row('BE-54007', 'BE-57096', '2019-01-01', 'renumber'),
    row('BE-37007', 'BE-37022', '2025-01-01', 'merge'),
    row('BE-37015', 'BE-37022', '2025-01-01', 'merge'),
    // A commune nouvelle keeping its chef-lieu's code: only the absorbed commune is a row.
    row('FR-59999', 'FR-59350', '2024-01-01', 'merge'),
    row('FR-62001', 'FR-62002', '2023-01-01', 'split', '0.25'),
    row('FR-62001', 'FR-62003', '2023-01-01', 'split', '0.75'),
  ]);

  it('reads the database’s rows as changes, a split keeping its shares', () => {
    expect(history.find((c) => c.from === 'FR-62001')?.to).toEqual([
      { code: 'FR-62002', share: 0.25 },
      { code: 'FR-62003', share: 0.75 },
    ]);
    expect(mergeTargets.get('BE-37022')).toEqual(['2025-01-01']);
  });

  it('dates a value by its import’s geography, else by its period', () => {
    expect(geographyDate('2018', 'REFNIS 2025')).toBe('2025-01-01');
    expect(geographyDate('2018', null)).toBe('2018-01-01');
    expect(geographyDate('2019-2023', 'sans année')).toBe('2023-01-01');
  });

  it('adds a commune nouvelle’s own value to those of the communes it absorbed', () => {
    const out = remapGroup(
      'sum',
      group([
        ['FR-59350', 200],
        ['FR-59999', 100],
      ]),
      history,
      mergeTargets,
      '2022-01-01',
    );
    expect(out.get('FR-59350')).toMatchObject({ value: 300, from: ['FR-59999'], secret: false });
    expect(out.has('FR-59999')).toBe(false);
    // After the merger its value is the new commune's already.
    expect(
      remapGroup('sum', group([['FR-59350', 310]]), history, mergeTargets, '2024-01-01').get('FR-59350'),
    ).toMatchObject({ value: 310, from: [] });
  });

  it('keeps a source’s secret through a merger, and refuses an incomplete one or mixed geographies', () => {
    const secret = remapGroup(
      'sum',
      group([
        ['BE-37007', null, true],
        ['BE-37015', 20],
      ]),
      history,
      mergeTargets,
      '2022-01-01',
    );
    expect(secret.get('BE-37022')).toMatchObject({
      value: null,
      secret: true,
      from: ['BE-37007', 'BE-37015'],
    });
    const incomplete = remapGroup('sum', group([['BE-37015', 20]]), history, mergeTargets, '2022-01-01');
    expect(incomplete.get('BE-37022')).toMatchObject({ value: null, refused: 'incomplete' });
    const mixed = remapGroup(
      'sum',
      group([
        ['BE-37022', 50],
        ['BE-37007', 20],
      ]),
      history,
      mergeTargets,
      '2022-01-01',
    );
    // 37022 is then read as a surviving code whose partner 37015 is missing: refused either way.
    expect(mixed.get('BE-37022')).toMatchObject({ value: null, refused: 'incomplete' });
    // Alone, a value of the new code is already in the new geography (a series recoded on today's codes).
    const recoded = remapGroup('sum', group([['BE-37022', 50]]), history, mergeTargets, '2022-01-01');
    expect(recoded.get('BE-37022')).toMatchObject({ value: 50, from: [] });
  });

  it('moves a median with a renumbering only, and splits counts by their shares', () => {
    const medians = remapGroup(
      'none',
      group([
        ['BE-54007', 19000],
        ['BE-37007', 1],
        ['BE-37015', 2],
      ]),
      history,
      mergeTargets,
      '2018-01-01',
    );
    expect(medians.get('BE-57096')).toMatchObject({ value: 19000, from: ['BE-54007'] });
    expect(medians.get('BE-37022')).toMatchObject({ value: null, refused: 'not_additive' });
    const split = remapGroup('sum', group([['FR-62001', 1000]]), history, mergeTargets, '2022-01-01');
    expect(split.get('FR-62002')?.value).toBe(250);
    expect(split.get('FR-62003')?.value).toBe(750);
  });
});
