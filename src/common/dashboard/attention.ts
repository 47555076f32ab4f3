import Type, { type Static } from 'typebox';
import { IsoDate } from '../kernel/schemas';

/** One thing that needs the user's attention, counted from records, with where to act on it. */
export const AttentionItem = Type.Object({
  key: Type.String(),
  count: Type.Integer(),
  severity: Type.Enum(['high', 'normal', 'low']),
  link: Type.String(),
  /** When the item is due by a date (the first of them, when it counts several): its message's `{due}`. */
  dueOn: Type.Optional(IsoDate),
});
export type AttentionItem = Static<typeof AttentionItem>;
