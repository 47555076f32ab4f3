import { describe, expect, it } from 'vitest';
import { countReached, pseudonymProblem, reachedKey } from './outreach-rules';

describe('outreach contacts', () => {
  it('refuses pseudonyms that look like an e-mail, a phone or a national number', () => {
    expect(pseudonymProblem('Grand frère')).toBeNull();
    expect(pseudonymProblem('Ahmad K.')).toBeNull();
    expect(pseudonymProblem('Rue 12')).toBeNull();
    expect(pseudonymProblem('a@b.example')).toBe('looks_like_email');
    expect(pseudonymProblem('0470 12 34 56')).toBe('looks_like_number');
    expect(pseudonymProblem('85.07.30-033.61')).toBe('looks_like_number');
    expect(pseudonymProblem(null)).toBeNull();
  });

  it('counts persons reached without double counting (the cases of the SQL test)', () => {
    const A = 'org-a';
    const B = 'org-b';
    const c = (
      id: string,
      orgId: string,
      pseudonym: string | null,
      participantCode: string | null = null,
    ) => ({
      id,
      orgId,
      pseudonym,
      participantCode,
    });
    const contacts = [
      c('1', A, 'Zon', 'CODE-1'),
      c('2', A, null, 'CODE-1'),
      c('3', A, 'Maan'),
      c('4', A, ' maan '),
      c('5', A, null),
      c('6', A, null),
      c('7', B, 'Maan'),
    ];
    expect(countReached(contacts)).toEqual({ total: 5, byOrg: { [A]: 4, [B]: 1 } });
    // Linked in two organisations: one person in total, one in each.
    expect(countReached([c('1', A, null, 'X'), c('2', B, null, 'X')])).toEqual({
      total: 1,
      byOrg: { [A]: 1, [B]: 1 },
    });
    expect(reachedKey(c('9', A, 'Zon', 'CODE-9'))).toBe('person:CODE-9');
  });
});
