/**
 * Small API shapes around agreements that the main schema file does not hold: the host's possible tutors
 * (for the wizard) and the body of a signature link's look-up.
 */
import Type, { type Static } from 'typebox';
import { Uuid } from '../kernel/schemas';

export const HostTutorQuery = Type.Object({ hostOrgId: Uuid }, { additionalProperties: false });
export type HostTutorQuery = Static<typeof HostTutorQuery>;

/** Staff of the host who may tutor (tutors and coordinators): names only, no contact. */
export const HostTutorList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
});
export type HostTutorList = Static<typeof HostTutorList>;

export const SignatureLookupBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
);
export type SignatureLookupBody = Static<typeof SignatureLookupBody>;
