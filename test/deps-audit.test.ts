import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { findings, judge, unavailable } from '../scripts/deps-audit.mjs';

/** Issue 16: the dependency audit gate (scripts/deps-audit.mjs) on reports shaped like `npm audit --json`. */
const report = {
  vulnerabilities: {
    'some-parser': {
      severity: 'high',
      via: [
        {
          source: 1100,
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
          severity: 'high',
          title: 'Prototype pollution',
          range: '<2.0.1',
        },
      ],
    },
    'uses-parser': { severity: 'high', via: ['some-parser'] },
    'low-thing': {
      severity: 'low',
      via: [{ source: 1, url: 'https://github.com/advisories/GHSA-low', severity: 'low', title: 'x' }],
    },
    'bad-crypto': {
      severity: 'critical',
      via: [{ source: 2, url: 'https://github.com/advisories/GHSA-crit', severity: 'critical', title: 'y' }],
    },
  },
  metadata: { vulnerabilities: { low: 1, high: 2, critical: 1 } },
};

describe('dependency audit gate', () => {
  it('keeps the high and critical advisories only, once each, from the package that carries them', () => {
    expect(findings(report).map((f: { id: string; package: string }) => `${f.id} ${f.package}`)).toEqual([
      'GHSA-aaaa-bbbb-cccc some-parser',
      'GHSA-crit bad-crypto',
    ]);
  });

  it('fails on an unjustified finding, accepts a justified one until its review date', () => {
    const found = findings(report);
    const exception = { id: 'GHSA-crit', package: 'bad-crypto', reason: 'not reachable', adr: '0035' };
    const live = judge(found, [{ ...exception, reviewBy: '2099-01-01' }], '2026-12-07');
    expect(live.unjustified.map((f: { id: string }) => f.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
    const old = judge(found, [{ ...exception, reviewBy: '2026-01-01' }], '2026-12-07');
    expect(old.unjustified).toHaveLength(2);
    expect(old.expired).toHaveLength(1);
    expect(judge(found, [{ ...exception, id: 'GHSA-gone', reviewBy: '2099-01-01' }]).stale).toHaveLength(1);
    expect(judge([], []).unjustified).toEqual([]);
  });

  it('tells an audit that could not run from a clean one', () => {
    expect(unavailable({ vulnerabilities: {} }, 0)).toBeNull();
    expect(unavailable({ message: '405 Method Not Allowed - POST …/advisories/bulk' }, 1)).toMatch(/405/);
    expect(unavailable({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo' } }, 1)).toMatch(/ENOTFOUND/);
    expect(unavailable(null, 1)).toMatch(/no report/);
  });
});
