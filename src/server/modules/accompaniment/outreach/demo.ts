import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { switchContext } from '../../../platform/db/context';
import { type DemoSeeder, seedingAs } from '../../../platform/demo';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import { participantCode } from '../../people';
import './tables';

/**
 * Outreach contacts of the AB Réfugiés demo, all invented: the CRéSaM intercultural mediator's contacts
 * around Namur station, and the Wereldhuis ambassador's in Kortrijk — two of them with "Ahmad", who later
 * consented to a record at the Wereldhuis ("Ahmad Exemple-Karimi", a Dari speaker): the first contact is
 * linked to it, the second is still to link.
 */
const DAY = 86_400_000;
const day = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export const seedOutreachContacts: DemoSeeder = async (trx, orgs, users, secrets) => {
  const { networkSecret } = secrets;
  // Notes are sealed with the organisation's key (the platform's seed hands it; a bare seed leaves them out).
  const key = (secrets as Partial<Secrets>).secretKey;
  const note = async (text: string) =>
    key ? (await fieldCipher(trx, { secretKey: key } as Secrets)).seal('outreach_contacts.note', text) : null;
  const wereldhuis = orgs['wereldhuis-wvl'];
  const cresam = orgs.cresam;
  const ambassador = users.ambassador_wereldhuis;
  const mediator = users.mediator_cresam;
  const professional = users.professional_wereldhuis;
  if (!wereldhuis || !cresam || !ambassador || !mediator || !professional) return;
  return seedingAs(trx, async () => {
    await switchContext(trx, { orgId: cresam, userId: mediator });
    await trx
      .insertInto('outreach_contacts')
      .values([
        {
          org_id: cresam,
          contact_on: day(-20),
          place: 'Abords de la gare de Namur',
          municipality_code: 'BE-92094',
          country: 'BE',
          pseudonym: 'Grand frère',
          age_band: '26_35',
          language: 'pus',
          needs: ['shelter', 'health'],
          referral: 'Relais santé de Namur',
          note: await note('Dort dehors depuis une semaine ; accepte de revenir jeudi.'),
          recorded_by: mediator,
        },
        {
          org_id: cresam,
          contact_on: day(-13),
          place: 'Abords de la gare de Namur',
          municipality_code: 'BE-92094',
          country: 'BE',
          pseudonym: 'Grand frère',
          age_band: '26_35',
          language: 'pus',
          needs: ['legal_information'],
          referral: 'Permanence juridique (fictive)',
          note: null,
          recorded_by: mediator,
        },
        {
          org_id: cresam,
          contact_on: day(-9),
          place: 'Distribution alimentaire, Namur',
          municipality_code: 'BE-92094',
          country: 'BE',
          pseudonym: null,
          age_band: '18_25',
          language: 'tir',
          needs: ['food', 'language'],
          referral: null,
          note: null,
          recorded_by: mediator,
        },
      ])
      .execute();

    await switchContext(trx, { orgId: wereldhuis, userId: professional });
    const personId = randomUUID();
    const birth = '1999-03-14';
    await trx
      .insertInto('persons')
      .values({
        id: personId,
        org_id: wereldhuis,
        first_name: 'Ahmad',
        last_name: 'Exemple-Karimi',
        birth_date: birth,
        preferred_language: 'nl',
        // Migration 0053: Dari, spoken from Herat, with a phone interpreter when needed.
        spoken_languages: JSON.stringify([
          { code: 'prs', dialect: 'Herat', literacy: 'reads_writes', main: true },
        ]),
        interpreter_need: JSON.stringify({ language: 'prs', modality: 'phone', genderPreference: 'none' }),
        participant_code: participantCode(networkSecret, {
          firstName: 'Ahmad',
          lastName: 'Exemple-Karimi',
          birthDate: birth,
        }),
        referent_user_id: professional,
      })
      .execute();
    const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
    const consent = await trx
      .insertInto('consents')
      .values({
        org_id: wereldhuis,
        person_id: personId,
        purpose: 'accompaniment',
        data_categories: ['identity', 'languages'],
        given_by: 'person',
        given_on: today,
        recorded_by: professional,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await switchContext(trx, { orgId: wereldhuis, userId: ambassador });
    const contacts = await trx
      .insertInto('outreach_contacts')
      .values([
        {
          org_id: wereldhuis,
          contact_on: day(-15),
          place: 'Buurthuis, Kortrijk',
          municipality_code: 'BE-34022',
          country: 'BE',
          pseudonym: 'Ahmad',
          age_band: '26_35',
          language: 'prs',
          needs: ['administrative', 'language'],
          referral: 'Wereldhuis, onthaal',
          note: await note('Wil Nederlands leren; komt langs met een vriend die tolkt.'),
          recorded_by: ambassador,
        },
        {
          org_id: wereldhuis,
          contact_on: day(-8),
          place: 'Station Kortrijk',
          municipality_code: 'BE-34022',
          country: 'BE',
          pseudonym: 'Ahmad',
          age_band: '26_35',
          language: 'prs',
          needs: ['shelter'],
          referral: null,
          note: null,
          recorded_by: ambassador,
        },
        {
          org_id: wereldhuis,
          contact_on: day(-3),
          place: 'Markt, Menen',
          municipality_code: 'BE-34027',
          country: 'BE',
          pseudonym: null,
          age_band: 'under_18',
          language: 'som',
          needs: ['food', 'psychosocial'],
          referral: 'Jongerenwerking (fictief)',
          note: null,
          recorded_by: ambassador,
        },
      ])
      .returning('id')
      .execute();
    // Ahmad consented at the Wereldhuis: the first contact is linked to his record.
    await switchContext(trx, { orgId: wereldhuis, userId: professional });
    await trx
      .updateTable('outreach_contacts')
      .set({ person_id: personId, consent_id: consent.id, linked_at: new Date(), linked_by: professional })
      .where('id', '=', contacts[0]!.id)
      .execute();
  });
};
