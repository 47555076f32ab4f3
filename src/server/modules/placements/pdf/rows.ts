import type { DocumentItem, Pair } from '../../../../common/placements/agreement-document';
import { NEUTRAL_IN_BOTH_COLUMNS, S, type Style } from './page-style';

/** The rows the agreement PDF sets: each column's text and style. */

export type Field = Extract<DocumentItem, { kind: 'field' }>;
export type Signature = Extract<DocumentItem, { kind: 'signature' }>;
/** A row's text in each column, each in its own style (a "text only in the other language" mark is a note). */
export type Cells = { primary: string; host: string | null; primaryStyle: Style; hostStyle: Style };

export const cells = (p: Pair, style: Style, missing?: 'primary' | 'host'): Cells => ({
  primary: p.primary,
  host: p.host,
  primaryStyle: missing === 'primary' ? S.note : style,
  hostStyle: missing === 'host' ? S.note : style,
});
export const paragraphStyle = (item: Extract<DocumentItem, { kind: 'paragraph' }>): Style =>
  item.tone === 'notice' ? S.note : S.body;

/** A field's label and value as rows: in one column, the label beside its value. */
export function fieldRows(
  bilingual: boolean,
  f: Field,
): { label: Cells; value: Cells } | { label: string; value: string } {
  const value = typeof f.value === 'string' ? null : f.value;
  if (!bilingual) return { label: f.label.primary, value: value ? value.primary : (f.value as string) };
  if (value) return { label: cells(f.label, S.label), value: cells(value, S.body, f.missing) };
  const text = f.value as string;
  // Each column reads as a whole in its language: short free text is repeated on both sides.
  if (text.length <= NEUTRAL_IN_BOTH_COLUMNS)
    return { label: cells(f.label, S.label), value: cells({ primary: text, host: text }, S.body) };
  return {
    label: cells({ primary: `${f.label.primary} / ${f.label.host ?? ''}`, host: null }, S.label),
    value: cells({ primary: text, host: null }, S.body),
  };
}
