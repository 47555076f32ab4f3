import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forumsApi as api, publicForumsApi as pub } from '../../../common/forums/endpoints';
import { eventLink, publicEventLink } from '../../../common/forums/links';
import type { EventDetail, PublicEventView, RegistrationView } from '../../../common/forums/schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { forumsModule } from '.';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const ID = '00000000-0000-4000-8000-000000000001';

const publicEvent = (more: Partial<PublicEventView> = {}): PublicEventView => ({
  id: ID,
  language: 'nl',
  kind: 'thematic_forum',
  title: 'Thematisch forum: vrijwilligers en toegang tot rechten',
  description: 'Tweede forum van het netwerk.',
  theme: 'Toegang tot rechten',
  organisation: 'CCAS Lille',
  partners: ['OCMW Kortrijk'],
  startsAt: '2027-03-02T08:00:00.000Z',
  endsAt: '2027-03-02T12:00:00.000Z',
  venue: 'Voorbeeldstraat 1, Kortrijk',
  onlineUrl: null,
  languages: ['fr', 'nl'],
  interpreting: true,
  audiences: ['professionals', 'volunteers'],
  status: 'published',
  full: true,
  open: true,
  ...more,
});

const reg = (id: string, name: string, status: RegistrationView['status']): RegistrationView => ({
  id,
  name,
  email: `${id}@mail.example`,
  organisation: null,
  language: 'fr',
  accessibilityNeeds: null,
  consentContact: true,
  status,
  createdAt: '2027-02-01T10:00:00.000Z',
  cancelledAt: status === 'cancelled' ? '2027-02-02T10:00:00.000Z' : null,
  promotedAt: null,
});

const detail = (more: Partial<EventDetail> = {}): EventDetail => ({
  id: ID,
  orgId: 'o1',
  organisation: 'CCAS de Lille',
  kind: 'thematic_forum',
  titleFr: 'Forum thématique : bénévoles et accès aux droits',
  titleNl: 'Thematisch forum: vrijwilligers en toegang tot rechten',
  descriptionFr: null,
  descriptionNl: null,
  theme: null,
  startsAt: '2027-03-02T08:00:00.000Z',
  endsAt: '2027-03-02T12:00:00.000Z',
  venue: 'Voorbeeldstraat 1, Kortrijk',
  onlineUrl: null,
  languages: ['fr', 'nl'],
  interpreting: true,
  capacity: 2,
  audiences: ['professionals'],
  partners: [{ id: 'o2', name: 'OCMW Kortrijk' }],
  programmeId: null,
  status: 'published',
  canEdit: true,
  counts: { confirmed: 2, waiting: 2, cancelled: 1, attended: 0 },
  registrations: [
    reg('a', 'Alice Exemple', 'confirmed'),
    reg('b', 'Bruno Exemple', 'cancelled'),
    reg('c', 'Chloé Exemple', 'confirmed'),
    reg('d', 'David Exemple', 'waiting'),
    reg('e', 'Emma Exemple', 'waiting'),
  ],
  ...more,
});

describe('an event’s public page', () => {
  it('shows the event in Dutch and registers without an account, with the honeypot left empty', async () => {
    const calls = renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: publicEventLink.href({ id: ID }, { lang: 'nl' }),
      answers: byEndpoint([pub.get, publicEvent()], [pub.register, { received: true }]),
    });
    expect(await screen.findByRole('heading', { name: publicEvent().title, level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByText(/Het evenement is volzet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Français' }).getAttribute('href')).toBe(`/events/${ID}?lang=fr`);
    expect(calls.find((c) => isCall(c, pub.get))!.query.get('lang')).toBe('nl');
    fireEvent.change(screen.getByRole('textbox', { name: /Naam/ }), { target: { value: 'Jan Voorbeeld' } });
    fireEvent.change(screen.getByRole('textbox', { name: /E-mailadres/ }), {
      target: { value: 'jan@mail.example' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /contacteren/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Inschrijven op de wachtlijst' }));
    expect(await screen.findByText(/Bedankt! Uw aanvraag is geregistreerd/, {}, SLOW)).toBeTruthy();
    const sent = calls.find((c) => isCall(c, pub.register))!;
    expect(sent.path).toBe(`/api/public/events/${ID}/registrations`);
    expect(sent.body).toEqual({
      name: 'Jan Voorbeeld',
      email: 'jan@mail.example',
      organisation: null,
      language: 'nl',
      accessibilityNeeds: null,
      consentContact: true,
      website: '',
    });
  });

  it('shows a refusal in the page’s language, not the shell’s', async () => {
    renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: publicEventLink.href({ id: ID }, { lang: 'nl' }),
      answers: byEndpoint(
        [pub.get, publicEvent()],
        // The server words it in the shell's language (French here).
        [
          pub.register,
          apiError(409, 'forums.errors.closed', 'Les inscriptions à cet événement sont closes.'),
        ],
      ),
    });
    await screen.findByRole('heading', { name: publicEvent().title, level: 1 }, SLOW);
    fireEvent.change(screen.getByRole('textbox', { name: /Naam/ }), { target: { value: 'Jan Voorbeeld' } });
    fireEvent.change(screen.getByRole('textbox', { name: /E-mailadres/ }), {
      target: { value: 'jan@mail.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inschrijven op de wachtlijst' }));
    expect(
      await screen.findByText(/De inschrijvingen voor dit evenement zijn afgesloten/, {}, SLOW),
    ).toBeTruthy();
  });

  it('offers no form once registration is closed', async () => {
    renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: publicEventLink.href({ id: ID }, { lang: 'fr' }),
      answers: byEndpoint([pub.get, publicEvent({ language: 'fr', title: 'Forum passé', open: false })]),
    });
    expect(await screen.findByText('Les inscriptions sont closes.', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /M’inscrire/ })).toBeNull();
  });
});

describe('the organiser’s event page', () => {
  it('shows the places, the confirmed registrations, the waiting list in order and the cancellations', async () => {
    renderRoutes({
      routes: forumsModule.routes!,
      path: eventLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint([api.get, detail()]),
    });
    expect(
      await screen.findByText(/2 places prises sur 2 · 2 en attente · 1 annulations/, {}, SLOW),
    ).toBeTruthy();
    const tables = screen.getAllByRole('table');
    expect(tables).toHaveLength(3);
    expect(tables[0]!.textContent).toContain('Alice Exemple');
    expect(tables[0]!.textContent).toContain('Chloé Exemple');
    expect(tables[0]!.textContent).not.toContain('David');
    const waitingRows = tables[1]!.querySelectorAll('tbody tr');
    expect([...waitingRows].map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Rang1NomDavid Exemple/),
      expect.stringMatching(/^Rang2NomEmma Exemple/),
    ]);
    expect(tables[2]!.textContent).toContain('Bruno Exemple');
    expect(screen.getByRole('button', { name: 'Annuler l’événement' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publier' })).toBeNull();
  });

  it('lets the organiser publish a draft', async () => {
    const calls = renderRoutes({
      routes: forumsModule.routes!,
      path: eventLink.href({ id: ID }),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [
          api.get,
          detail({
            status: 'draft',
            counts: { confirmed: 0, waiting: 0, cancelled: 0, attended: 0 },
            registrations: [],
          }),
        ],
        [api.transition, { ok: true }],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publier' }, SLOW));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.transition))).toBe(true));
    expect(calls.find((c) => isCall(c, api.transition))!.body).toEqual({ to: 'published' });
  });
});
