import { describe, expect, it } from 'vitest';
import { parseSearch } from './search';

describe('the caseload search box', () => {
  it('reads birth dates in local and ISO forms', () => {
    expect(parseSearch('30/07/1985')).toEqual({ birthDate: '1985-07-30' });
    expect(parseSearch('3.7.1985')).toEqual({ birthDate: '1985-07-03' });
    expect(parseSearch('1985-07-30')).toEqual({ birthDate: '1985-07-30' });
  });

  it('does not read an impossible date as a date', () => {
    expect(parseSearch('31/02/1985')).toEqual({ q: '31/02/1985' });
  });

  it('reads participant codes with or without dashes, in any case', () => {
    expect(parseSearch('7k3m-q9xd-2hbr-t0va')).toEqual({ code: '7K3M-Q9XD-2HBR-T0VA' });
    expect(parseSearch('7K3MQ9XD2HBRT0VA')).toEqual({ code: '7K3M-Q9XD-2HBR-T0VA' });
  });

  it('reads anything else as a name, including long names', () => {
    expect(parseSearch('  Jean Dupont ')).toEqual({ q: 'Jean Dupont' });
    expect(parseSearch('Vandenbroucqueee')).toEqual({ q: 'Vandenbroucqueee' });
    expect(parseSearch('')).toEqual({});
  });
});
