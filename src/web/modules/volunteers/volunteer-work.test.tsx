import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forumsApi } from '../../../common/forums/endpoints';
import type { EventList } from '../../../common/forums/schemas';
import { initiativesApi } from '../../../common/initiatives/endpoints';
import type { InitiativeList } from '../../../common/initiatives/schemas';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { volunteerEditLink, volunteerLink } from '../../../common/volunteers/links';
import type { VolunteerDetail } from '../../../common/volunteers/schemas';
import { setDate } from '../../testing/date-field';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { volunteersModule } from '.';

/** The coordinator's edit page, the assignment form's pickers, and the year's hours on the volunteer page. */

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000001';
const LILLE = { id: '00000000-0000-4000-8000-0000000000a1', nameFr: 'CCAS de Lille', nameNl: 'CCAS Rijsel' };
const MOUSCRON = {
  id: '00000000-0000-4000-8000-0000000000b2',
  nameFr: 'CPAS de Mouscron',
  nameNl: 'OCMW Moeskroen',
};
const EVENT = '00000000-0000-4000-8000-0000000000e1';
const INIT = '00000000-0000-4000-8000-0000000000f1';

const detail = (over: Partial<VolunteerDetail> = {}): VolunteerDetail => ({
  id: ID,
  name: 'Karim Exemple',
  email: 'karim@benevole.example',
  phone: null,
  languages: ['fr'],
  skills: ['digital_help'],
  availability: 'Samedi matin',
  status: 'active',
  consentGivenAt: '2026-01-10T10:00:00Z',
  validatedAt: '2026-01-12T09:00:00Z',
  coordinator: LILLE,
  benefitCentre: null,
  organisations: [],
  trainings: [
    { id: 't1', title: 'Accueil', followedOn: '2026-02-10', org: LILLE, canRemove: true },
    { id: 't2', title: 'Secourisme', followedOn: '2026-02-11', org: MOUSCRON, canRemove: false },
  ],
  declarations: [],
  assignments: [
    {
      id: 'a1',
      org: LILLE,
      eventId: EVENT,
      eventTitle: 'Forum transfrontalier',
      initiativeId: null,
      initiativeTitle: null,
      activityTitle: null,
      assignedOn: '2026-04-20',
      hours: 4.5,
      insured: true,
    },
    {
      id: 'a2',
      org: MOUSCRON,
      eventId: null,
      eventTitle: null,
      initiativeId: INIT,
      initiativeTitle: 'Jardin partagé',
      activityTitle: null,
      assignedOn: '2026-05-06',
      hours: 2,
      insured: true,
    },
  ],
  totalHours: 6.5,
  summary: {
    year: 2026,
    total: 6.5,
    byOrganisation: [
      { org: LILLE, hours: 4.5 },
      { org: MOUSCRON, hours: 2 },
    ],
    byActivity: [
      { kind: 'event', id: EVENT, title: 'Forum transfrontalier', hours: 4.5 },
      { kind: 'initiative', id: INIT, title: 'Jardin partagé', hours: 2 },
    ],
  },
  canManage: true,
  canAssign: true,
  ...over,
});

const orgOptions = [
  { id: LILLE.id, nameFr: LILLE.nameFr, nameNl: LILLE.nameNl, country: 'FR', kind: 'ccas' },
  { id: MOUSCRON.id, nameFr: MOUSCRON.nameFr, nameNl: MOUSCRON.nameNl, country: 'BE', kind: 'cpas' },
];

const summary = (over: Partial<EventList['items'][number]>): EventList['items'][number] => ({
  id: EVENT,
  kind: 'thematic_forum',
  title: 'Forum transfrontalier',
  organisation: 'CCAS de Lille',
  startsAt: '2026-04-20T08:00:00.000Z',
  endsAt: '2026-04-20T11:00:00.000Z',
  status: 'published',
  capacity: 30,
  counts: null,
  canEdit: true,
  ...over,
});
const events: EventList = {
  canCreate: true,
  items: [
    summary({
      id: '00000000-0000-4000-8000-0000000000e9',
      title: 'Ontmoeting Menen',
      canEdit: false,
      organisation: 'OCMW Menen',
    }),
    summary({}),
    summary({ id: '00000000-0000-4000-8000-0000000000e8', title: 'Forum annulé', status: 'cancelled' }),
  ],
};
const initiatives: InitiativeList = {
  canCreate: true,
  items: [
    {
      id: INIT,
      title: 'Jardin partagé',
      titleFr: 'Jardin partagé',
      titleNl: 'Gedeelde tuin',
      status: 'running',
      lead: { id: 'o1', name: 'CCAS de Lille', country: 'FR' },
      crossBorder: true,
      published: false,
      territories: [],
    },
  ],
};

const pick = async (field: RegExp, option: string | RegExp) => {
  fireEvent.click(await screen.findByRole('button', { name: field }, SLOW));
  fireEvent.click(await screen.findByRole('option', { name: option }, SLOW));
};

describe('the volunteer edit page', () => {
  it('sends the corrected record with its organisations, and refuses control characters before sending', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerEditLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([api.organisations, orgOptions], [api.get, detail()], [api.update, { ok: true }]),
    });
    const name = await screen.findByRole('textbox', { name: /Nom et prénom/ }, SLOW);
    expect((name as HTMLInputElement).value).toBe('Karim Exemple');
    // The coordinating organisation is not offered: it always is one.
    const orgs = within(screen.getByRole('group', { name: /Organisations avec lesquelles/ }));
    expect(orgs.queryByRole('checkbox', { name: 'CCAS de Lille' })).toBeNull();
    fireEvent.click(await orgs.findByRole('checkbox', { name: 'CPAS de Mouscron' }, SLOW));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Néerlandais' }));
    fireEvent.change(name, { target: { value: 'Karim\u0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(document.querySelector('.field-error')?.textContent).toBeTruthy());
    expect(calls.some((c) => isCall(c, api.update))).toBe(false);
    fireEvent.change(name, { target: { value: 'Karim Exemple-Martin' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Téléphone/ }), {
      target: { value: '+32 56 00 00 00' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.update) && c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => isCall(c, api.update))!.body).toEqual({
      name: 'Karim Exemple-Martin',
      email: 'karim@benevole.example',
      phone: '+32 56 00 00 00',
      languages: ['fr', 'nl'],
      skills: ['digital_help'],
      availability: 'Samedi matin',
      organisationIds: [MOUSCRON.id],
    });
    // Trainings: the organisation removes its own, not another's.
    expect(screen.queryByRole('button', { name: 'Retirer la formation « Secourisme »' })).toBeNull();
  });

  it('removes a training and shows the translated refusal of a bad edit', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerEditLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [api.organisations, orgOptions],
        [api.removeTraining, { ok: true }],
        [api.get, detail()],
        [
          api.update,
          apiError(400, 'volunteers.work.errors.name_blank', 'Indiquez le nom (au moins 2 caractères).'),
        ],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer la formation « Accueil »' }, SLOW));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.removeTraining))).toBe(true));
    expect(calls.find((c) => isCall(c, api.removeTraining))!.path).toBe(`/api/volunteers/${ID}/trainings/t1`);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await screen.findByText('Indiquez le nom (au moins 2 caractères).', {}, SLOW)).toBeTruthy();
  });

  it('tells an organisation the volunteer works with that only the coordinator edits', async () => {
    renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerEditLink.href({ id: ID }),
      language: 'nl',
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([api.get, detail({ canManage: false })]),
    });
    expect(
      await screen.findByText(/Alleen de organisatie die deze vrijwilliger coördineert/, {}, SLOW),
    ).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Naam/ })).toBeNull();
  });
});

describe('the assignment form and the year’s hours', () => {
  it('offers the organisation’s events first, without cancelled ones, and sends the event with the hours', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [api.organisations, orgOptions],
        [forumsApi.list, events],
        [api.get, detail()],
        [api.assign, { id: 'new', insured: false }],
      ),
    });
    // The page: the edit link, the assignments' links and this year's hours.
    expect((await screen.findByRole('link', { name: 'Modifier' }, SLOW)).getAttribute('href')).toBe(
      volunteerEditLink.href({ id: ID }),
    );
    expect(screen.getAllByRole('link', { name: 'Forum transfrontalier' })[0]!.getAttribute('href')).toBe(
      `/app/events/${EVENT}`,
    );
    expect(screen.getAllByRole('link', { name: 'Jardin partagé' })[0]!.getAttribute('href')).toBe(
      `/app/initiatives/${INIT}`,
    );
    expect(screen.getByRole('heading', { name: 'Heures en 2026' })).toBeTruthy();
    expect(screen.getByText('Total 2026 : 6,5 h')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle mission' }));
    await screen.findByText(/Les événements de votre organisation d’abord/, {}, SLOW);
    fireEvent.click(await screen.findByRole('button', { name: /Événement/ }, SLOW));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Forum transfrontalier — CCAS de Lille/),
      expect.stringMatching(/^Ontmoeting Menen — OCMW Menen/),
    ]);
    fireEvent.click(options[0]!);
    fireEvent.change(screen.getByRole('textbox', { name: /Heures/ }), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(
        /positif, en quarts d’heure .*au plus 24 h/,
        { selector: '.field-error' },
        SLOW,
      ),
    ).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.assign))).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: /Heures/ }), { target: { value: '4,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.assign))).toBe(true));
    // The event's day was filled in.
    expect(calls.find((c) => isCall(c, api.assign))!.body).toEqual({
      eventId: EVENT,
      assignedOn: '2026-04-20',
      hours: 4.5,
    });
    expect(await screen.findByText(/n’a pas d’assurance responsabilité civile/, {}, SLOW)).toBeTruthy();
  });

  it('sends an initiative alone, and shows the refusal when the organisation takes no part (Dutch)', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerLink.href({ id: ID }),
      language: 'nl',
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [api.organisations, orgOptions],
        [initiativesApi.list, initiatives],
        [api.get, detail()],
        [
          api.assign,
          apiError(
            400,
            'volunteers.work.errors.initiative_not_taking_part',
            'Uw organisatie trekt dit initiatief niet en is er geen partner van.',
          ),
        ],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe inzet' }, SLOW));
    await pick(/Onderwerp van de inzet/, 'Een solidariteitsinitiatief');
    // The list has come: the field says which initiatives come first.
    await screen.findByText(/Eerst de initiatieven die uw organisatie trekt/, {}, SLOW);
    await pick(/Initiatief/, /^Gedeelde tuin — CCAS de Lille/);
    fireEvent.change(screen.getByRole('textbox', { name: /Uren/ }), { target: { value: '2' } });
    await setDate(/^Datum/, '2026-05-06');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText(/trekt dit initiatief niet/, {}, SLOW)).toBeTruthy();
    expect(calls.find((c) => isCall(c, api.assign))!.body).toEqual({
      initiativeId: INIT,
      assignedOn: '2026-05-06',
      hours: 2,
    });
  });
});
