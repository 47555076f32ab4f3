import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES, auditEntityKey } from '../../../../common/admin/audit-entities';
import { loadCatalogs } from '../../../platform/i18n';

describe('audit record types', () => {
  const catalogs = loadCatalogs();

  it.each(['fr', 'nl', 'en'] as const)('each has a name in %s, and no two share one', (lang) => {
    const names = AUDIT_ENTITIES.map((e) => catalogs[lang][auditEntityKey(e)!]);
    expect(names.filter((n) => !n)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves a type it does not know without a key', () => {
    expect(auditEntityKey('persons')).toBe('admin.audit.entity_type.persons');
    expect(auditEntityKey('constructor')).toBeNull();
  });
});
