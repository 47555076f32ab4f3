import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { AGE_BANDS, NEEDS } from './outreach-rules';

/** Outreach contacts (part outreach of the accompaniment module, migration 0056). */

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const ContactInput = Type.Object({
  contactOn: IsoDate,
  place: Text(200, 2),
  municipalityCode: Type.Optional(NullFirst(Type.String({ pattern: '^(FR|BE)-[0-9A-Z]{5}$' }))),
  country: Type.Enum(['FR', 'BE']),
  pseudonym: Type.Optional(NullFirst(Text(60))),
  ageBand: Type.Enum([...AGE_BANDS]),
  language: Type.Optional(NullFirst(Type.String({ pattern: '^[a-z]{3}$' }))),
  needs: Type.Array(Type.Enum([...NEEDS]), { maxItems: NEEDS.length, uniqueItems: true }),
  referral: Type.Optional(NullFirst(Text(200, 2))),
  note: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 500 }))),
});
export type ContactInput = Static<typeof ContactInput>;

export const LinkInput = Type.Object({ personId: Uuid });
export type LinkInput = Static<typeof LinkInput>;

export const Contact = Type.Object({
  id: Uuid,
  contactOn: IsoDate,
  place: Type.String(),
  municipalityCode: Nullable(Type.String()),
  country: Type.Enum(['FR', 'BE']),
  pseudonym: Nullable(Type.String()),
  ageBand: Type.Enum([...AGE_BANDS]),
  language: Nullable(Type.String()),
  needs: Type.Array(Type.Enum([...NEEDS])),
  referral: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  /** The person record it was linked to (once the person consented). */
  person: Nullable(Type.Object({ id: Uuid, name: Type.String(), participantCode: Type.String() })),
  linkedAt: Nullable(Type.String()),
});
export type Contact = Static<typeof Contact>;

export const ContactListQuery = Type.Object({
  linked: Type.Optional(Type.Boolean()),
});
export const ContactList = Type.Object({
  items: Type.Array(Contact),
  /** Persons reached by these contacts (the counting rule's key). */
  reached: Type.Integer(),
});
export type ContactList = Static<typeof ContactList>;
