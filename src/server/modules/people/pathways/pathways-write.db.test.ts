import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAvailable } from '../../../../../test/support/engine';
import { civilDay } from '../../../../common/kernel/clock';
import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { t } from '../../../platform/i18n';
import { type Fixture, KORTRIJK_REFERENT, MOUSCRON_ADMIN, MOUSCRON_REFERENT, openFixture } from './fixtures';

const available = await engineAvailable();
type Fields = Array<{ path: string; code: string; message: string }>;
const fieldsOf = (r: { json: () => { error: { fields?: Fields } } }) =>
  (r.json().error.fields ?? []).map((f) => [f.path, f.code]);
// Days as the staff live them (Europe/Brussels), like the app's clock: in UTC, the hour after midnight
// Brussels time was still yesterday and these tests failed then.
const daysAgo = (n: number) => civilDay(new Date(Date.now() - n * 86_400_000));

describe.skipIf(!available)('pathways API: starting and following a pathway', () => {
  let f: Fixture;
  let p: PathwayDetail;
  beforeAll(async () => {
    f = await openFixture();
  });
  afterAll(async () => f?.app.close());

  const tables = ['pathways', 'pathway_objectives', 'pathway_actions', 'pathway_notes', 'pathway_mobility'];
  const counts = async () => Promise.all(tables.map((x) => f.count(x)));

  it('starts with no pathway and refuses invalid input with translated errors, writing nothing', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const list = await c.get(`/api/people/${f.persons.mouscron}/pathways`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [] });
    const before = await counts();

    const schema = await c.post(`/api/people/${f.persons.mouscron}/pathways`, {
      modules: [],
      referentUserIds: [],
    });
    expect(schema.statusCode).toBe(400);
    expect(fieldsOf(schema).sort()).toEqual([
      ['entryOn', 'validation.required'],
      ['modules', 'validation.min_items'],
      ['referentUserIds', 'validation.min_items'],
    ]);

    // The org admin of Mouscron holds neither referent nor coordinator role; Kortrijk's referent is elsewhere.
    const members = await c.post(`/api/people/${f.persons.mouscron}/pathways`, {
      entryOn: daysAgo(90),
      modules: ['placement', 'social_insertion'],
      referentUserIds: [f.users.mouscronReferent, f.users.mouscronAdmin, f.users.kortrijkReferent],
    });
    expect(members.statusCode).toBe(400);
    const fields = members.json().error.fields as Fields;
    expect(fields.map((x) => [x.path, x.code])).toEqual([
      ['referentUserIds.1', 'people.pathways.errors.referent_not_member'],
      ['referentUserIds.2', 'people.pathways.errors.referent_not_member'],
    ]);
    // The test client asks for English, but a signed-in user's own language (French) wins.
    expect(fields[0]!.message).toBe(t('fr', 'people.pathways.errors.referent_not_member'));
    expect(fields[0]!.message).not.toBe('people.pathways.errors.referent_not_member');

    const programme = await f.programme('FAMI Charleroi–Binche');
    const notPartner = await c.post(`/api/people/${f.persons.mouscron}/pathways`, {
      entryOn: daysAgo(90),
      modules: ['activation_volunteering'],
      referentUserIds: [f.users.mouscronReferent],
      programmeId: programme,
    });
    expect(fieldsOf(notPartner)).toEqual([['programmeId', 'people.pathways.errors.programme_not_partner']]);
    expect(await counts()).toEqual(before);
  });

  it('refuses writes to a role that may only read', async () => {
    const admin = await f.app.login(MOUSCRON_ADMIN);
    const r = await admin.post(`/api/people/${f.persons.mouscron2}/pathways`, {
      entryOn: daysAgo(10),
      modules: ['placement'],
      referentUserIds: [f.users.mouscronReferent],
    });
    expect(r.statusCode).toBe(403);
    expect((await admin.get(`/api/people/${f.persons.mouscron2}/pathways`)).statusCode).toBe(200);
  });

  it('starts a pathway, one open at a time', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const r = await c.post(`/api/people/${f.persons.mouscron2}/pathways`, {
      entryOn: daysAgo(90),
      modules: ['placement', 'social_insertion'],
      referentUserIds: [f.users.mouscronReferent],
      programmeId: await f.programme('SAM-E'),
    });
    expect(r.statusCode).toBe(201);
    p = r.json();
    expect(p).toMatchObject({
      personId: f.persons.mouscron2,
      person: { firstName: 'Marc' },
      modules: ['placement', 'social_insertion'],
      referents: [{ id: f.users.mouscronReferent, displayName: 'Sacha Référente' }],
      programme: { acronym: 'SAM-E' },
      exitOn: null,
      objectives: [],
      notes: [],
      mobility: [],
      canManage: true,
      summary: { objectivesTotal: 0, currentRadiusKm: null, goalReached: false },
    });
    const again = await c.post(`/api/people/${f.persons.mouscron2}/pathways`, {
      entryOn: daysAgo(5),
      modules: ['placement'],
      referentUserIds: [f.users.mouscronReferent],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('people.pathways.errors.already_open');
  });

  it('adds objectives and actions and moves them along the allowed statuses', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const before = await counts();
    const blank = await c.post(`/api/pathways/${p.id}/objectives`, { title: '   ' });
    expect(fieldsOf(blank)).toEqual([['title', 'validation.min_length']]);
    expect(await counts()).toEqual(before);

    let r = await c.post(`/api/pathways/${p.id}/objectives`, {
      title: 'Se déplacer seule en bus',
      dueOn: daysAgo(-60),
    });
    expect(r.statusCode).toBe(201);
    const objective = (r.json() as PathwayDetail).objectives[0]!;
    expect(objective).toMatchObject({ status: 'planned', actions: [] });
    r = await c.post(`/api/objectives/${objective.id}/actions`, { title: 'Trajet accompagné' });
    expect(r.statusCode).toBe(201);
    const action = (r.json() as PathwayDetail).objectives[0]!.actions[0]!;

    r = await c.patch(`/api/actions/${action.id}`, { status: 'done' });
    expect(r.json().objectives[0].actions[0]).toMatchObject({ status: 'done', doneOn: daysAgo(0) });
    const future = await c.patch(`/api/actions/${action.id}`, { doneOn: daysAgo(-3) });
    expect(fieldsOf(future)).toEqual([['doneOn', 'people.pathways.errors.future_date']]);
    const skip = await c.patch(`/api/actions/${action.id}`, { status: 'cancelled' });
    expect(fieldsOf(skip)).toEqual([['status', 'people.pathways.errors.transition']]);

    r = await c.patch(`/api/objectives/${objective.id}`, { status: 'achieved' });
    expect(r.statusCode).toBe(200);
    expect(r.json().summary).toMatchObject({
      objectivesTotal: 1,
      objectivesAchieved: 1,
      actionsTotal: 1,
      actionsDone: 1,
    });
    const back = await c.patch(`/api/objectives/${objective.id}`, { status: 'planned' });
    expect(back.statusCode).toBe(400);
    expect(fieldsOf(back)).toEqual([['status', 'people.pathways.errors.transition']]);

    r = await c.post(`/api/pathways/${p.id}/objectives`, { title: 'Objectif saisi par erreur' });
    const mistaken = (r.json() as PathwayDetail).objectives[1]!;
    r = await c.del(`/api/objectives/${mistaken.id}`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as PathwayDetail).objectives.map((o) => o.id)).toEqual([objective.id]);
  });

  it('keeps a dated timeline of notes, newest first, with confidential ones marked', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const before = await f.count('pathway_notes');
    const bad = await c.post(`/api/pathways/${p.id}/notes`, { notedOn: daysAgo(-1), body: '  ' });
    expect(fieldsOf(bad).sort()).toEqual([
      ['body', 'validation.min_length'],
      ['notedOn', 'people.pathways.errors.future_date'],
    ]);
    expect(await f.count('pathway_notes')).toBe(before);
    await c.post(`/api/pathways/${p.id}/notes`, { notedOn: daysAgo(30), body: 'Premier entretien.' });
    const r = await c.post(`/api/pathways/${p.id}/notes`, {
      notedOn: daysAgo(2),
      body: 'Dettes évoquées.',
      confidential: true,
    });
    expect(r.statusCode).toBe(201);
    const list = await c.get(`/api/pathways/${p.id}/notes`);
    expect(
      list
        .json()
        .items.map((n: { body: string; confidential: boolean; editable: boolean }) => [
          n.body,
          n.confidential,
          n.editable,
        ]),
    ).toEqual([
      ['Dettes évoquées.', true, true],
      ['Premier entretien.', false, true],
    ]);
  });

  it('records mobility within the pathway and says when the goal is reached', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const early = await c.post(`/api/pathways/${p.id}/mobility`, {
      recordedOn: daysAgo(91),
      radiusKm: 5,
      crossedBorder: false,
    });
    expect(fieldsOf(early)).toEqual([['recordedOn', 'people.pathways.errors.before_entry']]);
    const far = await c.post(`/api/pathways/${p.id}/mobility`, {
      recordedOn: daysAgo(1),
      radiusKm: 900,
      crossedBorder: false,
    });
    expect(fieldsOf(far)).toEqual([['radiusKm', 'validation.maximum']]);
    await c.post(`/api/pathways/${p.id}/mobility`, {
      recordedOn: daysAgo(80),
      radiusKm: 5,
      crossedBorder: false,
    });
    let r = await c.post(`/api/pathways/${p.id}/mobility`, {
      recordedOn: daysAgo(40),
      radiusKm: 15,
      crossedBorder: true,
    });
    expect(r.json().summary).toMatchObject({ currentRadiusKm: 15, crossedBorder: true, goalReached: false });
    r = await c.post(`/api/pathways/${p.id}/mobility`, {
      recordedOn: daysAgo(3),
      radiusKm: 32,
      crossedBorder: true,
      note: 'Seule jusqu’à Roubaix',
    });
    const d = r.json() as PathwayDetail;
    expect(d.mobility.map((m) => m.radiusKm)).toEqual([32, 15, 5]);
    expect(d.summary).toMatchObject({
      currentRadiusKm: 32,
      firstBorderCrossingOn: daysAgo(40),
      goalReached: true,
      goalReachedOn: daysAgo(3),
    });
  });

  it('closes with an exit date on or after entry and a reason, then freezes the plan until reopened', async () => {
    const c = await f.app.login(MOUSCRON_REFERENT);
    const early = await c.patch(`/api/pathways/${p.id}`, { exitOn: daysAgo(100), exitReason: 'Emploi' });
    expect(fieldsOf(early)).toEqual([
      ['exitOn', 'validation.date_order'],
      ['exitOn', 'people.pathways.errors.mobility_outside'],
    ]);
    const noReason = await c.patch(`/api/pathways/${p.id}`, { exitOn: daysAgo(1) });
    expect(fieldsOf(noReason)).toEqual([['exitReason', 'validation.required']]);
    const beforeRecords = await c.patch(`/api/pathways/${p.id}`, {
      exitOn: daysAgo(10),
      exitReason: 'Emploi',
    });
    expect(fieldsOf(beforeRecords)).toEqual([['exitOn', 'people.pathways.errors.mobility_outside']]);
    const referents = await c.patch(`/api/pathways/${p.id}`, { referentUserIds: [f.users.kortrijkReferent] });
    expect(fieldsOf(referents)).toEqual([
      ['referentUserIds.0', 'people.pathways.errors.referent_not_member'],
    ]);

    let r = await c.patch(`/api/pathways/${p.id}`, {
      exitOn: daysAgo(0),
      exitReason: 'CDD de six mois',
      modules: ['placement'],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      exitOn: daysAgo(0),
      exitReason: 'CDD de six mois',
      modules: ['placement'],
    });
    const closed = await c.post(`/api/pathways/${p.id}/objectives`, { title: 'Trop tard' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe(t('fr', 'people.pathways.errors.closed'));
    // Notes stay possible after exit (follow-up).
    expect(
      (await c.post(`/api/pathways/${p.id}/notes`, { notedOn: daysAgo(0), body: 'Suivi après sortie.' }))
        .statusCode,
    ).toBe(201);
    r = await c.patch(`/api/pathways/${p.id}`, { exitOn: null });
    expect(r.json()).toMatchObject({ exitOn: null, exitReason: null });
  });

  it('refuses malformed ids (400, the one Uuid check) and answers 404, never 500, to unknown ones', async () => {
    const c = await f.app.login(KORTRIJK_REFERENT);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of ['/api/pathways/abc', '/api/people/abc/pathways', '/api/pathways/1/notes'])
      expect((await c.get(url)).statusCode, url).toBe(400);
    for (const url of [
      `/api/pathways/${unknown}`,
      `/api/people/${unknown}/pathways`,
      `/api/pathways/${unknown}/notes`,
    ])
      expect((await c.get(url)).statusCode, url).toBe(404);
    for (const url of ['/api/objectives/abc', '/api/actions/abc'])
      expect((await c.patch(url, { title: 'Valide' })).statusCode, url).toBe(400);
    for (const url of [`/api/objectives/${unknown}`, `/api/actions/${unknown}`])
      expect((await c.patch(url, { title: 'Valide' })).statusCode, url).toBe(404);
    expect((await c.patch('/api/notes/abc', { body: 'Valide' })).statusCode).toBe(400);
    expect((await c.patch(`/api/notes/${unknown}`, { body: 'Valide' })).statusCode).toBe(404);
    expect((await c.del('/api/objectives/abc')).statusCode).toBe(400);
    expect((await c.del(`/api/objectives/${unknown}`)).statusCode).toBe(404);
    expect((await c.post('/api/objectives/x/actions', { title: 'Valide' })).statusCode).toBe(400);
    expect(
      (
        await c.post(`/api/pathways/${unknown}/mobility`, {
          recordedOn: daysAgo(0),
          radiusKm: 3,
          crossedBorder: false,
        })
      ).statusCode,
    ).toBe(404);
  });
});
