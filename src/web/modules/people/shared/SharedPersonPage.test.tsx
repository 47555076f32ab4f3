import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedApi } from '../../../../common/people/endpoints';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { peopleModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const lucie = {
  id: 'p1',
  homeOrg: { id: 'o2', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  participantCode: 'AAAA-BBBB-CCCC-DDDD',
  fields: ['identity', 'languages'],
  grantedUntil: '2026-12-31',
  firstName: 'Lucie',
  lastName: 'Fictivelle',
  preferredLanguage: 'fr',
  languages: { fr: 'C2', nl: 'A2' },
};

describe('shared persons', () => {
  it('shows one person’s granted groups only, and says what is shared until when', async () => {
    renderRoutes({
      routes: peopleModule.routes ?? [],
      path: '/app/shared/p1',
      answers: byEndpoint([sharedApi.get, lucie]),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lucie Fictivelle' })).toBeTruthy();
    expect(
      screen.getByText(/Partagé par CPAS de Mouscron : Identité, Langues\. Jusqu’au : 31 déc\. 2026\./),
    ).toBeTruthy();
    expect(screen.getByText('FR C2, NL A2')).toBeTruthy();
    expect(screen.queryByText('Date de naissance')).toBeNull();
    expect(screen.queryByText('Courriel')).toBeNull();
    expect(screen.queryByText('Allocation')).toBeNull();
  });

  it('lists them, a page at a time read from the address; a name not shared shows as the code', async () => {
    const calls = renderRoutes({
      routes: peopleModule.routes ?? [],
      path: '/app/shared?page=2',
      roles: ['tutor'],
      answers: byEndpoint([
        sharedApi.list,
        {
          items: [
            lucie,
            { ...lucie, id: 'p2', fields: ['languages'], firstName: undefined, lastName: undefined },
          ],
          total: 22,
          page: 2,
          pageSize: 20,
        },
      ]),
    });
    expect(await screen.findByRole('link', { name: 'Lucie Fictivelle' })).toBeTruthy();
    expect(screen.getByText(/AAAA-BBBB-CCCC-DDDD/)).toBeTruthy();
    expect(calls.find((c) => isCall(c, sharedApi.list))?.query.get('page')).toBe('2');
  });
});
