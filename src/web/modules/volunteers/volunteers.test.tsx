import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { volunteersApi as api, publicVolunteersApi as pub } from '../../../common/volunteers/endpoints';
import { volunteerLink, volunteerRegisterLink, volunteersLink } from '../../../common/volunteers/links';
import type { VolunteerDetail, VolunteerPage } from '../../../common/volunteers/schemas';
import { setDate } from '../../testing/date-field';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { volunteersModule } from '.';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000001';
const LILLE = { id: '00000000-0000-4000-8000-0000000000a1', nameFr: 'CCAS de Lille', nameNl: 'CCAS Rijsel' };
const MOUSCRON = {
  id: '00000000-0000-4000-8000-0000000000b2',
  nameFr: 'CPAS de Mouscron',
  nameNl: 'OCMW Moeskroen',
};

const page: VolunteerPage = {
  items: [
    {
      id: ID,
      name: 'Léa Fictive-Desmet',
      email: 'lea@benevole.example',
      languages: ['fr', 'nl'],
      skills: ['interpreting'],
      status: 'pending',
      coordinator: LILLE,
      createdAt: '2026-01-10T10:00:00Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 25,
};

const detail = (over: Partial<VolunteerDetail> = {}): VolunteerDetail => ({
  id: ID,
  name: 'Léa Fictive-Desmet',
  email: 'lea@benevole.example',
  phone: null,
  languages: ['fr', 'nl'],
  skills: ['interpreting'],
  availability: 'Mardi après-midi',
  status: 'active',
  consentGivenAt: '2026-01-10T10:00:00Z',
  validatedAt: '2026-01-12T09:00:00Z',
  coordinator: LILLE,
  benefitCentre: MOUSCRON,
  organisations: [],
  trainings: [],
  declarations: [
    {
      id: 'd1',
      centre: MOUSCRON,
      declaredOn: '2026-02-02',
      acknowledgedBy: 'Maxime Bénévolat',
      acknowledgedAt: '2026-02-02T10:00:00Z',
    },
  ],
  assignments: [
    {
      id: 'a1',
      org: LILLE,
      eventId: null,
      eventTitle: null,
      initiativeId: null,
      initiativeTitle: null,
      activityTitle: 'Permanence d’accès aux droits',
      assignedOn: '2026-02-14',
      hours: 3,
      insured: true,
    },
    {
      id: 'a2',
      org: LILLE,
      eventId: null,
      eventTitle: null,
      initiativeId: null,
      initiativeTitle: null,
      activityTitle: 'Accompagnement',
      assignedOn: '2026-03-05',
      hours: 2.5,
      insured: false,
    },
  ],
  totalHours: 5.5,
  summary: {
    year: 2026,
    total: 5.5,
    byOrganisation: [{ org: LILLE, hours: 5.5 }],
    byActivity: [
      { kind: 'activity', id: null, title: 'Permanence d’accès aux droits', hours: 3 },
      { kind: 'activity', id: null, title: 'Accompagnement', hours: 2.5 },
    ],
  },
  canManage: true,
  canAssign: true,
  ...over,
});

describe('the volunteer registry', () => {
  it('lists volunteers with their status and filters them in the address', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteersLink.href(undefined, { language: 'nl' }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([api.list, page]),
    });
    expect(await screen.findByRole('link', { name: 'Léa Fictive-Desmet' }, SLOW)).toBeTruthy();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('À valider')).toBeTruthy();
    expect(table.getByText('Français, Néerlandais')).toBeTruthy();
    expect(table.getByText('Interprétariat')).toBeTruthy();
    expect(table.getByText('CCAS de Lille')).toBeTruthy();
    const sent = calls.find((c) => isCall(c, api.list))!;
    expect(sent.query.get('language')).toBe('nl');
    expect(sent.query.get('status')).toBeNull();
  });

  it('shows the declaration, the hours, and the translated refusal when the rule blocks an assignment', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        // Before api.get, whose /api/volunteers/:id pattern would match it too.
        [api.organisations, []],
        [api.get, detail()],
        [
          api.assign,
          apiError(
            400,
            'volunteers.registry.errors.declaration_missing',
            'Mission refusée : déclaration manquante.',
          ),
        ],
      ),
    });
    expect(await screen.findByRole('heading', { name: 'Léa Fictive-Desmet', level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByText(/Perçoit une aide – centre : CPAS de Mouscron/)).toBeTruthy();
    expect(
      screen.getByText(/Déclaré à CPAS de Mouscron le .*2026, enregistré par Maxime Bénévolat/),
    ).toBeTruthy();
    expect(screen.getByText('Total : 5,5 h')).toBeTruthy();
    expect(screen.getByText('Pas d’assurance valide ce jour-là')).toBeTruthy();
    // Active: only deactivation is offered.
    expect(screen.getByRole('button', { name: 'Désactiver' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Valider l’inscription' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Nouvelle mission' }));
    fireEvent.click(await screen.findByRole('button', { name: /Objet de la mission/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Une autre activité' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /Intitulé de l’activité/ }), {
      target: { value: 'Permanence' },
    });
    await setDate(/^Date/, '2026-02-01');
    fireEvent.change(screen.getByRole('textbox', { name: /Heures/ }), { target: { value: '2,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Mission refusée : déclaration manquante.', {}, SLOW)).toBeTruthy();
    const sent = calls.find((c) => isCall(c, api.assign))!;
    expect(sent.body).toEqual({ activityTitle: 'Permanence', assignedOn: '2026-02-01', hours: 2.5 });
  });

  it('offers validation of a pending registration to the coordinating organisation only', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [api.organisations, []],
        [api.get, detail({ status: 'pending', validatedAt: null, canAssign: false })],
        [api.status, { ok: true }],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Valider l’inscription' }, SLOW));
    await waitFor(() =>
      expect(calls.find((c) => isCall(c, api.status))?.body).toEqual({ action: 'validate' }),
    );
    expect(screen.queryByRole('button', { name: 'Nouvelle mission' })).toBeNull();
    cleanup();
    renderRoutes({
      routes: volunteersModule.routes!,
      path: volunteerLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [api.organisations, []],
        [api.get, detail({ status: 'pending', canManage: false, canAssign: false })],
      ),
    });
    await screen.findByRole('heading', { name: 'Léa Fictive-Desmet', level: 1 }, SLOW);
    expect(screen.queryByRole('button', { name: 'Valider l’inscription' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer la déclaration' })).toBeNull();
  });
});

describe('the public “become a volunteer” form', () => {
  it('speaks Dutch on request, refuses without consent, and thanks whatever the answer', async () => {
    const calls = renderRoutes({
      routes: volunteersModule.publicRoutes!,
      path: volunteerRegisterLink.href(undefined, { lang: 'nl' }),
      answers: byEndpoint(
        [
          pub.organisations,
          [{ id: LILLE.id, nameFr: LILLE.nameFr, nameNl: LILLE.nameNl, country: 'FR', kind: 'ccas' }],
        ],
        [pub.register, { ok: true }],
      ),
    });
    expect(await screen.findByRole('heading', { name: 'Vrijwilliger worden' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Français' }).getAttribute('href')).toBe('/volunteer?lang=fr');
    fireEvent.change(screen.getByRole('textbox', { name: /Naam en voornaam/ }), {
      target: { value: 'Inès Fictive' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /E-mailadres/ }), {
      target: { value: 'ines@benevole.example' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Nederlands' }));
    fireEvent.click(screen.getByRole('button', { name: /Organisatie waarbij/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'CCAS Rijsel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Inschrijving versturen' }));
    // No consent: nothing sent.
    await waitFor(() => expect(document.querySelector('p.field-error')).not.toBeNull());
    expect(calls.some((c) => isCall(c, pub.register))).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: /Ik ga ermee akkoord/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Inschrijving versturen' }));
    expect(await screen.findByText('Bedankt!', {}, SLOW)).toBeTruthy();
    const sent = calls.find((c) => isCall(c, pub.register))!;
    expect(sent.body).toMatchObject({
      name: 'Inès Fictive',
      email: 'ines@benevole.example',
      languages: ['nl'],
      orgId: LILLE.id,
      consent: true,
    });
    expect((sent.body as Record<string, unknown>).website).toBeUndefined();
  });
});
