import { describe, expect, it } from 'vitest';
import { changedFields, displayValue } from './audit-diff';

describe('audit entries as field changes', () => {
  it('pairs before and after of an update, in field order', () => {
    expect(changedFields({ phone: null, roles: ['a'] }, { phone: '+32', roles: ['a', 'b'] })).toEqual([
      { field: 'phone', before: null, after: '+32' },
      { field: 'roles', before: ['a'], after: ['a', 'b'] },
    ]);
  });

  it('has only one side for a creation or a deletion, and nothing for events', () => {
    expect(changedFields(null, { id: 'x' })).toEqual([{ field: 'id', before: undefined, after: 'x' }]);
    expect(changedFields({ id: 'x' }, null)).toEqual([{ field: 'id', before: 'x', after: undefined }]);
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields([1], 'text')).toEqual([]);
  });

  it('renders values as text, empty ones as null', () => {
    expect(displayValue(undefined)).toBeNull();
    expect(displayValue(null)).toBeNull();
    expect(displayValue('')).toBeNull();
    expect(displayValue('Moeskroen')).toBe('Moeskroen');
    expect(displayValue(false)).toBe('false');
    expect(displayValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
