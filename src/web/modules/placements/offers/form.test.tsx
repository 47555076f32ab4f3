import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { newOfferLink } from '../../../../common/placements/links';
import { setDate } from '../../../testing/date-field';
import { isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the offer form', () => {
  it('checks the shared schema and rules before sending anything', async () => {
    const calls = renderRoutes({
      routes: placementsModule.routes!,
      path: newOfferLink.href(),
      roles: ['tutor'],
      region: 'FR-HDF',
    });
    await setDate(/^Début/, '2030-05-01');
    await setDate(/^Fin/, '2030-02-01');
    fireEvent.change(screen.getByLabelText(/^Places/), { target: { value: '0' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    });
    expect(screen.getByText('Indiquez un intitulé en français ou en néerlandais.')).toBeTruthy();
    expect(screen.getByText('La date de fin ne peut pas précéder la date de début.')).toBeTruthy();
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(2);
    const { offers, offer, createOffer, updateOffer } = placementsEndpoints;
    expect(calls.filter((c) => [offers, offer, createOffer, updateOffer].some((e) => isCall(c, e)))).toEqual(
      [],
    );
  }, 30_000);
});
