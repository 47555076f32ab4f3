import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { addDays, addMonths } from '../../../../common/placements/dates';
import { hashToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import { seedingAs } from '../../../platform/demo';
import { grantPersonAccess, type Sharer, shareBasis } from '../../people';
import type { PlacementsTable } from '../agreement-tables';
import { today as todayOf } from '../today';
import { insertPlacement, updatePlacement, upsertSignature } from './store-writes';

/**
 * Demo agreements of persons followed by the CPAS of Mouscron, one per stage of the workflow: an active
 * placement at the Atelier du Pile in Roubaix (started three weeks ago, tutored by the demo tutor), one
 * awaiting signatures, a draft in Kortrijk and a completed one. Written through the module's store as each
 * party in turn (RLS and audit apply), with fictional names and references only.
 */

type Ids = Record<string, string>;
const need = (ids: Ids, key: string) => {
  const v = ids[key];
  if (!v) throw new Error(`demo agreements need ${key}`);
  return v;
};

export async function seedAgreements(trx: Tx, orgs: Ids, users: Ids): Promise<void> {
  const mouscron = need(orgs, 'cpas-mouscron');
  const atelier = need(orgs, 'atelier-roubaix');
  const werkplaats = need(orgs, 'werkplaats-kortrijk');
  const referent = need(users, 'referent_be_wal');
  const tutor = need(users, 'tutor');
  const hostCoordinator = need(users, 'host_coordinator');
  const today = await todayOf(trx);
  const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

  // The demo offers are Action 1 offers of SAM Eurométropole: of its current (fictional) follow-up when
  // the demo has it, as they are offered today; of the 2010–2014 programme otherwise.
  const sam = await trx
    .selectFrom('programmes')
    .select('id')
    .where('acronym', 'in', ['SAM-E suite', 'SAM-E'])
    .orderBy('starts_on', 'desc')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('placement_offers')
    .set({ programme_id: sam.id })
    .where('programme_id', 'is', null)
    .execute();
  const werkplaatsOffer = await trx
    .selectFrom('placement_offers')
    .select('id')
    .where('org_id', '=', werkplaats)
    .where('sector', '=', 'logistics')
    .executeTakeFirstOrThrow();

  const sharer: Sharer = { orgId: mouscron, userId: referent, roles: ['referent'], language: 'fr' };
  const asHome = () => switchContext(trx, { orgId: mouscron, userId: referent });
  const asHost = () => switchContext(trx, { orgId: atelier, userId: hostCoordinator });
  return seedingAs(trx, async () => {
    await asHome();
    const persons = await trx.selectFrom('persons').select(['id', 'first_name']).execute();
    const person = (first: string) => {
      const p = persons.find((x) => x.first_name === first);
      if (!p) throw new Error(`demo agreements need the demo person ${first}`);
      return p.id;
    };
    // Consents the demo persons lack for the agreements below (given by the person, recorded by the referent).
    for (const [first, host] of [
      ['Dylan', werkplaats],
      ['Aïcha', atelier],
    ] as const)
      await trx
        .insertInto('consents')
        .values({
          org_id: mouscron,
          person_id: person(first),
          purpose: 'placement',
          data_categories: ['identity', 'languages', 'mobility'],
          recipient_org_ids: [host],
          given_by: 'person',
          given_on: addDays(today, -240),
          expires_on: addDays(today, 300),
          recorded_by: referent,
        })
        .execute();

    // A demo agreement belongs to a programme only if one with the host as partner is open on its dates
    // (SAM-E ended in 2014): otherwise it has none, as the wizard would make it.
    const openProgramme = async (hostOrgId: string, startsOn: string, endsOn: string) =>
      (
        await trx
          .selectFrom('programmes as p')
          .innerJoin('programme_partners as pp', 'pp.programme_id', 'p.id')
          .select('p.id')
          .where('pp.partner_org_id', '=', hostOrgId)
          .where('p.starts_on', '<=', startsOn)
          .where('p.ends_on', '>=', endsOn)
          .orderBy('p.starts_on', 'desc')
          .executeTakeFirst()
      )?.id ?? null;

    const draft = async (
      first: string,
      hostOrgId: string,
      t: { site: string; municipality: string; tasks: string; schedule: string; hours: number },
      startsOn: string,
      months: number,
      extra: {
        tutor?: string;
        offerId?: string;
        insurance?: boolean;
        /** Issue 9, item 9: aim, timetable, job code, equipment, emergency contact (fictional). */
        convention?: Partial<Insertable<PlacementsTable>>;
      } = {},
    ) => {
      const personId = person(first);
      // Through the people module's sharing door, as the referent: the consents above are the basis.
      const basis = await shareBasis(trx, sharer, {
        personId,
        recipientOrgId: hostOrgId,
        purpose: 'placement',
        fields: ['identity', 'languages'],
      });
      if (!basis.consent) throw new Error(`demo person ${first} has no placement consent`);
      const endsOn = addDays(addMonths(startsOn, months), -1);
      const id = await insertPlacement(trx, {
        org_id: mouscron,
        person_id: personId,
        host_org_id: hostOrgId,
        offer_id: extra.offerId ?? null,
        programme_id: await openProgramme(hostOrgId, startsOn, endsOn),
        site_name: t.site,
        municipality_code: t.municipality,
        tasks: t.tasks,
        schedule: t.schedule,
        hours_per_week: t.hours,
        starts_on: startsOn,
        ends_on: endsOn,
        referent_user_id: referent,
        tutor_user_id: extra.tutor ?? null,
        language: 'fr',
        accident_insurance_ref: extra.insurance ? 'ETHIAS-AT-2026-04127' : null,
        liability_insurance_ref: extra.insurance ? 'ETHIAS-RC-2026-04128' : null,
        shared_fields: [...basis.share.fields],
        consent_id: basis.consent.id,
        created_by: referent,
        ...extra.convention,
      });
      await grantPersonAccess(trx, sharer, { basis, source: 'placement', sourceId: id });
      return id;
    };
    const signInPerson = async (id: string, role: string, name: string, by: string, on: string) =>
      upsertSignature(trx, {
        org_id: mouscron,
        host_org_id: atelier,
        placement_id: id,
        version: 1,
        role,
        signer_name: name,
        requested_by: by,
        method: 'in_person',
        signed_at: at(on),
        recorded_by: by,
      });
    /** Signed by the three parties, approved, validated by the host, started: as each party did it. */
    const runThrough = async (id: string, first: string, last: string, startsOn: string) => {
      await updatePlacement(trx, id, { status: 'awaiting_signatures' });
      const signedOn = addDays(startsOn, -7);
      await signInPerson(id, 'person', `${first} ${last}`, referent, signedOn);
      await signInPerson(id, 'home_referent', 'Sacha Référente', referent, signedOn);
      await updatePlacement(trx, id, { status: 'home_review' });
      await updatePlacement(trx, id, { status: 'host_validation' });
      await asHost();
      await signInPerson(
        id,
        'host_representative',
        'Ariane Direction',
        hostCoordinator,
        addDays(startsOn, -6),
      );
      await updatePlacement(trx, id, { status: 'validated', validated_at: at(addDays(startsOn, -4)) });
      await asHome();
      await updatePlacement(trx, id, { status: 'active', activated_at: at(startsOn) });
    };

    const parks = {
      site: 'Atelier du Pile',
      municipality: 'FR-59512',
      tasks: 'Tonte, taille des haies, plantations, entretien des outils, avec une équipe de cinq personnes.',
      schedule: 'lun–ven 8h30–16h00',
      hours: 30,
    };
    // Active: started three weeks ago, for four months (the follow-up demo records its attendance).
    const activeStart = addDays(today, -21);
    const active = await draft('Sophie', atelier, parks, activeStart, 4, {
      tutor,
      insurance: true,
      convention: {
        aim: 'discover_job',
        timetable: JSON.stringify(
          [1, 2, 3, 4, 5].map((day) => ({ day, from: '08:30', to: '16:00', breakMinutes: 90 })),
        ),
        protective_equipment: 'Chaussures de sécurité, gants, protections auditives',
        emergency_contact_name: 'Marc Lemairon',
        emergency_contact_phone: '+32470000101',
        emergency_contact_relation: 'frère',
      },
    });
    await runThrough(active, 'Sophie', 'Lemairon', activeStart);

    // Completed: a placement that ended three months ago.
    const pastStart = addMonths(today, -7);
    const past = await draft('Aïcha', atelier, parks, pastStart, 4, { tutor, insurance: true });
    await runThrough(past, 'Aïcha', 'Merteaux', pastStart);
    await updatePlacement(trx, past, { status: 'completed', ended_on: addDays(addMonths(pastStart, 4), -1) });

    // Awaiting signatures, as "send for signature" leaves it: the referent has signed in person, the person
    // and the host's only signatory (its director) each have a pending link.
    const waiting = await draft(
      'Karim',
      atelier,
      {
        site: 'Atelier du Pile',
        municipality: 'FR-59512',
        tasks: 'Réception des dons, tri, petites réparations, mise en rayon.',
        schedule: 'lun–jeu 9h00–16h00',
        hours: 24,
      },
      addDays(today, 35),
      3,
      // Sent for signature, so insured: the insurance references are asked for before any signature.
      {
        tutor,
        insurance: true,
        convention: {
          aim: 'confirm_project',
          timetable: JSON.stringify(
            [1, 2, 3, 4].map((day) => ({ day, from: '09:00', to: '16:00', breakMinutes: 60 })),
          ),
          job_code_kind: 'rome',
          job_code: 'K2304',
          protective_equipment: 'Gants, chaussures de sécurité',
          emergency_contact_name: 'Samira Benhallou',
          emergency_contact_phone: '+32470000102',
          emergency_contact_relation: 'sœur',
        },
      },
    );
    await updatePlacement(trx, waiting, { status: 'awaiting_signatures' });
    await signInPerson(waiting, 'home_referent', 'Sacha Référente', referent, today);
    await upsertSignature(trx, {
      org_id: mouscron,
      host_org_id: atelier,
      placement_id: waiting,
      version: 1,
      role: 'person',
      signer_name: 'Karim Benhallou',
      email: 'karim.benhallou@personnes.example',
      // Nobody holds this link: the demo shows a pending one.
      token_hash: hashToken(randomBytes(32).toString('base64url')),
      token_expires_at: new Date(Date.now() + 12 * 86_400_000),
      requested_by: referent,
    });
    // The host's half is written acting for the host, as the live invitation is (invitations.ts).
    await asHost();
    await upsertSignature(trx, {
      org_id: mouscron,
      host_org_id: atelier,
      placement_id: waiting,
      version: 1,
      role: 'host_representative',
      signer_name: 'Ariane Direction',
      email: 'direction@atelier-roubaix.example',
      token_hash: hashToken(randomBytes(32).toString('base64url')),
      token_expires_at: new Date(Date.now() + 12 * 86_400_000),
      requested_by: referent,
    });
    await asHome();

    // Draft across the language border, from an offer of the Werkplaats Leieboord (no tutor named yet).
    await draft(
      'Dylan',
      werkplaats,
      {
        site: 'Werkplaats Leieboord',
        municipality: 'BE-34022',
        tasks: 'Préparation de commandes, emballage, chargement des camionnettes.',
        schedule: 'ma–vr 8u00–16u00',
        hours: 32,
      },
      addDays(today, 28),
      4,
      {
        offerId: werkplaatsOffer.id,
        convention: {
          aim: 'start_hiring',
          job_code_kind: 'isco',
          job_code: '9333',
          protective_equipment: 'Veiligheidsschoenen, fluohesje',
        },
      },
    );
  });
}
