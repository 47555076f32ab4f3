import { describe, expect, it } from 'vitest';
import { readGeoCode } from './codes';
import { censusWindow, normalisePeriod } from './period';
import { parseNumber, readValue, secretMarkerSet } from './values';

describe('parseNumber', () => {
  it.each([
    ['20150', 20150],
    ['26,1', 26.1],
    ['26.1', 26.1],
    ['-3,5', -3.5],
    ['\u22123,5', -3.5],
    ['+4', 4],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567', 1234567],
    ["1'234.5", 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1,234', 1.234], // a lone comma is a decimal comma, as INSEE and CAF write
    ['1.5E+05', 150000],
    ['12,5 %', 12.5],
    ['.5', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['dix-huit mille', '12 34', '1,2,3', '1.23.4', '1,234.5.6', '--3', '', '%', '1e', '0x10', '12abc'])(
    'refuses %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});

describe('readValue', () => {
  it('tells figures, blanks and secrets apart', () => {
    expect(readValue(' 26,1 ')).toEqual({ kind: 'number', value: 26.1 });
    expect(readValue(42)).toEqual({ kind: 'number', value: 42 });
    for (const blank of [null, undefined, '', '  ', 'nd', 'ND', 'n/a', '#N/A', '-', '///', '…']) {
      expect(readValue(blank), String(blank)).toEqual({ kind: 'blank' });
    }
    for (const secret of ['s', 'S', 'secret', 'C', 'c', '*', '<5', '< 5', '1 à 4']) {
      expect(readValue(secret), secret).toEqual({ kind: 'secret' });
    }
    expect(readValue('beaucoup')).toEqual({ kind: 'invalid' });
    expect(readValue('#DIV/0!')).toEqual({ kind: 'invalid' });
    expect(readValue(true)).toEqual({ kind: 'invalid' });
    expect(readValue(Number.NaN)).toEqual({ kind: 'invalid' });
  });

  it('adds a mapping’s own secret markers', () => {
    expect(readValue('conf.')).toEqual({ kind: 'invalid' });
    expect(readValue('conf.', secretMarkerSet(['Conf.']))).toEqual({ kind: 'secret' });
  });
});

describe('normalisePeriod', () => {
  it.each([
    ['2021', '2021'],
    [2021, '2021'],
    ['2019-2023', '2019-2023'],
    ['2019–2023', '2019-2023'],
    ['2021-2021', '2021'],
    ['2021Q1', '2021Q1'],
    ['2021-Q2', '2021Q2'],
    ['2021 T3', '2021Q3'],
    ['2021K4', '2021Q4'],
    ['T1 2021', '2021Q1'],
    ['KW2 2021', '2021Q2'],
    ['202103', '202103'],
    [202103, '202103'],
    ['2021-03', '202103'],
    ['2021/3', '202103'],
    ['03/2021', '202103'],
    ['2021M03', '202103'],
    ['31/12/2021', '202112'],
    ['2021-12-31', '202112'],
    ['2021-12-31T00:00:00.000Z', '202112'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalisePeriod(input)).toBe(expected);
  });

  it('reduces dates to the mapping’s granularity', () => {
    expect(normalisePeriod('31/12/2021', 'year')).toBe('2021');
    expect(normalisePeriod(new Date(Date.UTC(2021, 4, 1)), 'quarter')).toBe('2021Q2');
    expect(normalisePeriod(new Date(Date.UTC(2021, 4, 1)))).toBe('202105');
  });

  it.each(['', 'l’an dernier', '2023-2019', '202113', '2021Q5', '1850', '2021-13', '32/01/2021', '21'])(
    'refuses %j',
    (input) => {
      expect(normalisePeriod(input)).toBeNull();
    },
  );

  it('gives a census vintage its five collection years, centred on the vintage', () => {
    expect(censusWindow(2021)).toBe('2019-2023');
    expect(censusWindow(15)).toBe('2013-2017');
  });
});

describe('readGeoCode', () => {
  const known = new Set(['FR-59350', 'BE-57096', 'FR-57097', 'BE-57097']);
  it('writes codes as the platform does', () => {
    expect(readGeoCode('59350', 'FR')).toEqual({ kind: 'code', geoCode: 'FR-59350' });
    expect(readGeoCode('2a004', 'FR')).toEqual({ kind: 'code', geoCode: 'FR-2A004' });
    expect(readGeoCode(57096, 'BE')).toEqual({ kind: 'code', geoCode: 'BE-57096' });
    expect(readGeoCode('1001', 'FR')).toEqual({ kind: 'code', geoCode: 'FR-01001' });
    expect(readGeoCode('BE_57096', null)).toEqual({ kind: 'code', geoCode: 'BE-57096' });
    expect(readGeoCode('fr-59350', null)).toEqual({ kind: 'code', geoCode: 'FR-59350' });
    expect(readGeoCode('2B033', null)).toEqual({ kind: 'code', geoCode: 'FR-2B033' });
  });

  it('refuses malformed codes and a prefix contradicting the file’s country', () => {
    expect(readGeoCode('ABCDE', 'FR')).toEqual({ kind: 'invalid', text: 'ABCDE' });
    expect(readGeoCode('2A004', 'BE')).toEqual({ kind: 'invalid', text: '2A004' });
    expect(readGeoCode('1001', 'BE')).toEqual({ kind: 'invalid', text: '1001' });
    expect(readGeoCode('BE-57096', 'FR')).toEqual({ kind: 'invalid', text: 'BE-57096' });
    expect(readGeoCode('', 'FR')).toEqual({ kind: 'missing' });
  });

  it('decides the country of a bare code from the known codes, or calls it ambiguous', () => {
    expect(readGeoCode('59350', null, known)).toEqual({ kind: 'code', geoCode: 'FR-59350' });
    expect(readGeoCode('57096', null, known)).toEqual({ kind: 'code', geoCode: 'BE-57096' });
    expect(readGeoCode('57097', null, known)).toEqual({ kind: 'ambiguous', text: '57097' });
    expect(readGeoCode('34022', null, known)).toEqual({ kind: 'ambiguous', text: '34022' });
    expect(readGeoCode('59350', null)).toEqual({ kind: 'ambiguous', text: '59350' });
    expect(readGeoCode('59350', null, (c) => c === 'FR-59350')).toEqual({
      kind: 'code',
      geoCode: 'FR-59350',
    });
  });
});
