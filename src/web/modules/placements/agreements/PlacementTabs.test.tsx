import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink } from '../../../../common/placements/links';
import { byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { followUp } from '../followup/fixtures.testing';
import { PLACEMENT, placement } from './fixtures.testing';
import { PlacementPage } from './PlacementPage';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Shows the address the page is at, to see what a link or a reload would open. */
function Where() {
  const { search } = useLocation();
  return <output data-testid="where">{search}</output>;
}

function open(view: PlacementView, search = '') {
  renderRoutes({
    routes: [
      {
        path: placementLink.pattern,
        element: (
          <>
            <PlacementPage />
            <Where />
          </>
        ),
      },
    ],
    path: `${placementLink.href({ id: PLACEMENT })}${search}`,
    answers: byEndpoint(
      [placementsEndpoints.hostTutors, { items: [] }],
      [placementsEndpoints.followUp, followUp({ placementId: PLACEMENT })],
      [placementsEndpoints.placement, view],
    ),
  });
}

const history = [
  {
    at: '2026-11-20T09:00:00.000Z',
    action: 'create' as const,
    to: 'draft' as const,
    side: 'home' as const,
    reason: null,
  },
];
const where = () => screen.getByTestId('where').textContent;
const nextStep = {
  kind: 'action' as const,
  action: 'activate' as const,
  side: 'home' as const,
  roles: ['referent' as const],
  signatures: [],
  signerName: null,
  blockedBy: [],
  whose: 'yours' as const,
};

// Issue 9, item 15: with every form open the agreement page ran to 5,500 px.
describe('the placement page’s tabs', () => {
  it('opens on the agreement, keeps the chosen tab in the address, and the next step above the tabs', async () => {
    open(placement({ history, nextStep: [nextStep] }));
    const list = await screen.findByRole('tablist', { name: 'Sections de la convention' }, SLOW);
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Convention et signatures', 'Historique']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Parties' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Historique de la convention' })).toBeNull();

    fireEvent.click(tabs[1]!);
    expect(await screen.findByRole('heading', { name: 'Historique de la convention' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Parties' })).toBeNull();
    await waitFor(() => expect(where()).toBe('?tab=history'));
    // Whatever the tab, the next step stays on top, before the tabs.
    const next = screen.getByRole('heading', { name: 'Prochaine étape' });
    expect(next.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens the tab the address names, as a link or a reload would', async () => {
    open(placement({ history }), '?tab=history');
    expect(await screen.findByRole('heading', { name: 'Historique de la convention' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Historique' }).getAttribute('aria-selected')).toBe('true');
  });

  it('falls back to the agreement on a tab the placement does not have', async () => {
    // No follow-up before the placement starts, whatever the address says.
    open(placement({ history }), '?tab=followup');
    expect(await screen.findByRole('heading', { name: 'Parties' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Suivi du stage' })).toBeNull();
  });

  it('opens a running placement on its follow-up, its entry forms closed', async () => {
    open(placement({ status: 'active', history }));
    const tab = await screen.findByRole('tab', { name: 'Suivi du stage' }, SLOW);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const trigger = await screen.findByRole('button', { name: 'Signaler un incident' }, SLOW);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    // Arrow keys move between tabs (react-aria), and the address follows.
    fireEvent.keyDown(tab, { key: 'ArrowLeft' });
    await waitFor(() => expect(where()).toBe('?tab=agreement'));
    expect(await screen.findByRole('heading', { name: 'Parties' })).toBeTruthy();
  });
});
