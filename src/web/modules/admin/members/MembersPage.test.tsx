import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { membersApi } from '../../../../common/admin/endpoints';
import type { MembersPage, MemberView } from '../../../../common/admin/members-schemas';
import { urlOf } from '../../../../common/kernel/endpoint';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { adminModule } from '..';

const member = (over: Partial<MemberView>): MemberView => ({
  userId: '5f0e1a3c-8d2b-4c6e-9f1a-2b3c4d5e6f70',
  email: 'referent@cpas-mouscron.example',
  displayName: 'Camille Référente',
  language: 'fr',
  roles: ['referent'],
  active: true,
  pending: false,
  totpEnabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  ...over,
});
const invited = member({
  userId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  email: 'nieuw@cpas-mouscron.example',
  displayName: 'Kim Nieuwkomer',
  pending: true,
});
const page: MembersPage = {
  organisation: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen', mfaRequired: false },
  members: [member({}), invited],
};

const open = () =>
  renderRoutes({
    routes: adminModule.routes!,
    path: '/app/admin/members',
    roles: ['org_admin'],
    answers: byEndpoint(
      [membersApi.list, page],
      [membersApi.cancelInvitation, { ok: true }],
      [membersApi.add, { invited: true }],
    ),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('members page', () => {
  it('withdraws a pending invitation of the member it names, then reads the list again', async () => {
    const calls = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler l’invitation' }));
    expect(await screen.findByText('Le membre a été mis à jour.')).toBeTruthy();
    const cancel = calls.find((c) => isCall(c, membersApi.cancelInvitation))!;
    expect(cancel.path).toBe(urlOf(membersApi.cancelInvitation, { params: { userId: invited.userId } }));
    expect(calls.filter((c) => isCall(c, membersApi.list))).toHaveLength(2);
  });

  it('invites a colleague with the roles ticked, in the language of the organisation’s region', async () => {
    const calls = open();
    fireEvent.change(await screen.findByLabelText(/Adresse e-mail/), {
      target: { value: ' kim@cpas-mouscron.example ' },
    });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Kim' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Travailleur social / référent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter le membre' }));
    expect(await screen.findByText(/kim@cpas-mouscron.example a été invité par e-mail/)).toBeTruthy();
    expect(calls.find((c) => isCall(c, membersApi.add))!.body).toEqual({
      email: 'kim@cpas-mouscron.example',
      displayName: 'Kim',
      language: 'fr',
      roles: ['referent'],
    });
  });
});
