import { describe, expect, it } from 'vitest';
import { countOf } from './rules';

const row = (subject: string, partnerOrgId: string) => ({
  subject,
  personId: null,
  partnerOrgId,
  startsOn: null,
  endsOn: null,
  detail: null,
});

describe('counting organisations and services', () => {
  it('counts each subject once, in total and per partner', () => {
    expect(countOf([row('s1', 'a'), row('s2', 'a'), row('s1', 'a'), row('s3', 'b')])).toEqual({
      total: 3,
      byPartner: [
        { orgId: 'a', n: 2 },
        { orgId: 'b', n: 1 },
      ],
    });
    expect(countOf([])).toEqual({ total: 0, byPartner: [] });
  });
});
