import { describe, expect, it } from 'vitest';
import { partnerRuleErrors } from './programme-rules';
import {
  actionRuleErrors,
  inLanguage,
  milestoneRuleErrors,
  timeline,
  websiteError,
} from './programme-structure-rules';
import type { ActionInput } from './programme-structure-schemas';

const action = (code: string, extra: Partial<ActionInput> = {}): ActionInput => ({
  code,
  kind: 'action',
  titleFr: `Action ${code}`,
  titleNl: `Actie ${code}`,
  ...extra,
});
const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';

describe('actionRuleErrors', () => {
  const current = [
    { id: ID1, code: 'A1', inUse: true },
    { id: ID2, code: 'A2', inUse: false },
  ];

  it('accepts reordering, renaming, swapping codes and dropping an unused action', () => {
    expect(
      actionRuleErrors([action('A2', { id: ID1 }), action('A1', { defaultFor: ['placement'] })], current),
    ).toEqual([]);
  });

  it('refuses the same code twice, whatever the case and spaces', () => {
    expect(actionRuleErrors([action('A1', { id: ID1 }), action(' a1 ', { id: ID2 })], current)).toEqual([
      { path: 'actions.1.code', code: 'network.programmes.errors.action_code_taken' },
    ]);
  });

  it('refuses blank titles once trimmed, an English title included', () => {
    expect(actionRuleErrors([action('A1', { id: ID1, titleNl: '   x ', titleEn: '  ' })], current)).toEqual([
      { path: 'actions.0.titleNl', code: 'validation.min_length', params: { limit: 2 } },
      { path: 'actions.0.titleEn', code: 'validation.min_length', params: { limit: 2 } },
    ]);
  });

  it('refuses an id of another programme, or one id twice', () => {
    const foreign = '33333333-3333-4333-8333-333333333333';
    expect(
      actionRuleErrors([action('A1', { id: ID1 }), action('A2', { id: foreign })], current).map(
        (e) => e.path,
      ),
    ).toEqual(['actions.1.id']);
    expect(
      actionRuleErrors([action('A1', { id: ID1 }), action('A2', { id: ID1.toUpperCase() })], current).map(
        (e) => e.code,
      ),
    ).toEqual(['network.programmes.errors.action_unknown']);
  });

  it('refuses two default actions for one kind of record', () => {
    expect(
      actionRuleErrors(
        [
          action('A1', { id: ID1, defaultFor: ['placement'] }),
          action('A3', { defaultFor: ['event', 'placement'] }),
        ],
        current,
      ),
    ).toEqual([
      {
        path: 'actions.1.defaultFor',
        code: 'network.programmes.errors.action_default_taken',
        params: { kind: 'placement' },
      },
    ]);
  });

  it('refuses dropping an action records are attributed to, naming it', () => {
    expect(actionRuleErrors([action('A2', { id: ID2 })], current)).toEqual([
      { path: 'actions', code: 'network.programmes.errors.action_in_use', params: { code: 'A1' } },
    ]);
  });
});

describe('milestoneRuleErrors and timeline', () => {
  it('refuses blank labels and foreign or repeated ids', () => {
    const m = { occursOn: '2019-10-07', labelFr: 'Convention', labelNl: 'Overeenkomst' };
    expect(milestoneRuleErrors([m, { ...m, labelFr: ' ' }], new Set())).toEqual([
      { path: 'milestones.1.labelFr', code: 'validation.min_length', params: { limit: 2 } },
    ]);
    expect(
      milestoneRuleErrors(
        [
          { ...m, id: ID1 },
          { ...m, id: ID1 },
          { ...m, id: ID2 },
        ],
        new Set([ID1]),
      ).map((e) => e.path),
    ).toEqual(['milestones.1.id', 'milestones.2.id']);
  });

  it('orders milestones by date, then by French label', () => {
    const list = [
      { occursOn: '2020-02-07', labelFr: 'Engagement' },
      { occursOn: '2019-10-07', labelFr: 'Convention' },
      { occursOn: '2020-01-17', labelFr: 'Arrêté' },
      { occursOn: '2019-10-07', labelFr: 'Annonce' },
    ];
    expect(timeline(list).map((m) => m.labelFr)).toEqual(['Annonce', 'Convention', 'Arrêté', 'Engagement']);
  });
});

describe('websiteError', () => {
  it('accepts https addresses with a path, a port or a query', () => {
    for (const ok of ['https://www.sameurometropole.eu', 'https://example.org:8443/a/b?c=d#e', null, ''])
      expect(websiteError(ok)).toBeNull();
  });

  it('refuses other schemes, hosts without a dot, credentials and markup', () => {
    expect(websiteError('http://www.sameurometropole.eu')).toBe('network.programmes.errors.website_https');
    expect(websiteError('javascript:alert(1)')).toBe('network.programmes.errors.website_https');
    for (const bad of [
      'https://localhost',
      'https://user:pw@example.org',
      'https://example.org/"><script>',
      'https://exa mple.org',
      `https://example.org/${'a'.repeat(500)}`,
    ])
      expect(websiteError(bad)).toBe('network.programmes.errors.website_invalid');
  });
});

describe('extra partner roles', () => {
  const lead = { orgId: 'o1', role: 'lead' as const };
  it('allows an associated partner that also co-finances, never a second lead or the same role twice', () => {
    expect(
      partnerRuleErrors([lead, { orgId: 'o2', role: 'associated', extraRoles: ['cofinancer'] }], 'o1'),
    ).toEqual([]);
    expect(
      partnerRuleErrors(
        [
          lead,
          { orgId: 'o2', role: 'associated', extraRoles: ['associated'] },
          { orgId: 'o3', role: 'partner', extraRoles: ['lead'] },
        ],
        'o1',
      ).map((e) => e.path),
    ).toEqual(['partners.1.extraRoles', 'partners.2.extraRoles']);
  });
});

describe('inLanguage', () => {
  const t = { fr: 'Chantiers', nl: 'Integratieprojecten', en: null };
  it('reads the reader’s language, English falling back to French', () => {
    expect(inLanguage(t, 'nl')).toEqual({ text: 'Integratieprojecten', lang: 'nl' });
    expect(inLanguage(t, 'en')).toEqual({ text: 'Chantiers', lang: 'fr' });
    expect(inLanguage({ ...t, en: 'Placements' }, 'en')).toEqual({ text: 'Placements', lang: 'en' });
  });
});
