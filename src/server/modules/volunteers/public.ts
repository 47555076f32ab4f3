import type { Ok } from '../../../common/kernel/schemas';
import type { VolunteerOrgOption, VolunteerRegistration } from '../../../common/volunteers/schemas';
import type { Tx } from '../../platform/db/context';
import { badRequest } from '../../platform/errors';
import { E } from './service';
import * as store from './store';

/**
 * The public self-registration (no account). It runs in the public database scope: RLS lets it insert a
 * pending registration without benefit data and read no volunteer back, so the answer is the same whether
 * the e-mail is known or not (nothing is looked up). A filled honeypot is answered alike and not stored.
 * The insert is audited by the table's trigger; a coordinator of the chosen organisation validates.
 */
export async function organisationOptions(trx: Tx): Promise<VolunteerOrgOption[]> {
  return (await store.activeOrganisations(trx)).map((o) => ({
    id: o.id,
    nameFr: o.name_fr,
    nameNl: o.name_nl,
    country: o.country,
    kind: o.kind,
  }));
}

export async function register(trx: Tx, input: VolunteerRegistration): Promise<Ok> {
  if (input.website?.trim()) return { ok: true };
  const o = await store.organisationOf(trx, input.orgId);
  if (o?.status !== 'active') throw badRequest(E('unknown_organisation'));
  await trx
    .insertInto('volunteers')
    .values({
      org_id: o.id,
      name: input.name.trim(),
      email: input.email.trim().toLowerCase(),
      phone: input.phone?.trim() || null,
      languages: input.languages,
      skills: input.skills,
      availability: input.availability?.trim() || null,
      status: 'pending',
      consent_given_at: new Date(),
    })
    .execute();
  return { ok: true };
}
