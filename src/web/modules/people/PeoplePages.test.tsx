import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentView, PersonDetail } from '../../../common/people/schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';
import { PeoplePage } from './PeoplePage';
import { PersonCreatePage } from './PersonFormPages';
import { PersonPage } from './PersonPage';

const person: PersonDetail = {
  id: 'p1',
  orgId: 'o1',
  firstName: 'Sophie',
  lastName: 'Lemairon',
  birthDate: '1988-03-14',
  participantCode: '7K3M-Q9XD-2HBR-T0VA',
  municipalityCode: 'BE-57096',
  municipalityNameFr: 'Mouscron',
  municipalityNameNl: 'Moeskroen',
  referentUserId: 'u',
  referentName: 'Référente',
  benefit: 'ris',
  contractType: 'piis',
  contractNextEvaluationOn: '2026-12-15',
  status: 'active',
  email: null,
  phone: null,
  street: null,
  postalCode: null,
  languages: { fr: 'C2', nl: 'A2' },
  preferredLanguage: 'fr',
  benefitSince: '2025-01-01',
  benefitUntil: null,
  contractSignedOn: '2025-02-01',
  nationalIdMasked: '••••••••328',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  canManage: true,
  canReassign: false,
};

const consent: ConsentView = {
  id: 'c1',
  purpose: 'placement',
  dataCategories: ['identity', 'languages'],
  recipientOrgIds: ['o2'],
  recipients: [{ id: 'o2', nameFr: 'Atelier Roubaix', nameNl: 'Atelier Roubaix' }],
  givenBy: 'person',
  representativeName: null,
  givenOn: '2026-01-10',
  expiresOn: null,
  supersedesId: null,
  recordedByName: 'Référente',
  withdrawnOn: null,
  withdrawalReason: null,
  status: 'active',
  createdAt: '2026-01-10T00:00:00.000Z',
};

const calls: Array<{ method: string; url: string; body: unknown }> = [];

function serve(path: string, language: 'fr' | 'nl', answers: Record<string, unknown>) {
  const session = {
    user: {
      id: 'u',
      email: 'a@b.example',
      displayName: 'A',
      language,
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles: ['referent'],
    memberships: [{ orgId: 'o1', nameFr: 'CPAS', nameNl: 'OCMW', region: 'BE-WAL', roles: ['referent'] }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null });
    const key = Object.keys(answers).find((k) => `${method} ${url}`.startsWith(k));
    const body = url.startsWith('/api/auth/session') ? session : key ? answers[key] : {};
    // An answer given as a Response (an error, say) is returned as it is.
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  render(
    <LanguageProvider initial={language}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/app/people" element={<PeoplePage />} />
              <Route path="/app/people/new" element={<PersonCreatePage />} />
              <Route path="/app/people/:id" element={<PersonPage />} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('people pages', () => {
  it('says what to do when the caseload is empty, and reads a birth date in the search box', async () => {
    serve('/app/people', 'fr', {
      'GET /api/people?': { items: [], total: 0, page: 1, pageSize: 25, allCaseloads: false },
    });
    expect(await screen.findByText('Votre file active est vide')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Nouvelle personne' }).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Rechercher une personne'), { target: { value: '14/03/1988' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(calls.some((c) => c.url.includes('birthDate=1988-03-14'))).toBe(true));
  });

  it('warns about possible duplicates before creating, and creates only when confirmed', async () => {
    serve('/app/people/new', 'fr', {
      'POST /api/people/duplicates': {
        duplicates: [
          {
            id: 'p1',
            firstName: 'Sophie',
            lastName: 'Lemairon',
            birthDate: '1988-03-14',
            status: 'active',
            reason: 'same_code',
          },
        ],
        knownElsewhere: true,
      },
      'POST /api/people': { person, duplicates: [] },
    });
    fireEvent.change(await screen.findByLabelText(/^Prénom/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Lemairon' } });
    fireEvent.change(screen.getByLabelText(/^Date de naissance/), { target: { value: '1988-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText('Cette personne est peut-être déjà suivie')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'LEMAIRON Sophie' }).getAttribute('href')).toBe('/app/people/p1');
    // A referent is not told how many centres: only what to do about it.
    expect(
      screen.getByText(/suivie par un autre centre du réseau\. Parlez-en à votre coordinateur/),
    ).toBeTruthy();
    expect(screen.queryByText(/autres centres du réseau/)).toBeNull();
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/people')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Créer quand même' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.url === '/api/people' && c.method === 'POST')).toHaveLength(1),
    );
    expect(calls.find((c) => c.url === '/api/people' && c.method === 'POST')!.body).toMatchObject({
      firstName: 'Sophie',
      lastName: 'Lemairon',
      birthDate: '1988-03-14',
      languages: {},
    });
  });

  it('tells a coordinator how many other centres follow the same identity, and what to do', async () => {
    serve('/app/people/new', 'nl', {
      'POST /api/people/duplicates': { duplicates: [], knownElsewhere: true, elsewhereCount: 2 },
      'POST /api/people': { person, duplicates: [] },
    });
    fireEvent.change(await screen.findByLabelText(/^Voornaam/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Achternaam/), { target: { value: 'Lemairon' } });
    fireEvent.change(screen.getByLabelText(/^Geboortedatum/), { target: { value: '1988-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Persoon registreren' }));
    expect(await screen.findByText(/^2 andere centra van het netwerk begeleiden/)).toBeTruthy();
    expect(screen.getByText(/voordat u een tweede fiche opent/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/people')).toEqual([]);
  });

  it('says what to do when the identity check is refused for too many checks', async () => {
    const message =
      'Vous avez vérifié de nombreuses identités en peu de temps. Pour protéger les personnes suivies dans le réseau, patientez 42 minutes avant une nouvelle vérification, ou adressez-vous à votre coordinateur ou coordinatrice.';
    serve('/app/people/new', 'fr', {
      'POST /api/people/duplicates': new Response(
        JSON.stringify({ error: { code: 'people.duplicates.rate_limited', message } }),
        { status: 429, headers: { 'content-type': 'application/json' } },
      ),
    });
    fireEvent.change(await screen.findByLabelText(/^Prénom/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Lemairon' } });
    fireEvent.change(screen.getByLabelText(/^Date de naissance/), { target: { value: '1988-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText(/patientez 42 minutes/)).toBeTruthy();
    // Nothing is created without the check.
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/people')).toEqual([]);
  });

  it('shows the person in Dutch with levels, consents and links to the pathway and offers', async () => {
    serve('/app/people/p1', 'nl', {
      'GET /api/people/p1/consents': [consent],
      'GET /api/people/p1': person,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sophie LEMAIRON' })).toBeTruthy();
    expect(screen.getByText('••••••••328')).toBeTruthy();
    expect(screen.getByText('A2')).toBeTruthy();
    expect(await screen.findByText('Grensoverschrijdende stage')).toBeTruthy();
    expect(screen.getByText('Geldig')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Activeringstraject' }).getAttribute('href')).toBe(
      '/app/people/p1/pathway',
    );
    expect(screen.getByRole('link', { name: 'Passende stageaanbiedingen' }).getAttribute('href')).toBe(
      '/app/people/p1/offers',
    );
  });
});
