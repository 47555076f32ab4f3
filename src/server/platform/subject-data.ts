import type { QueryResult } from 'kysely';
import type { Tx } from './db/context';
import { type EncryptedField, type MasterKeys, openOwnColumns } from './keys/field-cipher';
import type { SubjectSection } from './module';

type Plain = string | number | boolean | null;

/** A value as an export shows it: dates as ISO text, lists joined, structures as JSON. */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(', ');
  return JSON.stringify(v);
}

/** The rows of a query as an export section (the query names its columns as the export's fields). */
export function section(key: string, result: QueryResult<Record<string, unknown>>): SubjectSection {
  return {
    key,
    rows: result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
  };
}

/** Sums counts of rows changed, for an erasure report. */
export const changed = (r: { numAffectedRows?: bigint; numUpdatedOrDeletedRows?: bigint }) =>
  Number(r.numAffectedRows ?? r.numUpdatedOrDeletedRows ?? 0);

/**
 * A query's rows with their sealed columns opened, for the exporting (home) organisation: the values are its
 * own, sealed with its key (ADR 0031, 0037–0039).
 */
export const opened = async <R extends object>(
  trx: Tx,
  masters: MasterKeys,
  result: { rows: R[] },
  ...columns: [keyof R & string, EncryptedField][]
) => ({ rows: await openOwnColumns(trx, masters, result.rows, ...columns) });
