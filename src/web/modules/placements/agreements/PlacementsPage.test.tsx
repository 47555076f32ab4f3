import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlacementItem } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { followupLink, placementLink, placementsLink } from '../../../../common/placements/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { HOST, PERSON, PLACEMENT } from './fixtures.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (over: Partial<PlacementItem> = {}): PlacementItem => ({
  id: PLACEMENT,
  side: 'home',
  status: 'awaiting_signatures',
  personId: PERSON,
  personName: 'Lucie Fictivelle',
  participantCode: null,
  homeOrg: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  hostOrg: { id: HOST, nameFr: 'Atelier du Pile', nameNl: 'Atelier du Pile' },
  siteName: 'Atelier vélo',
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  tutorName: 'Tess Tuteur',
  referentName: 'Rita Référente',
  pendingSignatures: 2,
  ...over,
});

function open(path: string, items: PlacementItem[] = [item()], roles = ['referent']) {
  return renderRoutes({
    routes: placementsModule.routes ?? [],
    path,
    roles,
    answers: byEndpoint([
      placementsEndpoints.placements,
      { items, total: items.length, page: 1, pageSize: 20 },
    ]),
  });
}

const listed = (calls: Call[]) => calls.filter((c) => isCall(c, placementsEndpoints.placements));
const mineBox = () =>
  screen.getByRole('checkbox', { name: /Seulement celles que je suis/ }) as HTMLInputElement;

describe('agreements list', () => {
  it('opens the dashboard’s “my agreements” link filtered on the reader’s own', async () => {
    // The address the dashboard builds, with the same link declaration the page reads.
    const path = placementsLink.href(undefined, { mine: true });
    expect(path.split('?')[1]).toBe('mine=1');
    const calls = open(path);
    expect(await screen.findByRole('link', { name: 'Lucie Fictivelle' })).toBeTruthy();
    expect(listed(calls)[0]?.query.get('mine')).toBe('true');
    expect(mineBox().checked).toBe(true);
  });

  it('passes on the side and status of a dashboard item', async () => {
    const calls = open(
      placementsLink.href(undefined, { side: 'home', status: 'awaiting_signatures', mine: true }),
    );
    await screen.findByRole('link', { name: 'Lucie Fictivelle' });
    const query = listed(calls)[0]!.query;
    expect([query.get('side'), query.get('status'), query.get('mine')]).toEqual([
      'home',
      'awaiting_signatures',
      'true',
    ]);
    expect(screen.getByText('2 signatures manquantes')).toBeTruthy();
  });

  it('lists everything by default, and asks again when “mine” is ticked', async () => {
    const calls = open(placementsLink.href());
    expect((await screen.findByRole('link', { name: 'Lucie Fictivelle' })).getAttribute('href')).toBe(
      placementLink.href({ id: PLACEMENT }),
    );
    const first = listed(calls)[0]!.query;
    expect([first.has('mine'), first.has('side'), first.has('status')]).toEqual([false, false, false]);
    expect(mineBox().checked).toBe(false);
    fireEvent.click(mineBox());
    await waitFor(() => expect(listed(calls).at(-1)?.query.get('mine')).toBe('true'));
    expect(mineBox().checked).toBe(true);
  });

  it('shows a tutor their tutees on the host side, with the attendance sheet', async () => {
    const calls = open(
      placementsLink.href(),
      [item({ side: 'host', status: 'active', personName: null, participantCode: 'AAAA-BBBB-CCCC-DDDD' })],
      ['tutor'],
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes stagiaires suivis' })).toBeTruthy();
    const query = listed(calls)[0]!.query;
    expect([query.get('side'), query.get('mine')]).toEqual(['host', 'true']);
    expect((await screen.findByRole('link', { name: 'Feuille de présence' })).getAttribute('href')).toBe(
      followupLink.href({ id: PLACEMENT }),
    );
    // Unticking "mine" is kept in the address, so the tutor's default does not come back.
    fireEvent.click(mineBox());
    await waitFor(() => expect(listed(calls).at(-1)?.query.has('mine')).toBe(false));
    expect(mineBox().checked).toBe(false);
  });

  it('says what to do when nothing matches', async () => {
    open(placementsLink.href(undefined, { status: 'cancelled' }), []);
    expect(await screen.findByText('Aucune convention ne correspond')).toBeTruthy();
  });
});
