import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { deriveStatus, type StatusEvent } from '../../../../common/accompaniment/records-status';
import { switchContext, type Tx } from '../../../platform/db/context';
import { type DemoOrgIds, type DemoSecrets, seedingAs } from '../../../platform/demo';
import { type EncryptedField, fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import { participantCode } from '../../people';
import { today as dayOf } from './store';
import type { NewcomerHouseholdMembersTable } from './tables';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

interface DemoNewcomer {
  key: string;
  first: string;
  last: string;
  birth: string;
  sex: 'female' | 'male';
  category: string;
  nationality: string;
  language: string;
  events: Array<
    Omit<StatusEvent, 'occurredOn' | 'validFrom' | 'expiresOn'> & {
      at: number;
      validFrom?: number;
      expiresOn?: number;
    }
  >;
  representative?: string;
}

/** The family's shared history: asylum seekers, then recognised refugees (days relative to today). */
const FAMILY_ASYLUM: DemoNewcomer['events'] = [
  { kind: 'asylum_requested', at: -880 },
  { kind: 'interview', at: -700 },
  { kind: 'decision', at: -420, outcome: 'refugee' },
];
/** The parents' one-year permit, expiring in about two months (the reminder and the dashboard show it). */
const PARENT_PERMIT: DemoNewcomer['events'][number] = {
  kind: 'permit_issued',
  at: -305,
  permitType: 'temporary',
  validFrom: -305,
  expiresOn: 60,
};

const FAMILY: DemoNewcomer[] = [
  {
    key: 'mother',
    first: 'Hiwet',
    last: 'Exemple-Tesfay',
    birth: '1990-05-12',
    sex: 'female',
    category: 'statutory_refugee',
    nationality: 'ER',
    language: 'tir',
    events: [...FAMILY_ASYLUM, PARENT_PERMIT],
  },
  {
    key: 'father',
    first: 'Yonas',
    last: 'Exemple-Tesfay',
    birth: '1986-11-03',
    sex: 'male',
    category: 'statutory_refugee',
    nationality: 'ER',
    language: 'tir',
    events: [...FAMILY_ASYLUM, PARENT_PERMIT],
  },
  {
    key: 'daughter',
    first: 'Selam',
    last: 'Exemple-Tesfay',
    birth: '2014-02-20',
    sex: 'female',
    category: 'statutory_refugee',
    nationality: 'ER',
    language: 'tir',
    events: FAMILY_ASYLUM,
    representative: 'Hiwet Exemple-Tesfay',
  },
  {
    key: 'son',
    first: 'Dawit',
    last: 'Exemple-Tesfay',
    birth: '2019-08-09',
    sex: 'male',
    category: 'statutory_refugee',
    nationality: 'ER',
    language: 'tir',
    events: FAMILY_ASYLUM,
    representative: 'Hiwet Exemple-Tesfay',
  },
];

const MINOR: DemoNewcomer = {
  key: 'minor',
  first: 'Ahmad',
  last: 'Exemple-Rahimi',
  birth: '2009-04-01',
  sex: 'male',
  category: 'unaccompanied_minor',
  nationality: 'AF',
  language: 'pus',
  events: [
    { kind: 'asylum_requested', at: -200 },
    { kind: 'interview', at: -60 },
  ],
  representative: 'Els Voogd-Fictief',
};

/**
 * Newcomer records (issue 14): at La Vie Active, the fictional Exemple-Tesfay family (Eritrean, Tigrinya
 * speakers), asylum seekers then recognised refugees, the parents' permit expiring in about 60 days, with
 * consents for an accompaniment by CRéSaM (the teams' demo refers the family to the Walloon mobile team by
 * their last name); at Wereldhuis West-Vlaanderen, an unaccompanied minor with his guardian and the
 * guardian's consent. Each organisation's rows are written as its referent.
 */

export async function seedNewcomerRecords(
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  secrets: DemoSecrets,
): Promise<void> {
  const { networkSecret } = secrets;
  // The platform key (the platform's seed hands the full secrets; a bare seed in a test may not, and then
  // the sealed texts — the referral, the guardian — are left out).
  const key = (secrets as Partial<Secrets>).secretKey;
  const seal = async (field: EncryptedField, text: string) =>
    key ? (await fieldCipher(trx, { secretKey: key } as Secrets)).seal(field, text) : null;
  const today = await dayOf(trx);
  const lva = orgs['la-vie-active'];
  const cresam = orgs.cresam;
  const wereldhuis = orgs['wereldhuis-wvl'];
  const worker = users.worker_lva;
  const professional = users.professional_wereldhuis;
  if (!lva || !cresam || !wereldhuis || !worker || !professional)
    throw new Error('newcomer demo: missing organisations or accounts');

  const write = async (orgId: string, referent: string, p: DemoNewcomer, extra: Record<string, unknown>) => {
    const id = randomUUID();
    await trx
      .insertInto('persons')
      .values({
        id,
        org_id: orgId,
        first_name: p.first,
        last_name: p.last,
        birth_date: p.birth,
        sex: p.sex,
        preferred_language: orgId === wereldhuis ? 'nl' : 'fr',
        participant_code: participantCode(networkSecret, {
          firstName: p.first,
          lastName: p.last,
          birthDate: p.birth,
        }),
        referent_user_id: referent,
        nationality: p.nationality,
        spoken_languages: JSON.stringify([{ code: p.language, literacy: 'reads_writes', main: true }]),
        // The adults and the teenager speak neither French nor Dutch yet; the children go to school in French.
        interpreter_need:
          p.birth < '2012-01-01'
            ? JSON.stringify({ language: p.language, modality: 'phone', genderPreference: 'none' })
            : null,
      })
      .execute();
    const events: StatusEvent[] = p.events.map((e) => ({
      kind: e.kind,
      occurredOn: shift(today, e.at),
      outcome: e.outcome ?? null,
      permitType: e.permitType ?? null,
      validFrom: e.validFrom === undefined ? null : shift(today, e.validFrom),
      expiresOn: e.expiresOn === undefined ? null : shift(today, e.expiresOn),
    }));
    const d = deriveStatus(events, today);
    await trx
      .insertInto('newcomer_profiles')
      .values({
        org_id: orgId,
        person_id: id,
        category: p.category,
        current_status: d.status,
        permit_type: d.permit?.type ?? null,
        permit_valid_from: d.permit?.validFrom ?? null,
        permit_expires_on: d.permit?.expiresOn ?? null,
        created_by: referent,
        ...extra,
      })
      .execute();
    if (events.length)
      await trx
        .insertInto('newcomer_status_events')
        .values(
          events.map((e) => ({
            org_id: orgId,
            person_id: id,
            kind: e.kind,
            occurred_on: e.occurredOn,
            outcome: e.outcome ?? null,
            permit_type: e.permitType ?? null,
            valid_from: e.validFrom ?? null,
            expires_on: e.expiresOn ?? null,
            recorded_by: referent,
          })),
        )
        .execute();
    return id;
  };

  return seedingAs(trx, async () => {
    await switchContext(trx, { orgId: lva, userId: worker });
    const ids: Record<string, string> = {};
    for (const p of FAMILY)
      ids[p.key] = await write(lva, worker, p, {
        arrival_on: `${shift(today, -900).slice(0, 7)}-01`,
        arrival_approximate: true,
        first_reception_country: 'FR',
        housing: 'social_housing',
        ...(p.key === 'mother'
          ? {
              psychosocial_needed: true,
              // Sealed with La Vie Active's key, as the application writes it (ADR 0037).
              psychosocial_referred_to: await seal(
                'newcomer_profiles.psychosocial_referred_to',
                'Équipe mobile transfrontalière (CRéSaM)',
              ),
              psychosocial_since: shift(today, -20),
            }
          : {}),
      });
    const rel: Record<string, string> = {
      mother: 'spouse',
      father: 'spouse',
      daughter: 'child',
      son: 'child',
    };
    const parentRel: Record<string, string> = {
      mother: 'parent',
      father: 'parent',
      daughter: 'sibling',
      son: 'sibling',
    };
    const household: Insertable<NewcomerHouseholdMembersTable>[] = FAMILY.flatMap((self) =>
      FAMILY.filter((o) => o.key !== self.key).map((o, position) => ({
        org_id: lva,
        person_id: ids[self.key] as string,
        relation:
          self.key === 'mother' || self.key === 'father'
            ? (rel[o.key] as string)
            : (parentRel[o.key] as string),
        birth_year: Number(o.birth.slice(0, 4)),
        whereabouts: 'with_person',
        linked_person_id: ids[o.key] as string,
        position,
      })),
    );
    // The father's mother stays in Eritrea (a member without a record of her own).
    household.push({
      org_id: lva,
      person_id: ids.father as string,
      relation: 'parent',
      birth_year: 1958,
      whereabouts: 'country_of_origin',
      linked_person_id: null,
      position: 3,
    });
    await trx.insertInto('newcomer_household_members').values(household).execute();
    await trx
      .insertInto('newcomer_integration_paths')
      .values(
        ['mother', 'father'].map((k) => ({
          org_id: lva,
          person_id: ids[k] as string,
          scheme: 'fr_cir',
          status: 'in_progress',
          started_on: shift(today, -380),
          provider: 'OFII — direction territoriale de Lille',
        })),
      )
      .execute();
    await trx
      .insertInto('consents')
      .values(
        FAMILY.map((p) => ({
          org_id: lva,
          person_id: ids[p.key] as string,
          purpose: 'accompaniment',
          data_categories: [
            'identity',
            'birth_date',
            'languages',
            'legal_status',
            'interpreter_need',
            'psychosocial',
          ],
          recipient_org_ids: [cresam],
          given_by: p.representative ? 'legal_representative' : 'person',
          representative_name: p.representative ?? null,
          given_on: shift(today, -25),
          expires_on: shift(today, 340),
          recorded_by: worker,
        })),
      )
      .execute();

    await switchContext(trx, { orgId: wereldhuis, userId: professional });
    const minor = await write(wereldhuis, professional, MINOR, {
      arrival_on: shift(today, -210),
      first_reception_country: 'BE',
      housing: 'reception_centre',
      ...(key && {
        guardian_name: await seal('newcomer_profiles.guardian_name', MINOR.representative ?? ''),
        guardian_organisation: 'Dienst Voogdij',
        guardian_contact: await seal('newcomer_profiles.guardian_contact', 'voogd@voogdij.example'),
        guardian_consent_on: shift(today, -30),
      }),
    });
    await trx
      .insertInto('newcomer_integration_paths')
      .values({ org_id: wereldhuis, person_id: minor, scheme: 'vl_inburgering', status: 'not_started' })
      .execute();
    await trx
      .insertInto('consents')
      .values({
        org_id: wereldhuis,
        person_id: minor,
        purpose: 'accompaniment',
        data_categories: ['identity', 'languages', 'legal_status', 'interpreter_need'],
        recipient_org_ids: [cresam],
        given_by: 'legal_representative',
        representative_name: MINOR.representative,
        given_on: shift(today, -30),
        expires_on: shift(today, 335),
        recorded_by: professional,
      })
      .execute();
  });
}
