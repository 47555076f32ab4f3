import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { followupLink, placementLink } from '../../../../common/placements/links';
import { type Answer, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { FollowUpSection } from './FollowUpSection';
import { followUp } from './fixtures.testing';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };
const { followUp: readFollowUp, reportIncident } = placementsEndpoints;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const placement = (status: PlacementView['status'] = 'active') => ({ id: 'p1', status }) as PlacementView;

/** The section as the placement's page shows it (that page is the agreements feature's, tested there). */
function open(view: ReturnType<typeof followUp>, roles = ['referent'], onIncident: Answer = view) {
  return renderRoutes({
    routes: [
      { path: placementLink.pattern, element: <FollowUpSection placement={placement(view.status)} /> },
    ],
    path: placementLink.href({ id: 'p1' }),
    roles,
    region: 'FR-HDF',
    answers: byEndpoint([readFollowUp, view], [reportIncident, onIncident]),
  });
}

const card = (name: string) => {
  const heading = screen.getByRole('heading', { level: 2, name });
  return within(heading.closest('section') as HTMLElement);
};

describe('the follow-up section of a placement', () => {
  it('sums up attendance and leads to the sheet', async () => {
    open(followUp());
    expect(await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW)).toBeTruthy();
    const attendance = card('Présences');
    // One rate, labelled with its definition: hours worked over hours planned.
    expect(attendance.getByText('Taux de présence (heures réalisées / heures prévues)')).toBeTruthy();
    expect(attendance.getByText(/^80\s?% \(84 h sur 105 h\)$/)).toBeTruthy();
    expect(attendance.getByText('12 jours (84 h)')).toBeTruthy();
    expect(attendance.getByText('1 semaine à saisir')).toBeTruthy();
    expect(
      attendance.getByRole('link', { name: 'Remplir la feuille de présence' }).getAttribute('href'),
    ).toBe(followupLink.href({ id: 'p1' }));
  });

  it('alerts the home centre on a long stay abroad and shows the outcomes', async () => {
    open(followUp());
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    const stays = card('Séjours à l’étranger');
    expect(stays.getByText(/Séjour à l’étranger de 8 jours consécutifs/)).toBeTruthy();
    expect(stays.getByText('À signaler (revenu d’intégration / leefloon)')).toBeTruthy();
    // Each stay is a card on a phone (its reason and its removal did not fit a 390 px table).
    expect(stays.getByRole('table').classList.contains('data--stacked')).toBe(true);
    expect(card('Sorties').getAllByText('À saisir quand le stage sera terminé.')).toHaveLength(2);
    // The final evaluation waits for the midpoint.
    expect(card('Évaluations tripartites').getByText(/s’ouvre à mi-parcours, le 9 déc\. 2026/)).toBeTruthy();
  });

  it('hides stays abroad and outcomes from the host', async () => {
    open(followUp({ side: 'host', stays: null, stayAlerts: null, outcomes: null, canRecordStays: false }), [
      'tutor',
    ]);
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    expect(screen.queryByRole('heading', { name: 'Séjours à l’étranger' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Sorties' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Journal de mobilité' })).toBeTruthy();
  });

  it('names the trainee and says until when the host sees the shared data', async () => {
    open(followUp({ side: 'host', stays: null, stayAlerts: null, outcomes: null }), ['tutor']);
    expect(await screen.findByText('Stagiaire : Nora Fictive', {}, SLOW)).toBeTruthy();
    expect(
      screen.getByText(
        /voit les données partagées de la personne jusqu’au 21 févr\. 2027 au plus tard : la fin du stage plus 30 jours pour l’évaluation finale/,
      ),
    ).toBeTruthy();
  });

  it('shows the host only the participant code when identity is not shared', async () => {
    open(
      followUp({
        side: 'host',
        person: { name: null, participantCode: 'AB12-CD34-EF56-GH78' },
        stays: null,
        stayAlerts: null,
        outcomes: null,
      }),
      ['tutor'],
    );
    expect(
      await screen.findByText('Stagiaire : code participant AB12-CD34-EF56-GH78', {}, SLOW),
    ).toBeTruthy();
    expect(screen.getByText(/Le nom n’apparaît que si le centre d’origine partage l’identité/)).toBeTruthy();
    expect(screen.queryByText(/Nora/)).toBeNull();
  });

  it('checks the mid-term evaluation before sending it', async () => {
    const calls = open(followUp());
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    const evaluations = card('Évaluations tripartites');
    fireEvent.click(evaluations.getByRole('button', { name: 'Saisir l’évaluation à mi-parcours' }));
    fireEvent.click(evaluations.getByRole('button', { name: 'Enregistrer l’évaluation' }));
    expect((await screen.findAllByText('Ce champ est obligatoire.')).length).toBe(5);
    expect(calls.some((c) => isCall(c, placementsEndpoints.saveEvaluation))).toBe(false);
  });

  it('reports an incident and warns before a second first border crossing', async () => {
    const calls = open(
      followUp({ firstCrossingOn: '2026-11-03' }),
      ['referent'],
      followUp({
        firstCrossingOn: '2026-11-03',
        incidents: [
          {
            id: 'i1',
            occurredOn: '2026-11-20',
            kind: 'conflict',
            description: 'Désaccord sur les horaires',
            actionTaken: null,
          },
        ],
      }),
    );
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    const incidents = card('Incidents');
    fireEvent.click(incidents.getByRole('button', { name: 'Signaler un incident' }));
    fireEvent.click(incidents.getByRole('button', { name: /Type d’incident/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Conflit' }));
    fireEvent.change(incidents.getByRole('textbox', { name: /Ce qui s’est passé/ }), {
      target: { value: 'Désaccord sur les horaires' },
    });
    fireEvent.click(incidents.getByRole('button', { name: 'Signaler' }));
    await waitFor(() =>
      expect(calls.find((c) => isCall(c, reportIncident))).toMatchObject({
        url: urlOf(reportIncident, { params: { id: 'p1' } }),
        body: { occurredOn: '2026-11-20', kind: 'conflict', description: 'Désaccord sur les horaires' },
      }),
    );
    expect(await screen.findByRole('cell', { name: 'Désaccord sur les horaires' })).toBeTruthy();
    const mobility = card('Journal de mobilité');
    expect(mobility.getByText('Premier passage autonome de la frontière le 3 nov. 2026.')).toBeTruthy();
    fireEvent.click(mobility.getByRole('button', { name: 'Enregistrer un trajet' }));
    fireEvent.click(mobility.getByRole('checkbox', { name: 'Premier passage autonome de la frontière' }));
    expect(
      mobility.getByText('Un premier passage autonome est déjà enregistré (le 3 nov. 2026).'),
    ).toBeTruthy();
  });

  it('shows what was written with each journey', async () => {
    const trip = {
      travelledOn: '2026-11-03',
      mode: 'train' as const,
      doorToDoorMinutes: 50,
      costRefundedCents: 420,
      travelsAlone: false,
      firstAutonomousCrossing: false,
    };
    open(
      followUp({
        mobility: [
          { ...trip, id: 'm1', note: 'Accompagnée par la référente le premier jour.' },
          { ...trip, id: 'm2', travelledOn: '2026-11-10', note: null },
        ],
      }),
    );
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    const mobility = card('Journal de mobilité');
    expect(mobility.getByRole('columnheader', { name: 'Remarque' })).toBeTruthy();
    expect(
      mobility.getByRole('cell', { name: 'Accompagnée par la référente le premier jour.' }),
    ).toBeTruthy();
  });

  // Issue 9, item 15: with every form open the agreement page ran to 5,500 px.
  it('keeps each entry form closed behind a button named for it, the card’s summary shown', async () => {
    open(followUp());
    await screen.findByRole('heading', { level: 2, name: 'Suivi du stage' }, SLOW);
    // Card, the button that opens its form, the form's own submit button.
    const forms: Array<[string, string, string]> = [
      ['Incidents', 'Signaler un incident', 'Signaler'],
      ['Journal de mobilité', 'Enregistrer un trajet', 'Enregistrer le trajet'],
      ['Séjours à l’étranger', 'Enregistrer un séjour', 'Enregistrer le séjour'],
    ];
    for (const [title, button, submit] of forms) {
      const c = card(title);
      const trigger = c.getByRole('button', { name: button });
      expect(trigger.getAttribute('aria-expanded'), title).toBe('false');
      expect(c.queryByRole('button', { name: submit }), title).toBeNull();
      fireEvent.click(trigger);
      expect(trigger.getAttribute('aria-expanded'), title).toBe('true');
      expect(c.getByRole('button', { name: submit }), title).toBeTruthy();
    }
    // The summaries are there without opening anything.
    expect(card('Incidents').getByText('Aucun incident signalé.')).toBeTruthy();
    const evaluations = card('Évaluations tripartites');
    expect(evaluations.queryByRole('button', { name: 'Enregistrer l’évaluation' })).toBeNull();
    fireEvent.click(evaluations.getByRole('button', { name: 'Saisir l’évaluation à mi-parcours' }));
    expect(evaluations.getByRole('button', { name: 'Enregistrer l’évaluation' })).toBeTruthy();
  });

  it('says follow-up waits for the placement to start', async () => {
    const calls = open(followUp({ status: 'validated' }));
    expect(await screen.findByText(/commence quand le stage démarre/, {}, SLOW)).toBeTruthy();
    expect(calls.some((c) => isCall(c, readFollowUp))).toBe(false);
  });
});
