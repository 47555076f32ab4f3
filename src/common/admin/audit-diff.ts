/** One field of an audit entry as shown to a reader: its value before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields an entry changed, in name order. Creations have only "after", deletions only "before";
 * updates carry just the changed fields on both sides (the trigger already left the rest out).
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
  return [...fields].sort().map((field) => ({
    field,
    before: b && field in b ? b[field] : undefined,
    after: a && field in a ? a[field] : undefined,
  }));
}

/** A value as plain text for the log reader; undefined (no side) and null both read as empty. */
export function displayValue(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
