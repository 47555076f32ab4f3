import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrganisationListItem } from '../../../../common/network/organisation-schemas';
import { renderRoutes } from '../../../testing/render-routes';
import { RecipientsPicker } from './RecipientsPicker';

const org = (
  id: string,
  nameFr: string,
  kind: string,
  region: string,
  town: string,
): OrganisationListItem => ({
  id,
  kind,
  country: region.slice(0, 2),
  region,
  nameFr,
  nameNl: nameFr,
  shortName: null,
  municipalityCode: null,
  municipalityNameFr: town,
  municipalityNameNl: town,
  status: 'active',
});
const ORGS = [
  org('a', 'CCAS de Roubaix', 'ccas', 'FR-HDF', 'Roubaix'),
  org('b', 'Atelier du Canal', 'host_site', 'FR-HDF', 'Roubaix'),
  org('c', 'CPAS de Tournai', 'cpas', 'BE-WAL', 'Tournai'),
  org('d', 'OCMW Kortrijk', 'ocmw', 'BE-VLG', 'Kortrijk'),
];

function Harness() {
  const [value, setValue] = useState<string[]>(['d']);
  return <RecipientsPicker organisations={ORGS} value={value} onChange={setValue} />;
}

afterEach(cleanup);

// Issue 9, item 16: two dozen organisations as one flat row of checkboxes.
describe('the recipients of a consent', () => {
  const open = () => renderRoutes({ routes: [{ path: '/x', element: <Harness /> }], path: '/x' });

  it('groups the organisations by region, each with its type', async () => {
    open();
    const wallonia = await screen.findByRole('region', { name: 'Wallonie' });
    expect(within(wallonia).getByRole('checkbox', { name: /CPAS de Tournai/ })).toBeTruthy();
    const france = screen.getByRole('region', { name: 'Hauts-de-France' });
    expect(within(france).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(france).getByText(/structure d'accueil/i)).toBeTruthy();
  });

  it('filters by name, municipality or type, and keeps what is chosen in sight', async () => {
    open();
    const filter = await screen.findByRole('searchbox', { name: 'Filtrer les organisations' });
    fireEvent.change(filter, { target: { value: 'roubaix' } });
    expect(screen.getByRole('checkbox', { name: /CCAS de Roubaix/ })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /CPAS de Tournai/ })).toBeNull();
    // OCMW Kortrijk is chosen: it stays, and the summary names it.
    expect((screen.getByRole('checkbox', { name: /OCMW Kortrijk/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Choisie : OCMW Kortrijk/)).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'cpas' } });
    expect(screen.getByRole('checkbox', { name: /CPAS de Tournai/ })).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'zzz' } });
    expect(screen.getByText('Aucune organisation ne correspond à « zzz ».', { exact: false })).toBeTruthy();
  });
});
