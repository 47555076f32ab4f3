import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink } from '../../../../common/placements/links';
import { setDate } from '../../../testing/date-field';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';
import { PLACEMENT, PROGRAMME, placement } from './fixtures.testing';

afterEach(cleanup);

const e = placementsEndpoints;
const programme = (id: string, acronym: string, startsOn: string, endsOn: string) => ({
  id,
  acronym,
  nameFr: `Programme ${acronym}`,
  nameNl: `Programma ${acronym}`,
  startsOn,
  endsOn,
  placementMinMonths: 2,
  placementMaxMonths: 6,
});

/** The placement page with its terms form open (the form is reached from there). */
async function openForm(view: PlacementView, programmes: object[]) {
  const calls = renderRoutes({
    routes: placementsModule.routes ?? [],
    path: placementLink.href({ id: PLACEMENT }),
    answers: byEndpoint(
      [e.updatePlacement, () => view],
      [e.hostTutors, { items: [] }],
      [e.placement, () => view],
      [programmesApi.list, { items: programmes }],
    ),
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Modifier les conditions' }));
  return calls;
}

describe('terms form: checks at the right time (issue 9)', () => {
  it('says a past start before saving, and saves nothing', async () => {
    const calls = await openForm(placement(), [programme(PROGRAMME, 'SAM', '2026-01-01', '2028-12-31')]);
    await setDate(/Début/, '2020-01-06');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(/La date de début est déjà passée/, { selector: '.field-error' }),
    ).toBeTruthy();
    expect(calls.some((c: Call) => isCall(c, e.updatePlacement))).toBe(false);
  });

  it('offers only the programmes open on the placement’s dates, keeping the current one visible', async () => {
    const ENDED = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
    const CURRENT = '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e';
    // The agreement still names SAM-E, which ended in 2014.
    await openForm(placement({ programmeId: ENDED, programmeName: 'SAM-E' }), [
      programme(ENDED, 'SAM-E', '2010-07-01', '2014-12-31'),
      programme(CURRENT, 'CUR', '2026-01-01', '2028-12-31'),
      programme('9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', 'OLD', '2017-10-01', '2020-12-31'),
    ]);
    const select = await screen.findByRole('button', { name: /Programme/ });
    await waitFor(() => expect(select.textContent).toContain('SAM-E'));
    fireEvent.click(select);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Aucun', 'CUR · Programme CUR', 'SAM-E · Programme SAM-E']);
  });
});
