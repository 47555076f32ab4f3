import type { AttentionItem } from '../../common/dashboard/attention';
import type { Actor } from './actor';
import type { Tx } from './db/context';

/** A module's contribution to the "what needs my attention" dashboard; returns only non-zero items. */
export type AttentionProvider = (trx: Tx, actor: Actor, deps: AttentionDeps) => Promise<AttentionItem[]>;

export interface AttentionDeps {
  /** Today in Europe/Brussels (the deps' clock). */
  today: string;
}

/** One item when the count is not zero, none otherwise. */
export const attentionItem = (
  key: string,
  count: number,
  severity: AttentionItem['severity'],
  link: string,
): AttentionItem[] => (count > 0 ? [{ key, count, severity, link }] : []);
