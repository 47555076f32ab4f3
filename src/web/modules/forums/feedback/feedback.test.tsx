import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forumFeedbackApi as api,
  publicForumFeedbackApi,
  publicForumsApi,
} from '../../../../common/forums/endpoints';
import { eventFeedbackLink } from '../../../../common/forums/feedback-links';
import type { FeedbackSummary } from '../../../../common/forums/feedback-schemas';
import { eventLink } from '../../../../common/forums/links';
import type { EventDetail, PublicEventView } from '../../../../common/forums/schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { forumsModule } from '..';
import { FeedbackSection } from './FeedbackSection';

const SLOW = { timeout: 10_000 };
const ID = '00000000-0000-4000-8000-000000000001';
const TOKEN = 'a'.repeat(43);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const event: PublicEventView = {
  id: ID,
  language: 'nl',
  kind: 'thematic_forum',
  title: 'Grensoverschrijdend forum: vrijwilligerswerk',
  description: null,
  theme: null,
  organisation: 'CCAS Lille',
  partners: [],
  startsAt: '2026-11-02T08:00:00.000Z',
  endsAt: '2026-11-03T15:00:00.000Z',
  venue: 'Lille',
  onlineUrl: null,
  languages: ['fr', 'nl'],
  interpreting: true,
  audiences: ['professionals'],
  status: 'published',
  full: false,
  open: false,
};

const radio = (group: RegExp, value: RegExp) =>
  fireEvent.click(
    screen
      .getAllByRole('radio', { name: value })
      .find((r) => r.closest('fieldset')?.querySelector('legend')?.textContent?.match(group))!,
  );

describe('the public feedback form', () => {
  it('sends the answers in Dutch with the token from the fragment, and thanks', async () => {
    window.location.hash = `#token=${TOKEN}`;
    const calls = renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: eventFeedbackLink.href({ id: ID }, { lang: 'nl' }),
      answers: byEndpoint([publicForumsApi.get, event], [publicForumFeedbackApi.answer, { received: true }]),
    });
    expect(
      await screen.findByRole('heading', { name: 'Uw mening over het evenement', level: 1 }, SLOW),
    ).toBeTruthy();
    expect(await screen.findByText(/Grensoverschrijdend forum: vrijwilligerswerk/, {}, SLOW)).toBeTruthy();
    // Three languages offered, each in its own; the token kept in the switched address.
    expect(screen.getByRole('link', { name: 'English' }).getAttribute('href')).toBe(
      `/events/${ID}/feedback?lang=en#token=${TOKEN}`,
    );
    // Nothing is sent before the three questions are answered.
    fireEvent.click(screen.getByRole('button', { name: 'Mijn mening versturen' }));
    expect(await screen.findByText('Beantwoord de eerste drie vragen.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, publicForumFeedbackApi.answer))).toBe(false);
    radio(/algemeen/, /^4$/);
    radio(/Nut/, /^5/);
    radio(/opnieuw/, /Misschien/);
    fireEvent.change(screen.getByRole('textbox', { name: /Suggesties/ }), {
      target: { value: 'Een gedeelde lijst van tolken' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /contact met mij/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Mijn mening versturen' }));
    expect(await screen.findByText('Bedankt! Uw mening is bewaard.', {}, SLOW)).toBeTruthy();
    const sent = calls.find((c) => isCall(c, publicForumFeedbackApi.answer))!;
    expect(sent.path).toBe(`/api/public/events/${ID}/feedback`);
    expect(sent.url).not.toContain(TOKEN);
    expect(sent.body).toEqual({
      token: TOKEN,
      language: 'nl',
      overall: 4,
      usefulness: 5,
      again: 'maybe',
      mostUseful: null,
      suggestions: 'Een gedeelde lijst van tolken',
      consentContact: true,
      website: '',
    });
  });

  it('shows the one message for a used or unknown link in the page’s language (English here)', async () => {
    window.location.hash = `#token=${TOKEN}`;
    renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: eventFeedbackLink.href({ id: ID }, { lang: 'en' }),
      answers: byEndpoint(
        [publicForumsApi.get, { ...event, language: 'fr' }],
        [
          publicForumFeedbackApi.answer,
          apiError(404, 'forums.feedback.errors.invalid_link', 'Ce lien n’est plus valable.'),
        ],
      ),
    });
    expect(
      await screen.findByRole('heading', { name: 'Your feedback on the event', level: 1 }, SLOW),
    ).toBeTruthy();
    await screen.findByRole('button', { name: 'Send my feedback' }, SLOW);
    radio(/Overall/, /^3$/);
    radio(/Usefulness/, /^2$/);
    radio(/again/, /^Yes$/);
    fireEvent.click(screen.getByRole('button', { name: 'Send my feedback' }));
    expect(await screen.findByText(/^This link is no longer valid/, {}, SLOW)).toBeTruthy();
  });

  it('says a link without its token is incomplete, and offers no form', async () => {
    renderRoutes({
      routes: forumsModule.publicRoutes!,
      path: eventFeedbackLink.href({ id: ID }, { lang: 'fr' }),
      answers: byEndpoint([publicForumsApi.get, { ...event, language: 'fr' }]),
    });
    expect(await screen.findByText(/Ce lien est incomplet/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Envoyer mon avis' })).toBeNull();
  });
});

const summary: FeedbackSummary = {
  sent: 8,
  answers: 6,
  overall: { average: 4.2, counts: [0, 0, 1, 3, 2] },
  usefulness: { average: 4, counts: [0, 0, 2, 2, 2] },
  again: { yes: 4, no: 0, maybe: 2 },
  comments: [
    { language: 'fr', mostUseful: 'Les ateliers en petits groupes', suggestions: null, contact: null },
    {
      language: 'nl',
      mostUseful: null,
      suggestions: 'Een gezamenlijke vorming',
      contact: { name: 'Pieter Verzonnen', email: 'pieter@vrijwilligers.example' },
    },
  ],
};

const detail = (more: Partial<EventDetail> = {}): EventDetail => ({
  id: ID,
  orgId: 'o1',
  organisation: 'CCAS de Lille',
  kind: 'thematic_forum',
  titleFr: 'Forum transfrontalier',
  titleNl: 'Grensoverschrijdend forum',
  descriptionFr: null,
  descriptionNl: null,
  theme: null,
  startsAt: '2026-01-02T08:00:00.000Z',
  endsAt: '2026-01-02T15:00:00.000Z',
  venue: 'Lille',
  onlineUrl: null,
  languages: ['fr', 'nl'],
  interpreting: false,
  capacity: 40,
  audiences: ['professionals'],
  partners: [],
  programmeId: null,
  status: 'published',
  canEdit: false,
  counts: null,
  registrations: [],
  ...more,
});

/** The section alone, as the event page includes it (the page's other sections belong to other features). */
const section = (e: EventDetail) => [{ path: eventLink.pattern, element: <FeedbackSection event={e} /> }];

describe('the feedback summary on the event page', () => {
  it('shows answers against mails, both ratings, the "again" counts and the comments without names', async () => {
    renderRoutes({
      routes: section(detail()),
      path: eventLink.href({ id: ID }),
      roles: ['coordinator'],
      answers: byEndpoint([api.summary, summary]),
    });
    expect(await screen.findByRole('heading', { name: 'Avis des participants' }, SLOW)).toBeTruthy();
    expect(screen.getByText('6 réponses pour 8 e-mails envoyés.')).toBeTruthy();
    const overall = screen.getByRole('table', { name: /Dans l’ensemble.*moyenne 4,2 sur 5/ });
    expect([...overall.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([
      '10',
      '20',
      '31',
      '43',
      '52',
    ]);
    expect(
      screen.getByRole('table', { name: /Participeriez-vous/ }).querySelector('tbody')!.textContent,
    ).toBe('Oui4Peut-être2Non0');
    expect(screen.getByText('Les ateliers en petits groupes')).toBeTruthy();
    expect(screen.getByText(/Accepte d’être contacté·e : Pieter Verzonnen/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter (CSV)' })).toBeTruthy();
  });

  it('is not shown before the event has ended, nor when the reader may not see it', async () => {
    const calls = renderRoutes({
      routes: section(detail({ startsAt: '2099-01-01T08:00:00.000Z', endsAt: '2099-01-01T12:00:00.000Z' })),
      path: eventLink.href({ id: ID }),
      roles: ['coordinator'],
      answers: byEndpoint([api.summary, summary]),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.some((c) => isCall(c, api.summary))).toBe(false);
    expect(screen.queryByRole('heading', { name: 'Avis des participants' })).toBeNull();
    cleanup();
    const later = renderRoutes({
      routes: section(detail()),
      path: eventLink.href({ id: ID }),
      roles: ['coordinator'],
      answers: byEndpoint([api.summary, apiError(404, 'forums.errors.unknown_event', 'Inconnu')]),
    });
    await waitFor(() => expect(later.some((c) => isCall(c, api.summary))).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Avis des participants' })).toBeNull();
    expect(screen.queryByText('Inconnu')).toBeNull();
  });
});
