import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlacementItem } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { followupLink, placementLink, placementsLink } from '../../../../common/placements/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { HOST, PERSON, PLACEMENT } from './fixtures.testing';
import { PersonAgreementsCard } from './PersonAgreementsCard';

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
  nextStep: [],
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

  it('says in each row whose turn it is and what to do, from the reader’s side (issue 9, item 5)', async () => {
    open(placementsLink.href(), [
      item({
        nextStep: [
          {
            kind: 'request_signature',
            action: null,
            side: 'home',
            roles: ['referent', 'coordinator'],
            signatures: ['person'],
            signerName: null,
            blockedBy: [],
            whose: 'yours',
          },
          {
            kind: 'request_signature',
            action: null,
            side: 'host',
            roles: ['referent', 'coordinator', 'org_admin'],
            signatures: ['host_representative'],
            signerName: null,
            blockedBy: [],
            whose: 'other_party',
          },
        ],
      }),
      item({
        id: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
        status: 'validated',
        personName: 'Marc Fictif',
        nextStep: [
          {
            kind: 'action',
            action: 'activate',
            side: 'home',
            roles: ['referent', 'coordinator'],
            signatures: [],
            signerName: null,
            blockedBy: [],
            whose: 'yours',
          },
        ],
      }),
    ]);
    expect(await screen.findByRole('columnheader', { name: 'Prochaine étape' })).toBeTruthy();
    const row = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;
    await screen.findByRole('link', { name: 'Lucie Fictivelle' });
    expect(
      within(row('Lucie Fictivelle')).getByText('À vous : recueillir la signature (Personne accompagnée)'),
    ).toBeTruthy();
    expect(
      within(row('Lucie Fictivelle')).getByText(
        'En attente de l’organisation d’accueil (Travailleur social / référent, Coordinateur de programme ou ' +
          "Administrateur de l'organisation) : recueillir la signature (Représentant de l’organisation d’accueil)",
      ),
    ).toBeTruthy();
    expect(
      within(row('Marc Fictif')).getByText(
        /^À vous : démarrer la mise en situation \(au plus tôt le 4 janv\. 2027\)$/,
      ),
    ).toBeTruthy();
  });

  it('says on the person’s agreements card whose turn each agreement is', async () => {
    renderRoutes({
      routes: [{ path: '/person', element: <PersonAgreementsCard personId={PERSON} canManage /> }],
      path: '/person',
      answers: byEndpoint([
        placementsEndpoints.placements,
        {
          items: [
            item({
              status: 'host_validation',
              nextStep: [
                {
                  kind: 'action',
                  action: 'validate_host',
                  side: 'host',
                  roles: ['coordinator', 'org_admin'],
                  signatures: [],
                  signerName: null,
                  blockedBy: [],
                  whose: 'other_party',
                },
              ],
            }),
          ],
          total: 1,
          page: 1,
          pageSize: 50,
        },
      ]),
    });
    expect(
      await screen.findByText(
        'En attente de l’organisation d’accueil (Coordinateur de programme ou Administrateur de ' +
          "l'organisation) : valider la convention",
      ),
    ).toBeTruthy();
  });
});
