import { fireEvent, screen } from '@testing-library/react';
import { programmesApi, territoriesApi } from '../../../../common/network/endpoints';
import { personsApi, sharedApi } from '../../../../common/people/endpoints';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newAgreementLink } from '../../../../common/placements/links';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { HOST, OFFER, PERSON, PROGRAMME, placement, TUTOR } from './fixtures.testing';

/** The wizard's tests: the person, offer and programmes it opens with, and the wizard as mounted. */

export const person = {
  id: PERSON,
  orgId: 'o1',
  firstName: 'Lucie',
  lastName: 'Fictivelle',
  preferredLanguage: 'fr',
};

export const baseOffer = {
  id: OFFER,
  orgId: HOST,
  orgNameFr: 'Atelier du Pile',
  orgNameNl: 'Atelier du Pile',
  siteName: 'Atelier vélo',
  municipalityCode: 'FR-59512',
  municipalityNameFr: 'Roubaix',
  municipalityNameNl: 'Roubaix',
  titleFr: 'Réparation de vélos',
  titleNl: null,
  tasksFr: 'Réparer des vélos',
  tasksNl: null,
  schedule: 'Lundi–jeudi',
  hoursPerWeek: 26,
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  tutorUserId: null,
  tutorName: null,
  programmeId: PROGRAMME,
} as unknown as OfferDetail;

/** The offer's programme, open on the offer's dates, with its placement duration in months. */
export const offerProgramme = (limits = { min: 2, max: 6 }) => ({
  id: PROGRAMME,
  acronym: 'SAM',
  nameFr: 'SAM Eurométropole',
  nameNl: 'SAM Eurometropool',
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  placementMinMonths: limits.min,
  placementMaxMonths: limits.max,
});

const e = placementsEndpoints;

/** The wizard as the module mounts it, opened from an offer as the person's ranked offers link to it. */
export function openWizard(
  create: (body: unknown) => unknown,
  {
    roles = ['referent'],
    offer = baseOffer,
    programmes = () => [offerProgramme()],
  }: { roles?: string[]; offer?: OfferDetail; programmes?: () => object[] } = {},
) {
  return renderRoutes({
    routes: placementsModule.routes ?? [],
    path: newAgreementLink.href({ personId: PERSON }, { offer: OFFER }),
    roles,
    answers: byEndpoint(
      [e.createPlacement, (c: Call) => create(c.body)],
      [personsApi.get, person],
      [e.offer, offer],
      // Before `placement`, whose `/:id` the tutors' path would match too.
      [e.hostTutors, { items: [{ id: TUTOR, displayName: 'Tess Tuteur' }] }],
      // The page the wizard opens once the draft is created.
      [e.placement, () => placement()],
      [programmesApi.list, () => ({ items: programmes() })],
      [
        sharedApi.preview,
        {
          person,
          canOverride: false,
          check: {
            consent: { id: 'c1', givenOn: '2026-10-01', expiresOn: null },
            gap: null,
            missingFields: [],
          },
        },
      ],
      [territoriesApi.get, { code: 'FR-59512', nameFr: 'Roubaix', nameNl: 'Roubaix' }],
    ),
  });
}

export const created = (calls: Call[]) => calls.filter((c) => isCall(c, e.createPlacement));

export const next = () => fireEvent.click(screen.getByRole('button', { name: 'Étape suivante' }));
