import { hashToken, randomToken } from '../../../platform/crypto';
import { switchContext, type Tx } from '../../../platform/db/context';
import type { DemoSeeder } from '../../../platform/demo';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import './tables';

/**
 * Interpreter bookings of the AB Réfugiés demo, all invented: a Tigrinya phone interpretation booked by the
 * Wereldhuis professional from the Flemish social interpreting service (an external service), confirmed
 * with an external interpreter on .example; an on-site Pashto interpretation booked by CRéSaM from SeTIS
 * wallon and confirmed by its interpreter; a past one with its feedback.
 */
const HOUR = 3_600_000;
/** A Brussels time some days from now (winter time: UTC+1, near enough for demo data). */
const at = (days: number, hour: number, minute = 0) => {
  const d = new Date(Date.now() + days * 24 * HOUR);
  return new Date(
    `${d.toISOString().slice(0, 10)}T${String(hour - 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );
};

/** A briefing sealed with the booking organisation's key, as the application writes it (ADR 0037). */
async function sealedBriefings(trx: Tx, masters: Secrets | null, byOrg: Array<[string, string]>) {
  if (!masters) return byOrg.map(() => null);
  const out: string[] = [];
  for (const [orgId, text] of byOrg) {
    await switchContext(trx, { orgId });
    out.push((await fieldCipher(trx, masters)).seal('interpreter_bookings.briefing', text));
  }
  await switchContext(trx, { platformAdmin: true, scope: 'system' });
  return out;
}

export const seedInterpreterBookings: DemoSeeder = async (trx, orgs, users, secrets) => {
  const wereldhuis = orgs['wereldhuis-wvl'];
  const cresam = orgs.cresam;
  const setis = orgs['setis-wallon'];
  if (!wereldhuis || !cresam || !setis) return;
  // The platform key (the platform's seed hands the full secrets; a bare seed in a test may not, and then
  // the bookings carry no briefing, which is sealed).
  const key = (secrets as Partial<Secrets>).secretKey;
  const briefings = await sealedBriefings(trx, key ? ({ secretKey: key } as Secrets) : null, [
    [wereldhuis, 'Eerste gesprek over huisvesting na erkenning; de persoon spreekt geen Nederlands.'],
    [cresam, 'Entretien avec la psychologue de l’équipe mobile ; vocabulaire de la santé mentale.'],
    [wereldhuis, 'Uitleg over het inburgeringstraject.'],
  ]);
  const professional = users.professional_wereldhuis ?? null;
  const coordinator = users.coordinator_cresam ?? null;
  const interpreter = users.interpreter ?? null;

  const [tigrinya, pashto, past] = await trx
    .insertInto('interpreter_bookings')
    .values([
      {
        org_id: wereldhuis,
        language: 'tir',
        dialect: null,
        modality: 'phone',
        starts_at: at(2, 10),
        ends_at: at(2, 10, 45),
        phone: '+32 56 00 00 00',
        domain: 'social',
        gender_preference: 'female',
        briefing: briefings[0],
        external_service: 'Agentschap Integratie en Inburgering – Sociaal Tolken (fictief voorbeeld)',
        provider_reference: 'ST-DEMO-0001',
        cost_centre: 'AB-REF-VLG',
        created_by: professional,
      },
      {
        org_id: cresam,
        language: 'pus',
        dialect: null,
        modality: 'on_site',
        starts_at: at(5, 14),
        ends_at: at(5, 15, 30),
        place: 'CRéSaM, salle de consultation 2, Namur',
        domain: 'health',
        gender_preference: 'none',
        briefing: briefings[1],
        provider_org_id: setis,
        cost_centre: 'AB-REF-WAL',
        created_by: coordinator,
      },
      {
        org_id: wereldhuis,
        language: 'prs',
        dialect: null,
        modality: 'video',
        starts_at: at(-6, 9),
        ends_at: at(-6, 10),
        video_url: 'https://visio.wereldhuis.example/gesprek',
        domain: 'administrative',
        gender_preference: 'none',
        briefing: briefings[2],
        external_service: 'Agentschap Integratie en Inburgering – Sociaal Tolken (fictief voorbeeld)',
        cost_centre: 'AB-REF-VLG',
        created_by: professional,
      },
    ])
    .returning('id')
    .execute();
  const confirm = (id: string, name: string, by: string | null, more: Record<string, unknown> = {}) =>
    trx
      .updateTable('interpreter_bookings')
      .set({
        status: 'confirmed',
        interpreter_name: name,
        confirmed_at: new Date(),
        confirmed_by: by,
        ...more,
      })
      .where('id', '=', id)
      .execute();
  // The external interpreter's link was mailed at confirmation (the token is unknown to anyone here).
  await confirm(tigrinya!.id, 'Hiwet Tolk-Fictief', professional, {
    interpreter_email: 'tolk.tigrinya@sociaaltolken.example',
    external_token_hash: hashToken(randomToken()),
  });
  await confirm(pashto!.id, 'Yael Interprète', interpreter, { provider_reference: 'SETIS-DEMO-0427' });
  await confirm(past!.id, 'Farid Tolk-Fictief', professional, {
    interpreter_email: 'tolk.dari@sociaaltolken.example',
  });
  await trx
    .updateTable('interpreter_bookings')
    .set({
      status: 'done',
      feedback_rating: 4,
      feedback_comment: 'Duidelijke vertaling; de verbinding viel één keer weg.',
      feedback_flags: ['technical'],
      feedback_at: new Date(),
    })
    .where('id', '=', past!.id)
    .execute();
};
