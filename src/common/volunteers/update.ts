import Type, { type Static } from 'typebox';
import { Uuid } from '../kernel/schemas';
import { VolunteerRegistration } from './schemas';

/**
 * The coordinator's edit of a volunteer (issue 13): what the volunteer gave on the public form, corrected
 * or completed, and the organisations the volunteer works with (the whole list: those left out are
 * removed). Status, benefit centre and declarations keep their own endpoints and rules.
 */
const R = VolunteerRegistration.properties;
export const VolunteerUpdate = Type.Object(
  {
    name: R.name,
    email: R.email,
    phone: R.phone,
    languages: R.languages,
    skills: R.skills,
    availability: R.availability,
    organisationIds: Type.Array(Uuid, { maxItems: 30, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type VolunteerUpdate = Static<typeof VolunteerUpdate>;

export const TrainingParams = Type.Object({ id: Uuid, trainingId: Uuid });
