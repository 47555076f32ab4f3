import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesView } from '../../../../common/observatory/board-chart-schemas';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import type { FollowupView } from '../../../../common/observatory/board-followup-schemas';
import type { PublicBoardView } from '../../../../common/observatory/board-schemas';
import { boardLink, publicBoardLink } from '../../../../common/observatory/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { observatoryModule } from '..';
import { board, map } from './fixtures.testing';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

const series: SeriesView = {
  periods: ['2021', '2022'],
  lines: [
    {
      key: 'all',
      points: [
        {
          period: '2021',
          value: 22.5,
          numerator: 225,
          denominator: 1000,
          status: 'shown',
          sourcePeriods: '2021',
        },
        {
          period: '2022',
          value: 23.1,
          numerator: 231,
          denominator: 1000,
          status: 'shown',
          sourcePeriods: '2022',
        },
      ],
    },
  ],
};

const followups: FollowupView[] = [
  {
    id: '00000000-0000-4000-8000-000000000031',
    organisation: 'CCAS de Tourcoing',
    country: 'FR',
    decidedOn: '2025-11-18',
    title: 'Permanence d’accès aux droits',
    decision: 'Deux quartiers.\nBilan après un an.',
    language: 'fr',
    status: 'in_progress',
    indicator: { code: 'DEMO_MIN_INCOME_RATE', label: 'Taux de revenu minimum' },
    canEdit: true,
  },
  {
    id: '00000000-0000-4000-8000-000000000032',
    organisation: 'OCMW Kortrijk',
    country: 'BE',
    decidedOn: '2026-02-05',
    title: 'Extra begeleiding voor eenoudergezinnen',
    decision: null,
    language: 'nl',
    status: 'planned',
    indicator: null,
    canEdit: false,
  },
];

describe('a board’s policy follow-up', () => {
  it('lists the decisions by partner and records the reader’s organisation’s own', async () => {
    const calls = renderRoutes({
      routes: observatoryModule.routes!,
      path: boardLink.href({ code: 'pauvrete-familles' }),
      roles: ['analyst'],
      answers: byEndpoint(
        [api.view, board({ followups })],
        [api.addFollowup, { id: '00000000-0000-4000-8000-000000000033' }],
        [api.updateFollowup, { ok: true }],
      ),
    });
    const tourcoing = await screen.findByRole('region', { name: 'CCAS de Tourcoing' }, SLOW);
    expect(within(tourcoing).getByText('Permanence d’accès aux droits')).toBeTruthy();
    expect(within(tourcoing).getByText(/en cours · Taux de revenu minimum/)).toBeTruthy();
    const kortrijk = screen.getByRole('region', { name: 'OCMW Kortrijk' });
    // Another partner's decision: read only, marked in its own language.
    expect(within(kortrijk).queryByRole('button')).toBeNull();
    expect(
      within(kortrijk)
        .getByText('Extra begeleiding voor eenoudergezinnen')
        .closest('[lang]')
        ?.getAttribute('lang'),
    ).toBe('nl');
    expect(
      within(tourcoing).getByRole('button', { name: 'Retirer « Permanence d’accès aux droits »' }),
    ).toBeTruthy();
    // The PDF under the page's filters, in the reader's language.
    expect(screen.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(
      '/api/observatory/boards/pauvrete-familles/board.pdf?lang=fr&group=eurometropole',
    );

    const form = screen.getByRole('form', { name: 'Ajouter une décision de votre organisation' });
    fireEvent.change(within(form).getByLabelText(/^Décision/), {
      target: { value: 'Aide au permis de conduire' },
    });
    fireEvent.change(within(form).getByLabelText(/^Détails/), {
      target: { value: 'Vote du conseil.\nÉvaluation en juin.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.addFollowup))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.addFollowup))!;
    expect(sent.path).toBe('/api/observatory/boards/pauvrete-familles/followups');
    expect(sent.body).toMatchObject({
      title: 'Aide au permis de conduire',
      decision: 'Vote du conseil.\nÉvaluation en juin.',
      language: 'fr',
      status: 'planned',
      indicator: null,
    });
    expect((sent.body as { decidedOn: string }).decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText('Décision enregistrée.')).toBeTruthy();
  });

  it('shows the follow-up on the public page, read-only, with the PDF in the page’s language', async () => {
    const page: PublicBoardView = {
      code: 'pauvrete-familles',
      language: 'nl',
      title: 'Armoede en gezinnen',
      description: null,
      theme: 'poverty',
      organisation: 'Provincie West-Vlaanderen',
      group: null,
      period: null,
      publishedAt: '2026-01-05T10:00:00.000Z',
      tiles: [
        {
          kind: 'series',
          map: map('Aandeel eenoudergezinnen'),
          ranking: null,
          series,
          compare: null,
        },
      ],
      followups: followups.map((f) => ({ ...f, canEdit: false })),
    };
    renderRoutes({
      routes: observatoryModule.publicRoutes!,
      path: publicBoardLink.href({ code: 'pauvrete-familles' }, { lang: 'nl' }),
      language: 'fr',
      answers: byEndpoint([api.publicView, page]),
    });
    expect(await screen.findByRole('heading', { name: 'Beleidsopvolging' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'CCAS de Tourcoing' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: /verwijderen/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(
      '/api/public/observatory/boards/pauvrete-familles/board.pdf?lang=nl',
    );
  });
});
