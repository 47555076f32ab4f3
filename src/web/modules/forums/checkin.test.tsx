import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInView } from '../../../common/forums/attendance-schemas';
import { attendanceApi, forumsApi } from '../../../common/forums/endpoints';
import { eventCheckInLink, eventLink } from '../../../common/forums/links';
import type { EventDetail, RegistrationView } from '../../../common/forums/schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { forumsModule } from '.';

const SLOW = { timeout: 10_000 };
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ID = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const view = (more: Partial<CheckInView> = {}): CheckInView => ({
  id: ID,
  kind: 'awareness_session',
  titleFr: 'Vivre et se soigner de l’autre côté de la frontière',
  titleNl: 'Wonen en zorg aan de andere kant van de grens',
  startsAt: '2027-03-02T13:00:00.000Z',
  endsAt: '2027-03-02T15:00:00.000Z',
  venue: 'Salle polyvalente',
  status: 'published',
  open: true,
  expected: 2,
  present: 1,
  rows: [
    {
      id: A,
      name: 'Alice Exemple',
      email: 'a@mail.example',
      organisation: 'Main Tendue',
      status: 'confirmed',
      attendedAt: null,
    },
    {
      id: B,
      name: 'Bruno Présent',
      email: 'b@mail.example',
      organisation: null,
      status: 'attended',
      attendedAt: '2027-03-02T12:55:00.000Z',
    },
    {
      id: C,
      name: 'Chloé Attente',
      email: 'c@mail.example',
      organisation: 'Épicerie',
      status: 'waiting',
      attendedAt: null,
    },
  ],
  anonymous: { counts: [], codes: [] },
  ...more,
});

const checkIn = (answers: Parameters<typeof renderRoutes>[0]['answers'], hash = '') =>
  renderRoutes({
    routes: forumsModule.routes!,
    path: `${eventCheckInLink.href({ id: ID })}${hash}`,
    roles: ['volunteer_coordinator'],
    answers,
  });

describe('the check-in page', () => {
  it('shows the counters, finds people by name or organisation and marks present in one tap', async () => {
    const calls = checkIn(
      byEndpoint([attendanceApi.checkIn, view()], [attendanceApi.attendance, { ok: true }]),
    );
    expect(await screen.findByText('1 présents sur 2 attendus', {}, SLOW)).toBeTruthy();
    expect(screen.getByText(/Présent depuis/)).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: /Rechercher/ }), {
      target: { value: 'epicerie' },
    });
    const list = screen.getByRole('region', { name: 'Personnes attendues' });
    expect(within(list).queryByText('Alice Exemple')).toBeNull();
    expect(within(list).getByText('Chloé Attente')).toBeTruthy();
    expect(within(list).getByText('En liste d’attente')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: /Rechercher/ }), { target: { value: 'alice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Présent : Alice Exemple' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, attendanceApi.attendance))).toBe(true));
    const sent = calls.find((c) => isCall(c, attendanceApi.attendance))!;
    expect(sent.path).toBe(`/api/events/${ID}/registrations/${A}/attendance`);
    expect(sent.body).toEqual({ present: true });
  });

  it('opens a scanned QR code’s person at the top, ready to confirm, sending the code in a body', async () => {
    const calls = checkIn(
      byEndpoint(
        [attendanceApi.checkIn, view()],
        [attendanceApi.lookup, { registrationId: A }],
        [attendanceApi.attendance, { ok: true }],
      ),
      '#code=K7QW4M9XTR',
    );
    const found = await screen.findByRole('region', { name: 'Code QR lu' }, SLOW);
    expect(within(found).getByText('Alice Exemple')).toBeTruthy();
    const lookup = calls.find((c) => isCall(c, attendanceApi.lookup))!;
    expect(lookup.body).toEqual({ code: 'K7QW4M9XTR' });
    expect(lookup.url).not.toContain('K7QW4M9XTR');
    fireEvent.click(within(found).getByRole('button', { name: 'Présent : Alice Exemple' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, attendanceApi.attendance))).toBe(true));
  });

  it('says so when the code is unknown, and offers no button before check-in opens', async () => {
    checkIn(
      byEndpoint(
        [attendanceApi.checkIn, view({ open: false })],
        [
          attendanceApi.lookup,
          apiError(
            404,
            'forums.errors.unknown_code',
            'Ce code d’accueil ne correspond à aucune inscription.',
          ),
        ],
      ),
      '#code=ZZZZZZZZZZ',
    );
    expect(await screen.findByText(/Ce code d’accueil ne correspond/, {}, SLOW)).toBeTruthy();
    expect(screen.getByText('L’accueil ouvre 12 heures avant le début de l’événement.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Présent/ })).toBeNull();
  });

  it('records attendance without identities: counts by country and participant codes', async () => {
    const calls = checkIn(
      byEndpoint(
        // A session without registrations: only the attendance without identities.
        [attendanceApi.checkIn, view({ rows: [], expected: 0, present: 0 })],
        [
          attendanceApi.anonymous,
          { counts: [{ homeCountry: 'FR', participants: 9, firstTime: 9 }], codes: ['MOU-0412'] },
        ],
      ),
    );
    await screen.findByRole('heading', { name: 'Présences sans identité' }, SLOW);
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compter par pays de résidence' }));
    const fr = screen.getByRole('group', { name: 'Résidant en France' });
    fireEvent.change(within(fr).getByRole('textbox', { name: 'Participants' }), { target: { value: '9' } });
    fireEvent.change(within(fr).getByRole('textbox', { name: /première séance/ }), {
      target: { value: '9' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Codes de participant/ }), {
      target: { value: 'mou 0412\n\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les présences' }));
    expect(
      await screen.findByText(/Présences enregistrées : 9 participants comptés, 1 code/, {}, SLOW),
    ).toBeTruthy();
    expect(calls.find((c) => isCall(c, attendanceApi.anonymous))!.body).toEqual({
      counts: [{ homeCountry: 'FR', participants: 9, firstTime: 9 }],
      codes: ['mou 0412'],
    });
  });
});

const reg = (id: string, name: string, status: RegistrationView['status']): RegistrationView => ({
  id,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@mail.example`,
  organisation: name.startsWith('Chloé') ? 'Épicerie solidaire' : null,
  language: 'fr',
  accessibilityNeeds: null,
  consentContact: true,
  status,
  createdAt: '2027-02-01T10:00:00.000Z',
  cancelledAt: null,
  promotedAt: null,
});

const detail = (): EventDetail => ({
  id: ID,
  orgId: 'o1',
  organisation: 'CCAS de Lille',
  kind: 'thematic_forum',
  titleFr: 'Forum',
  titleNl: 'Forum',
  descriptionFr: null,
  descriptionNl: null,
  theme: null,
  // Started an hour ago: check-in is open.
  startsAt: new Date(Date.now() - 3600_000).toISOString(),
  endsAt: new Date(Date.now() + 3600_000).toISOString(),
  venue: 'Salle',
  onlineUrl: null,
  languages: ['fr'],
  interpreting: false,
  capacity: 2,
  audiences: ['professionals'],
  partners: [],
  programmeId: null,
  status: 'published',
  canEdit: true,
  counts: { confirmed: 1, waiting: 1, cancelled: 0, attended: 1 },
  registrations: [
    reg(A, 'Alice Exemple', 'confirmed'),
    reg(B, 'Bruno Présent', 'attended'),
    reg(C, 'Chloé Attente', 'waiting'),
  ],
});

describe('the organiser’s registrations on the event page', () => {
  it('searches, marks present, undoes and cancels for someone after asking', async () => {
    const calls = renderRoutes({
      routes: forumsModule.routes!,
      path: eventLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [forumsApi.get, detail()],
        [attendanceApi.attendance, { ok: true }],
        [attendanceApi.cancel, { ok: true }],
      ),
    });
    fireEvent.change(await screen.findByRole('searchbox', { name: /Rechercher/ }, SLOW), {
      target: { value: 'solidaire' },
    });
    const tables = screen.getAllByRole('table');
    expect(tables[0]!.textContent).not.toContain('Alice');
    expect(tables[1]!.textContent).toContain('Chloé Attente');
    fireEvent.change(screen.getByRole('searchbox', { name: /Rechercher/ }), { target: { value: '' } });
    expect(screen.getByRole('link', { name: 'Accueil des participants' }).getAttribute('href')).toBe(
      eventCheckInLink.href({ id: ID }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Présent : Alice Exemple' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler la présence : Bruno Présent' }));
    const confirm = vi.fn(() => true);
    window.confirm = confirm;
    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’inscription : Chloé Attente' }));
    expect((confirm.mock.calls[0] as unknown[])[0]).toMatch(/première personne en liste d’attente/);
    await waitFor(() => expect(calls.some((c) => isCall(c, attendanceApi.cancel))).toBe(true));
    expect(calls.find((c) => isCall(c, attendanceApi.cancel))!.path).toBe(
      `/api/events/${ID}/registrations/${C}/cancellation`,
    );
    const bodies = calls.filter((c) => isCall(c, attendanceApi.attendance)).map((c) => [c.path, c.body]);
    expect(bodies).toEqual([
      [`/api/events/${ID}/registrations/${A}/attendance`, { present: true }],
      [`/api/events/${ID}/registrations/${B}/attendance`, { present: false }],
    ]);
  });
});
