import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unitEndpoints } from '../../../../common/network/unit-endpoints';
import type { UnitList, UnitView } from '../../../../common/network/unit-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { UnitsCard } from './UnitsCard';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };

const sam: UnitView = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: 'o1',
  kind: 'service',
  nameFr: 'Service Action Migrants',
  nameNl: 'Dienst Actie Migranten',
  shortName: 'SAM',
  email: 'action-migrants@cpas-charleroi.example',
  phone: '+32 470 00 01 23',
  archived: false,
  memberCount: 2,
  updatedAt: '2026-12-01T10:00:00.000Z',
};

const open = (list: UnitList, language: 'fr' | 'nl' = 'fr') =>
  renderRoutes({
    routes: [{ path: '/app/organisations/o1', element: <UnitsCard orgId="o1" /> }],
    path: '/app/organisations/o1',
    language,
    roles: ['coordinator'],
    answers: byEndpoint([unitEndpoints.list, list], [unitEndpoints.create, sam]),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the teams and services card', () => {
  it('lists units with kind, names in both languages and contact, never the abbreviation', async () => {
    open({ items: [{ ...sam, memberCount: null }], canManage: false }, 'nl');
    expect(await screen.findByText('Dienst Actie Migranten', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Service Action Migrants').getAttribute('lang')).toBe('fr');
    expect(screen.getAllByText('Dienst').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '+32 470 00 01 23' }).getAttribute('href')).toBe(
      'tel:+32 470 00 01 23',
    );
    expect(screen.queryByText('SAM')).toBeNull();
    expect(screen.queryByText('Leden')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Een team of dienst toevoegen' })).toBeNull();
  });

  it('lets a manager add a unit, refusing a unit without a name before sending', async () => {
    const calls = open({ items: [sam], canManage: true });
    expect(
      await screen.findByRole('button', { name: 'Modifier Service Action Migrants' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Archiver Service Action Migrants' })).toBeTruthy();
    expect(screen.getAllByText('2 membres').length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une équipe ou un service' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    expect(await within(dialog).findByText('Donnez un nom en français ou en néerlandais.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, unitEndpoints.create))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Nom en néerlandais'), {
      target: { value: 'Team Wonen' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, unitEndpoints.create))).toBe(true));
    const sent = calls.find((c) => isCall(c, unitEndpoints.create))!;
    expect(sent.path).toBe('/api/organisations/o1/units');
    expect(sent.body).toEqual({ kind: 'service', nameNl: 'Team Wonen' });
  });

  it('edits the members among the organisation staff and sends the whole list', async () => {
    const calls = renderRoutes({
      routes: [{ path: '/app/organisations/o1', element: <UnitsCard orgId="o1" /> }],
      path: '/app/organisations/o1',
      language: 'en',
      roles: ['coordinator'],
      answers: byEndpoint(
        [unitEndpoints.list, { items: [sam], canManage: true }],
        [unitEndpoints.members, { items: [{ userId: 'u1', displayName: 'Inaya Tutrice', role: 'member' }] }],
        [
          unitEndpoints.staff,
          {
            items: [
              { userId: 'u1', displayName: 'Inaya Tutrice' },
              { userId: 'u2', displayName: 'Hugo Pilote' },
            ],
          },
        ],
        [unitEndpoints.setMembers, { items: [] }],
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Members of Service Action Migrants' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Inaya Tutrice', {}, SLOW)).toBeTruthy();
    // Nobody chosen yet: nobody to add.
    const add = within(dialog).getByRole('button', { name: 'Add a member' });
    expect(add.hasAttribute('disabled') || add.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Inaya Tutrice' }));
    expect(within(dialog).getByText('Nobody in this team yet.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, unitEndpoints.setMembers))).toBe(true));
    const sent = calls.find((c) => isCall(c, unitEndpoints.setMembers))!;
    expect(sent.path).toBe(`/api/org-units/${sam.id}/members`);
    expect(sent.body).toEqual({ members: [] });
  });
});
