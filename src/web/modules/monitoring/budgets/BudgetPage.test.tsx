import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetEndpoints as api } from '../../../../common/monitoring/budget-endpoints';
import type { BudgetView } from '../../../../common/monitoring/budget-schemas';
import { budgetTotals } from '../../../../common/monitoring/budget-totals';
import { budgetLink } from '../../../../common/monitoring/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };
const L = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const A1 = '00000000-0000-4000-8000-000000000a01';

const content = {
  envelopes: [
    {
      fund: 'amif' as const,
      label: 'Subvention FAMI',
      grant: '236672.84',
      earmarked: '95000.00',
      partnerOrgId: B,
      note: null,
    },
  ],
  lines: [
    {
      partnerOrgId: L,
      category: 'staff' as const,
      actionId: A1,
      period: '2026',
      amount: '10000.00',
      flatRate: null,
      envelope: 0,
      note: 'Montant fictif (démonstration).',
    },
    {
      partnerOrgId: L,
      category: 'office' as const,
      actionId: A1,
      period: '2026',
      amount: null,
      flatRate: '15',
      envelope: null,
      note: null,
    },
    {
      partnerOrgId: B,
      category: 'travel' as const,
      actionId: null,
      period: '2026',
      amount: '999.99',
      flatRate: null,
      envelope: null,
      note: null,
    },
  ],
  cofinancing: [
    { partnerOrgId: L, fund: 'erdf' as const, funder: null, rate: '50', amount: null },
    {
      partnerOrgId: B,
      fund: 'province' as const,
      funder: 'Provincie West-Vlaanderen',
      rate: '10',
      amount: null,
    },
  ],
};
const v = (number: number, reason: string) => ({
  id: `v${number}`,
  number,
  datedOn: number === 2 ? '2026-03-01' : '2025-01-01',
  reason,
  source: `Convention ${number}`,
  createdAt: '2026-03-01T10:00:00.000Z',
});

const view = (over: Partial<BudgetView> = {}): BudgetView => ({
  programme: { id: 'p1', acronym: 'SAM-E suite', nameFr: 'SAM suite', nameNl: 'SAM vervolg', leadOrgId: L },
  partners: [
    { orgId: L, nameFr: 'UDCCAS du Nord', nameNl: 'UDCCAS Nord' },
    { orgId: B, nameFr: 'OCMW de Courtrai', nameNl: 'OCMW Kortrijk' },
  ],
  actions: [{ id: A1, code: 'A1', titleFr: 'Chantiers', titleNl: 'Werkplekken' }],
  versions: [v(2, 'Avenant'), v(1, 'Budget initial')],
  version: { ...v(2, 'Avenant'), ...content },
  totals: budgetTotals(content),
  canEdit: true,
  ...over,
});

function open(b: BudgetView, path = budgetLink.href({ id: 'p1' })) {
  return renderRoutes({
    routes: monitoringModule.routes!,
    path,
    roles: ['coordinator'],
    language: 'fr',
    answers: byEndpoint([api.budget, b], [api.createVersion, { id: 'v3', number: 3 }]),
  });
}

afterEach(cleanup);

/** A row's cells without their spaces (the locale's thousands separator is a narrow no-break space). */
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => (c.textContent ?? '').replace(/\s/g, ''));

describe('programme budget page', () => {
  it('shows partner × category with the flat rate computed, funds, own contribution, envelopes and versions', async () => {
    open(view());
    const table = await screen.findByRole('table', { name: /Budget par partenaire/ }, SLOW);
    const lead = within(table).getByRole('row', { name: /UDCCAS du Nord/ });
    // 15 % of 10 000 € computed, not typed; 11 500 € in all, half of it ERDF.
    expect(cells(lead)).toEqual([
      '10000,00€',
      '1500,00€',
      '—',
      '11500,00€',
      '5750,00€(50%)',
      '—',
      '5750,00€',
    ]);
    const other = within(table).getByRole('row', { name: /OCMW de Courtrai/ });
    // 10 % of 999,99 rounded down: 99,99; the partner carries 900,00.
    expect(cells(other)).toEqual([
      '—',
      '—',
      '999,99€',
      '999,99€',
      '—',
      '99,99€(10%)ProvincieWest-Vlaanderen',
      '900,00€',
    ]);
    const envelopes = screen.getByRole('table', { name: 'Enveloppes réservées' });
    // 10 000 of the 95 000 earmarked used by the line charged to it.
    expect(cells(within(envelopes).getAllByRole('row')[1] as HTMLElement)).toEqual([
      'OCMWdeCourtrai',
      '236672,84€',
      '95000,00€',
      '10000,00€',
      '85000,00€',
    ]);
    const versions = screen.getByRole('table', { name: 'Versions du budget' });
    expect(within(versions).getByText('Avenant')).toBeTruthy();
    expect(within(versions).getByRole('link', { name: 'Ouvrir la version 1' }).getAttribute('href')).toBe(
      budgetLink.href({ id: 'p1' }, { version: 1 }),
    );
    expect(screen.queryByText(/version antérieure/)).toBeNull();
  });

  it('asks for an older version and says it is one', async () => {
    const calls = open(
      view({ version: { ...v(1, 'Budget initial'), ...content } }),
      budgetLink.href({ id: 'p1' }, { version: 1 }),
    );
    expect(await screen.findByText(/Vous consultez une version antérieure/, {}, SLOW)).toBeTruthy();
    expect(calls.find((c) => isCall(c, api.budget))?.query.get('version')).toBe('1');
  });

  it("sends a new version copied from the current one, with the lead's edits and a required reason", async () => {
    const calls = open(view());
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvelle version' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la version' }));
    expect(await within(dialog).findByText(/Indiquez le motif/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.createVersion))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Motif du changement/), {
      target: { value: 'Avenant 2' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Source/), { target: { value: 'Comité du 3 mars' } });
    fireEvent.change(within(dialog).getByLabelText(/Montant : UDCCAS du Nord, Personnel/), {
      target: { value: '12 000,50' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /Retirer la ligne : OCMW de Courtrai/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la version' }));
    await waitFor(() => expect(calls.some((c: Call) => isCall(c, api.createVersion))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.createVersion))!;
    expect(sent.path).toBe('/api/programmes/p1/budget/versions');
    expect(sent.body).toMatchObject({
      reason: 'Avenant 2',
      source: 'Comité du 3 mars',
      envelopes: content.envelopes,
      cofinancing: content.cofinancing,
      lines: [
        { partnerOrgId: L, category: 'staff', amount: '12000.50', envelope: 0 },
        { category: 'office', amount: null, flatRate: '15' },
      ],
    });
  });

  it("is linked from the programme page's slot, for those who read indicators", () => {
    const link = monitoringModule.programmeLinks?.find((l) => l.key === 'monitoring-budget');
    expect(link?.permission).toBe('indicators.view');
    expect(link?.href('p1')).toBe('/app/programmes/p1/budget');
  });

  it('offers no new version to a partner', async () => {
    open(view({ canEdit: false }));
    await screen.findByRole('table', { name: /Budget par partenaire/ }, SLOW);
    expect(screen.queryByRole('button', { name: 'Nouvelle version' })).toBeNull();
  });
});
