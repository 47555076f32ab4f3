import Type, { type Static } from 'typebox';

/** One thing that needs the user's attention, counted from records, with where to act on it. */
export const AttentionItem = Type.Object({
  key: Type.String(),
  count: Type.Integer(),
  severity: Type.Enum(['high', 'normal', 'low']),
  link: Type.String(),
});
export type AttentionItem = Static<typeof AttentionItem>;
