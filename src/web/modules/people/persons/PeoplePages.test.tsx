import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consentsApi, personsApi } from '../../../../common/people/endpoints';
import type { ConsentView, PersonDetail } from '../../../../common/people/schemas';
import type { WebModule } from '../../../app/module';
import { setDate } from '../../../testing/date-field';
import {
  type Answers,
  apiError,
  byEndpoint,
  type Call,
  isCall,
  renderRoutes,
} from '../../../testing/render-routes';
import { peopleModule } from '..';

const person: PersonDetail = {
  id: 'p1',
  orgId: 'o1',
  firstName: 'Sophie',
  lastName: 'Lemairon',
  birthDate: '1988-03-14',
  birthDatePrecision: 'exact',
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
  sex: null,
  email: null,
  phone: null,
  street: null,
  postalCode: null,
  languages: { fr: 'C2', nl: 'A2' },
  spokenLanguages: [],
  nationality: null,
  interpreterNeed: null,
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

let calls: Call[] = [];

/** A neighbour module as the slots see it: a panel and a link on the person page, caseload alerts. */
const neighbour: WebModule = {
  personPanels: [
    {
      key: 'panel',
      order: 1,
      Component: ({ personId }) => <section aria-label="neighbour">{personId}</section>,
    },
  ],
  personLinks: [
    { key: 'manage', order: 20, labelId: 'nav.people', manageOnly: true, href: (id) => `/neighbour/${id}` },
  ],
  caseloadAlerts: [
    { owns: (c) => c === 'neighbour_alert', Component: ({ codes }) => <b>{codes.join('+')}</b> },
  ],
};

function serve(path: string, language: 'fr' | 'nl', answers: Answers, roles = ['referent']) {
  calls = renderRoutes({
    routes: peopleModule.routes ?? [],
    path,
    language,
    roles,
    answers,
    modules: [peopleModule, neighbour],
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('people pages', () => {
  it('says what to do when the caseload is empty, and reads a birth date in the search box', async () => {
    serve(
      '/app/people',
      'fr',
      byEndpoint([personsApi.list, { items: [], total: 0, page: 1, pageSize: 25, allCaseloads: false }]),
    );
    expect(await screen.findByText('Votre file active est vide')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Nouvelle personne' }).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Rechercher une personne'), { target: { value: '14/03/1988' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(calls.some((c) => c.query.get('birthDate') === '1988-03-14')).toBe(true));
  });

  it('warns about possible duplicates before creating, and creates only when confirmed', async () => {
    serve(
      '/app/people/new',
      'fr',
      byEndpoint(
        [
          personsApi.duplicates,
          {
            duplicates: [
              {
                id: 'p1',
                firstName: 'Sophie',
                lastName: 'Lemairon',
                birthDate: '1988-03-14',
                birthDatePrecision: 'exact',
                status: 'active',
                reason: 'same_code',
                approximate: false,
              },
            ],
            knownElsewhere: true,
          },
        ],
        [personsApi.create, { person, duplicates: [] }],
      ),
    );
    fireEvent.change(await screen.findByLabelText(/^Prénom/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Lemairon' } });
    await setDate(/^Date de naissance/, '1988-03-14');
    // Sex is optional, with its legal basis; left "not recorded", it is not sent.
    expect(screen.getByText(/règlement FSE\+ \(UE\) 2021\/1057/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText('Cette personne est peut-être déjà suivie')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'LEMAIRON Sophie' }).getAttribute('href')).toBe('/app/people/p1');
    // A referent is not told how many centres: only what to do about it.
    expect(
      screen.getByText(/suivie par un autre centre du réseau\. Parlez-en à votre coordinateur/),
    ).toBeTruthy();
    expect(screen.queryByText(/autres centres du réseau/)).toBeNull();
    expect(calls.filter((c) => isCall(c, personsApi.create))).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Créer quand même' }));
    await waitFor(() => expect(calls.filter((c) => isCall(c, personsApi.create))).toHaveLength(1));
    expect(calls.find((c) => isCall(c, personsApi.create))!.body).toMatchObject({
      firstName: 'Sophie',
      lastName: 'Lemairon',
      birthDate: '1988-03-14',
      languages: {},
    });
    expect(calls.find((c) => isCall(c, personsApi.create))!.body).not.toHaveProperty('sex');
  });

  it('tells a coordinator how many other centres follow the same identity, and what to do', async () => {
    serve(
      '/app/people/new',
      'nl',
      byEndpoint(
        [personsApi.duplicates, { duplicates: [], knownElsewhere: true, elsewhereCount: 2 }],
        [personsApi.create, { person, duplicates: [] }],
      ),
    );
    fireEvent.change(await screen.findByLabelText(/^Voornaam/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Achternaam/), { target: { value: 'Lemairon' } });
    await setDate(/^Geboortedatum/, '1988-03-14');
    fireEvent.click(screen.getByRole('button', { name: 'Persoon registreren' }));
    expect(await screen.findByText(/^2 andere centra van het netwerk begeleiden/)).toBeTruthy();
    expect(screen.getByText(/voordat u een tweede fiche opent/)).toBeTruthy();
    expect(calls.filter((c) => isCall(c, personsApi.create))).toEqual([]);
  });

  it('says what to do when the identity check is refused for too many checks', async () => {
    const message =
      'Vous avez vérifié de nombreuses identités en peu de temps. Pour protéger les personnes suivies dans le réseau, patientez 42 minutes avant une nouvelle vérification, ou adressez-vous à votre coordinateur ou coordinatrice.';
    serve(
      '/app/people/new',
      'fr',
      byEndpoint([personsApi.duplicates, () => apiError(429, 'people.persons.errors.rate_limited', message)]),
    );
    fireEvent.change(await screen.findByLabelText(/^Prénom/), { target: { value: 'Sophie' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Lemairon' } });
    await setDate(/^Date de naissance/, '1988-03-14');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText(/patientez 42 minutes/)).toBeTruthy();
    // Nothing is created without the check.
    expect(calls.filter((c) => isCall(c, personsApi.create))).toEqual([]);
  });

  it('shows the person in Dutch with levels, consents, and what the modules add through the slots', async () => {
    serve('/app/people/p1', 'nl', byEndpoint([consentsApi.list, [consent]], [personsApi.get, person]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sophie LEMAIRON' })).toBeTruthy();
    expect(screen.getByText('••••••••328')).toBeTruthy();
    expect(screen.getByText('A2')).toBeTruthy();
    // Sex is optional: "not recorded" when absent.
    expect(screen.getByText('Geslacht').closest('dt')?.nextElementSibling?.textContent).toBe('Niet ingevuld');
    expect(await screen.findByText('Grensoverschrijdende stage')).toBeTruthy();
    expect(screen.getByText('Geldig')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Activeringstraject' }).getAttribute('href')).toBe(
      '/app/people/p1/pathway',
    );
    expect(screen.getByRole('region', { name: 'neighbour' }).textContent).toBe('p1');
    expect(screen.getByRole('link', { name: 'Gevolgde personen' }).getAttribute('href')).toBe(
      '/neighbour/p1',
    );
    expect(screen.getByRole('link', { name: 'Doorverwijzen naar een partner' }).getAttribute('href')).toBe(
      '/app/people/p1/refer',
    );
  });

  it('keeps the links for those who manage the person from those who only read', async () => {
    serve(
      '/app/people/p1',
      'fr',
      byEndpoint([consentsApi.list, []], [personsApi.get, { ...person, canManage: false }]),
      ['org_admin'],
    );
    expect(await screen.findByRole('link', { name: "Parcours d'insertion" })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'neighbour' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Personnes suivies' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Orienter/ })).toBeNull();
  });

  it('shows each module’s caseload alerts with its own view', async () => {
    serve(
      '/app/people',
      'fr',
      byEndpoint([
        personsApi.list,
        {
          items: [{ ...person, alerts: ['neighbour_alert', 'unknown_alert'] }],
          total: 1,
          page: 1,
          pageSize: 25,
          allCaseloads: false,
        },
      ]),
    );
    expect(await screen.findByRole('link', { name: 'LEMAIRON Sophie' })).toBeTruthy();
    expect(screen.getByText('neighbour_alert')).toBeTruthy();
    expect(screen.queryByText(/unknown_alert/)).toBeNull();
  });
});
