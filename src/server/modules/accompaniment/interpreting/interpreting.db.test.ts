import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type {
  BookingDetail,
  BookingInput,
  BookingList,
} from '../../../../common/accompaniment/interpreting-schemas';
import { type Clock, civilDay } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * Interpreter bookings on both engines (issue 14): the Wereldhuis books a Tigrinya phone interpretation
 * from an external service and confirms it with the interpreter the service named, who gets a link that
 * opens that booking only, from 24 h before its start to its end (fixed clock); CRéSaM books from SeTIS
 * wallon, whose interpreter sees and answers it; the database keeps every other organisation out.
 */
describe.skipIf(!available)('interpreter bookings', () => {
  let t: TestApp;
  let wereldhuis: Client;
  let cresam: Client;
  let interpreter: Client;
  let lva: Client;
  // A clock the test moves: the server reads it for the link's window and the feedback.
  let now = new Date('2030-03-04T09:00:00Z');
  const clock: Clock = { now: () => new Date(now), today: () => civilDay(now) };
  const starts = new Date('2030-03-10T09:00:00Z');
  const ends = new Date('2030-03-10T09:45:00Z');
  const ids: Record<string, string> = {};
  const booking = (more: Partial<BookingInput> = {}): BookingInput => ({
    language: 'tir',
    dialect: null,
    modality: 'phone',
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    phone: '+32 56 11 22 33',
    domain: 'social',
    genderPreference: 'female',
    briefing: 'Eerste gesprek over huisvesting.',
    externalService: 'Sociaal Tolken (test)',
    costCentre: 'AB-VLG',
    ...more,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    wereldhuis = await t.login('begeleider@wereldhuis.example');
    cresam = await t.login('coordination@cresam.example');
    interpreter = await t.login('interprete@setis.example');
    lva = await t.login('accompagnement@lavieactive.example');
    const orgs = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('organisations').select(['id', 'short_name', 'name_fr']).execute(),
    );
    ids.setis = orgs.find((o) => o.short_name === 'SeTIS wallon')!.id;
    ids.wereldhuis = orgs.find((o) => o.name_fr === 'Wereldhuis West-Vlaanderen')!.id;
  });
  afterAll(async () => t?.close());

  it('refuses bad bookings with translated field errors', async () => {
    const url = '/api/accompaniment/interpreting/bookings';
    const noPhone = await wereldhuis.post(url, booking({ phone: null }));
    expect(noPhone.statusCode).toBe(400);
    expect(JSON.stringify(noPhone.json())).toContain('accompaniment.interpreting.errors.phone_required');
    const unknown = await wereldhuis.post(url, booking({ language: 'xxx' }));
    expect(JSON.stringify(unknown.json())).toContain('unknown_language');
    const both = await wereldhuis.post(url, booking({ providerOrgId: ids.setis }));
    expect(JSON.stringify(both.json())).toContain('one_provider');
    const backwards = await wereldhuis.post(url, booking({ endsAt: starts.toISOString() }));
    expect(JSON.stringify(backwards.json())).toContain('slot_order');
    const notProvider = await wereldhuis.post(
      url,
      booking({ externalService: null, providerOrgId: ids.wereldhuis }),
    );
    expect(notProvider.statusCode).toBe(400);
    // A peer ambassador does not book.
    const ambassador = await t.login('ambassadeur@wereldhuis.example');
    expect((await ambassador.post(url, booking())).statusCode).toBe(403);
  });

  it('books from an external service, confirms with its interpreter and mails the link only', async () => {
    const made = await wereldhuis.post('/api/accompaniment/interpreting/bookings', booking());
    expect(made.statusCode, made.body).toBe(201);
    ids.tigrinya = made.json().id;
    const url = `/api/accompaniment/interpreting/bookings/${ids.tigrinya}`;
    const before = (await wereldhuis.get(url)).json() as BookingDetail;
    expect(before).toMatchObject({ status: 'requested', actions: ['confirm', 'cancel'], asProvider: false });
    // No e-mail: a translated 400, nothing sent.
    const noMail = await wereldhuis.post(`${url}/actions`, {
      action: 'confirm',
      interpreterName: 'Hiwet Test',
    });
    expect(noMail.statusCode).toBe(400);
    await t.deliverMail();
    const confirmed = await wereldhuis.post(`${url}/actions`, {
      action: 'confirm',
      interpreterName: 'Hiwet Test',
      interpreterEmail: 'hiwet@tolken.example',
      providerReference: 'ST-1',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const mails = await t.deliverMail();
    const mail = mails.find((m) => m.to === 'hiwet@tolken.example')!;
    expect(mail.text).toMatch(/#token=[A-Za-z0-9_-]{20,}/);
    // Link only: neither the language, the number nor the briefing.
    expect(mail.text).not.toContain('+32 56');
    expect(mail.text).not.toContain('huisvesting');
    ids.token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // The outbox shows the link redacted.
    const outbox = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('to_address', '=', 'hiwet@tolken.example')
        .execute(),
    );
    expect(outbox[0]!.body_text).not.toContain(ids.token);
    const after = (await wereldhuis.get(url)).json() as BookingDetail;
    expect(after).toMatchObject({
      status: 'confirmed',
      interpreterName: 'Hiwet Test',
      externalLinkSent: true,
    });
    // The token is stored hashed only.
    const stored = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      sql<{ h: string }>`select encode(external_token_hash, 'hex') as h from interpreter_bookings
        where id = ${ids.tigrinya}`.execute(trx),
    );
    expect(stored.rows[0]!.h).not.toContain(Buffer.from(ids.token).toString('hex'));
  });

  it('opens the booking to the external interpreter from 24 h before the start until the end only', async () => {
    const open = (id: string, token: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/interpreting/bookings/${id}`,
        payload: { token },
        remoteAddress: '10.9.0.7',
      });
    now = new Date(starts.getTime() - 25 * 3600_000);
    const early = await open(ids.tigrinya!, ids.token!);
    expect(early.statusCode).toBe(404);
    now = new Date(starts.getTime() - 23 * 3600_000);
    const during = await open(ids.tigrinya!, ids.token!);
    expect(during.statusCode, during.body).toBe(200);
    expect(during.json()).toMatchObject({ language: 'tir', modality: 'phone', phone: '+32 56 11 22 33' });
    // The briefing is sealed with the booker's key, released on the link's own conditions (ADR 0037).
    expect(during.json().briefing).toBe('Eerste gesprek over huisvesting.');
    // Nothing of the person, the cost centre or the booker's users.
    expect(Object.keys(during.json()).sort()).toEqual(
      [
        'booker',
        'briefing',
        'dialect',
        'domain',
        'endsAt',
        'id',
        'interpreterName',
        'language',
        'modality',
        'phone',
        'place',
        'startsAt',
        'videoUrl',
      ].sort(),
    );
    now = new Date(starts.getTime() + 10 * 60_000);
    expect((await open(ids.tigrinya!, ids.token!)).statusCode).toBe(200);
    // The same refusal for a wrong token, another booking's id and after the end.
    const wrong = await open(ids.tigrinya!, `${ids.token!.slice(0, -2)}xx`);
    expect(wrong.statusCode).toBe(404);
    const demo = await withContext(t.deps.db, { scope: 'system' }, (trx) =>
      trx.selectFrom('interpreter_bookings').select('id').where('id', '<>', ids.tigrinya!).execute(),
    );
    const other = await open(demo[0]!.id, ids.token!);
    expect(other.statusCode).toBe(404);
    now = new Date(ends.getTime());
    const late = await open(ids.tigrinya!, ids.token!);
    expect(late.statusCode).toBe(404);
    expect(late.json().error.code).toBe(wrong.json().error.code);
    expect(other.json().error.code).toBe(wrong.json().error.code);
    // Each opening is audited in the booking organisation's chain.
    const audits = await sql<{ n: number; org: string }>`select count(*)::int as n, min(org_id::text) as org
      from audit.log where entity = 'interpreter_bookings' and entity_id = ${ids.tigrinya} and action = 'read'`.execute(
      t.db.engine.db,
    );
    expect(audits.rows[0]!.org).toBe(ids.wereldhuis);
    expect(audits.rows[0]!.n).toBe(2);
  });

  it('lets the booker record the outcome and the feedback after the start', async () => {
    const url = `/api/accompaniment/interpreting/bookings/${ids.tigrinya}`;
    now = new Date(starts.getTime() - 3600_000);
    expect((await wereldhuis.put(`${url}/feedback`, { rating: 4, flags: [] })).statusCode).toBe(409);
    expect((await wereldhuis.post(`${url}/actions`, { action: 'done' })).statusCode).toBe(409);
    now = new Date(ends.getTime() + 3600_000);
    expect((await wereldhuis.post(`${url}/actions`, { action: 'done' })).statusCode).toBe(200);
    const fb = await wereldhuis.put(`${url}/feedback`, { rating: 5, comment: 'Goed.', flags: ['technical'] });
    expect(fb.statusCode, fb.body).toBe(200);
    const d = (await wereldhuis.get(url)).json() as BookingDetail;
    expect(d).toMatchObject({ status: 'done', feedback: { rating: 5, flags: ['technical'] } });
  });

  it('addresses a booking to SeTIS wallon, whose interpreter sees and answers it (and no one else)', async () => {
    now = new Date('2030-03-04T09:00:00Z');
    const made = await cresam.post(
      '/api/accompaniment/interpreting/bookings',
      booking({
        language: 'pus',
        modality: 'on_site',
        phone: null,
        place: 'Namur, salle 2',
        externalService: null,
        providerOrgId: ids.setis,
        domain: 'health',
      }),
    );
    expect(made.statusCode, made.body).toBe(201);
    ids.pashto = made.json().id;
    const requested = await t.deliverMail();
    expect(requested.some((m) => m.to === 'interprete@setis.example')).toBe(true);
    expect(requested.find((m) => m.to === 'interprete@setis.example')!.text).not.toContain('Namur');
    const list = (
      await interpreter.get('/api/accompaniment/interpreting/bookings?view=provider')
    ).json() as BookingList;
    expect(list.items.map((i) => i.id)).toContain(ids.pashto);
    const url = `/api/accompaniment/interpreting/bookings/${ids.pashto}`;
    const seen = (await interpreter.get(url)).json() as BookingDetail;
    expect(seen).toMatchObject({
      asProvider: true,
      costCentre: null,
      person: null,
      actions: ['confirm', 'cancel'],
    });
    // Another organisation: the same 404 as an unknown booking, for reading and acting.
    expect((await wereldhuis.get(url)).statusCode).toBe(404);
    expect((await lva.post(`${url}/actions`, { action: 'cancel' })).statusCode).toBe(404);
    const mine = (await wereldhuis.get('/api/accompaniment/interpreting/bookings')).json() as BookingList;
    expect(mine.items.map((i) => i.id)).not.toContain(ids.pashto);
    // The booker may not confirm a booking addressed to a member service; its interpreter does.
    expect(
      (await cresam.post(`${url}/actions`, { action: 'confirm', interpreterName: 'X Y' })).statusCode,
    ).toBe(409);
    const ok = await interpreter.post(`${url}/actions`, {
      action: 'confirm',
      interpreterName: 'Yael Interprète',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const confirmed = await t.deliverMail();
    expect(confirmed.map((m) => m.to)).toContain('coordination@cresam.example');
  });

  it('prefills a booking from the interpreter need of a person of the caseload only', async () => {
    const ahmad = await sql<{
      id: string;
    }>`select id from persons where last_name = 'Exemple-Karimi'`.execute(t.db.engine.db);
    const url = `/api/accompaniment/interpreting/prefill?personId=${ahmad.rows[0]!.id}`;
    const r = await wereldhuis.get(url);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ language: 'prs', modality: 'phone', genderPreference: 'none' });
    expect((await cresam.get(url)).statusCode).toBe(404);
  });

  it('keeps the table to the booking and provider organisations in the database', async () => {
    const fx = referralFixtures(t);
    const lvaMember = await fx.member('accompagnement@lavieactive.example');
    const setisMember = await fx.member('interprete@setis.example');
    const cresamMember = await fx.member('coordination@cresam.example');
    const seen = await fx.asOrg(lvaMember, (trx) =>
      trx
        .selectFrom('interpreter_bookings')
        .select('id')
        .where('id', 'in', [ids.tigrinya!, ids.pashto!])
        .execute(),
    );
    expect(seen).toEqual([]);
    const changed = await fx.asOrg(lvaMember, (trx) =>
      trx
        .updateTable('interpreter_bookings')
        .set({ cost_centre: 'X' })
        .where('id', '=', ids.pashto!)
        .executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    await expect(
      fx.asOrg(lvaMember, (trx) =>
        trx
          .insertInto('interpreter_bookings')
          .values({
            org_id: cresamMember.orgId,
            language: 'tir',
            modality: 'phone',
            phone: '+32 1 23 45 67',
            starts_at: starts,
            ends_at: ends,
            domain: 'social',
            external_service: 'Forged',
          })
          .execute(),
      ),
    ).rejects.toThrow();
    // The provider answers, nothing more: it may not change the slot.
    await expect(
      fx.asOrg(setisMember, (trx) =>
        trx
          .updateTable('interpreter_bookings')
          .set({ place: 'Ailleurs' })
          .where('id', '=', ids.pashto!)
          .execute(),
      ),
    ).rejects.toThrow();
    const asProvider = await fx.asOrg(setisMember, (trx) =>
      trx.selectFrom('interpreter_bookings').select('id').where('id', '=', ids.pashto!).execute(),
    );
    expect(asProvider).toHaveLength(1);
  });
});
