import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { consentsApi, personsApi, subjectRightsApi } from '../../../../common/people/endpoints';
import type { PersonDetail } from '../../../../common/people/schemas';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { peopleModule } from '..';

const person = {
  id: 'p1',
  orgId: 'o1',
  firstName: 'Sophie',
  lastName: 'Lemairon',
  birthDate: '1988-03-14',
  birthDatePrecision: 'exact',
  participantCode: '7K3M-Q9XD-2HBR-T0VA',
  municipalityCode: null,
  municipalityNameFr: null,
  municipalityNameNl: null,
  referentUserId: null,
  referentName: null,
  benefit: 'ris',
  contractType: 'none',
  contractNextEvaluationOn: null,
  status: 'active',
  sex: null,
  email: null,
  phone: null,
  street: null,
  postalCode: null,
  languages: {},
  spokenLanguages: [],
  nationality: null,
  interpreterNeed: null,
  preferredLanguage: 'nl',
  benefitSince: null,
  benefitUntil: null,
  contractSignedOn: null,
  nationalIdMasked: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  canManage: true,
  canReassign: true,
  restriction: null,
  anonymisedAt: null,
} as PersonDetail;

let calls: Call[] = [];
const serve = (p: PersonDetail, roles: string[]) => {
  calls = renderRoutes({
    routes: peopleModule.routes ?? [],
    path: '/app/people/p1',
    language: 'nl',
    roles,
    modules: [peopleModule],
    answers: byEndpoint(
      [consentsApi.list, []],
      [personsApi.get, p],
      [
        subjectRightsApi.restrict,
        { restriction: { since: '2026-02-01T10:00:00.000Z', reason: 'Juistheid betwist' } },
      ],
      [
        subjectRightsApi.erase,
        {
          erasureId: 'e1',
          modules: { 'people.person': { persons: 1 }, 'people.pathways': { notesDeleted: 2 } },
        },
      ],
    ),
  });
};

afterEach(cleanup);

describe('data-subject rights panel', () => {
  it('restricts processing with a reason, and anonymises only once the coordinator confirmed', async () => {
    serve(person, ['coordinator']);
    expect(await screen.findByText('Rechten van de betrokkene')).toBeTruthy();
    const restrict = screen.getByRole('button', { name: 'De verwerking beperken' });
    expect(restrict.hasAttribute('disabled') || restrict.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Juistheid betwist' } });
    fireEvent.click(screen.getByRole('button', { name: 'De verwerking beperken' }));
    await waitFor(() => expect(calls.filter((c) => isCall(c, subjectRightsApi.restrict))).toHaveLength(1));
    expect(calls.find((c) => isCall(c, subjectRightsApi.restrict))!.body).toEqual({
      reason: 'Juistheid betwist',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Anonimiseren…' }));
    const confirm = await screen.findByRole('button', { name: 'Definitief anonimiseren' });
    fireEvent.click(confirm);
    expect(calls.filter((c) => isCall(c, subjectRightsApi.erase))).toEqual([]);
    fireEvent.click(screen.getByText('Ik begrijp dat dit niet ongedaan kan worden gemaakt.'));
    fireEvent.click(screen.getByRole('button', { name: 'Definitief anonimiseren' }));
    await waitFor(() => expect(calls.filter((c) => isCall(c, subjectRightsApi.erase))).toHaveLength(1));
    expect(calls.find((c) => isCall(c, subjectRightsApi.erase))!.body).toEqual({ confirm: true });
    expect(await screen.findByText(/3 rijen gewijzigd of verwijderd/)).toBeTruthy();
  });

  it('shows the restriction as a banner, and no erasure to an organisation administrator', async () => {
    serve(
      {
        ...person,
        canManage: false,
        restriction: { since: '2026-02-01T10:00:00.000Z', reason: 'Juistheid betwist' },
      },
      ['org_admin'],
    );
    expect(await screen.findByText(/Verwerking beperkt sinds .*Juistheid betwist/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'De beperking opheffen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Anonimiseren…' })).toBeNull();
  });

  it('is not shown to a referent', async () => {
    serve(person, ['referent']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sophie LEMAIRON' })).toBeTruthy();
    expect(screen.queryByText('Rechten van de betrokkene')).toBeNull();
  });
});
