import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import type {
  DeclarationView,
  ExpenditureOverview,
  ItemView,
} from '../../../../common/monitoring/expenditure-schemas';
import { declarationLink, expenditureLink } from '../../../../common/monitoring/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };
const K = '00000000-0000-4000-8000-00000000000b';
const L = '00000000-0000-4000-8000-00000000000a';
const A2 = '00000000-0000-4000-8000-000000000a02';
const D = '00000000-0000-4000-8000-0000000000d1';

const it1 = (over: Partial<ItemView> = {}): ItemView => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  category: 'travel',
  actionId: A2,
  description: 'Treinreizen Kortrijk–Rijsel',
  supplier: 'NMBS (fictief)',
  invoiceNumber: 'NB-2025-0412',
  invoiceDate: '2025-05-12',
  paidOn: '2025-06-02',
  amount: '386.40',
  proofRef: 'stuk 2025/0412',
  review: { status: 'pending', correctedAmount: null, reason: null, reviewedAt: null },
  ...over,
});

const view = (over: Partial<DeclarationView> = {}): DeclarationView => ({
  declaration: {
    id: D,
    programmeId: 'p1',
    orgId: K,
    orgNameFr: 'CPAS de Courtrai',
    orgNameNl: 'OCMW Kortrijk',
    orgShortName: null,
    period: '2025',
    status: 'draft',
    submittedAt: null,
    reviewedAt: null,
    reopenReason: null,
    accepted: '0.00',
    declared: '386.40',
  },
  items: [it1()],
  office: { rate: '15', declared: '0.00', accepted: '0.00' },
  actions: [{ id: A2, code: 'A2', titleFr: 'Immersions', titleNl: 'Inleefstages' }],
  canEdit: true,
  canReview: false,
  canReopen: false,
  ...over,
});

function open(v: DeclarationView, language: 'fr' | 'nl' = 'nl') {
  return renderRoutes({
    routes: monitoringModule.routes!,
    path: declarationLink.href({ id: D }),
    roles: ['coordinator'],
    language,
    answers: byEndpoint(
      [api.declaration, v],
      [api.addItem, { id: 'new' }],
      [api.submit, { ok: true }],
      [api.reviewItem, { ok: true }],
    ),
  });
}

afterEach(cleanup);

describe('expenditure declaration page', () => {
  it('lets the partner add an item in Dutch, refusing a bad amount before sending, and submit', async () => {
    const calls = open(view());
    const table = await screen.findByRole('table', { name: 'Aangegeven uitgaven' }, SLOW);
    expect(within(table).getByText('Treinreizen Kortrijk–Rijsel')).toBeTruthy();
    expect(within(table).getByText(/A2 · Inleefstages/)).toBeTruthy();
    // The partner is named in the reader's language (the French name showed in a Dutch page).
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('OCMW Kortrijk');
    fireEvent.click(screen.getByRole('button', { name: 'Uitgave toevoegen' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Omschrijving/), { target: { value: 'Tolk NL–FR' } });
    fireEvent.change(within(dialog).getByLabelText(/Bedrag/), { target: { value: '12,345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(await within(dialog).findByText(/hoogstens twee decimalen/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.addItem))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Bedrag/), { target: { value: '1 640,5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.addItem))).toBe(true));
    expect(calls.find((c) => isCall(c, api.addItem))?.body).toMatchObject({
      category: 'staff',
      description: 'Tolk NL–FR',
      amount: '1640.5',
      actionId: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Indienen bij de hoofdpartner' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.submit))).toBe(true));
  });

  it('is read-only for the partner once submitted', async () => {
    open(view({ canEdit: false, declaration: { ...view().declaration, status: 'submitted' } }));
    expect(await screen.findByText(/kan niet meer worden gewijzigd/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uitgave toevoegen' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Indienen/ })).toBeNull();
  });

  it('lets the lead correct an item with the amount and a reason, in French', async () => {
    const calls = open(
      view({
        canEdit: false,
        canReview: true,
        canReopen: true,
        declaration: { ...view().declaration, status: 'submitted' },
        items: [
          it1(),
          it1({
            id: '00000000-0000-4000-8000-0000000000e2',
            description: 'Tolk',
            review: { status: 'accepted', correctedAmount: null, reason: null, reviewedAt: null },
          }),
        ],
      }),
      'fr',
    );
    const table = await screen.findByRole('table', { name: 'Dépenses déclarées' }, SLOW);
    expect(within(table).getByText('Acceptée')).toBeTruthy();
    // One item still to review: the review cannot be closed yet.
    expect(screen.getByRole('button', { name: 'Clôturer l’examen' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(table).getByRole('button', { name: /Examiner : Treinreizen/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Décision/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Corriger' }));
    fireEvent.change(within(dialog).getByLabelText(/Montant corrigé/), { target: { value: '322' } });
    fireEvent.change(within(dialog).getByLabelText(/Raison/), {
      target: { value: 'Un aller-retour de trop' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer l’examen' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.reviewItem))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.reviewItem))!;
    expect(sent.path).toBe(`/api/expenditure/${D}/items/00000000-0000-4000-8000-0000000000e1/review`);
    expect(sent.body).toEqual({
      status: 'corrected',
      correctedAmount: '322',
      reason: 'Un aller-retour de trop',
    });
  });
});

describe('expenditure overview page', () => {
  it('lists the declarations and the absorption by partner, linked from the budget page', async () => {
    const o: ExpenditureOverview = {
      programme: {
        id: 'p1',
        acronym: 'SAM-E suite',
        leadOrgId: L,
        nameFr: 'SAM suite',
        nameNl: 'SAM vervolg',
      },
      partners: [{ orgId: K, nameFr: 'OCMW de Courtrai', nameNl: 'OCMW Kortrijk' }],
      actions: [],
      mine: [
        {
          ...view().declaration,
          status: 'reviewed',
          accepted: '322.00',
          submittedAt: '2026-01-10T10:00:00.000Z',
        },
      ],
      toReview: [],
      absorption: {
        versionNumber: 2,
        total: { key: null, budget: '1000.00', declared: '386.40', accepted: '322.00', absorptionBp: 3220 },
        byPartner: [
          { key: K, budget: '1000.00', declared: '386.40', accepted: '322.00', absorptionBp: 3220 },
        ],
        byCategory: [],
        byAction: [],
      },
      canDeclare: true,
    };
    renderRoutes({
      routes: monitoringModule.routes!,
      path: expenditureLink.href({ id: 'p1' }),
      roles: ['coordinator'],
      language: 'nl',
      answers: byEndpoint([api.overview, o]),
    });
    const mine = await screen.findByRole('table', { name: 'De aangiften van uw organisatie' }, SLOW);
    expect(within(mine).getByRole('link', { name: 'Aangifte 2025 openen' }).getAttribute('href')).toBe(
      declarationLink.href({ id: D }),
    );
    const byPartner = screen.getByRole('table', { name: 'Per partner' });
    const row = within(byPartner).getByRole('row', { name: /OCMW Kortrijk/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => (c.textContent ?? '').replace(/\s/g, '')),
    ).toEqual(['€1.000,00', '€386,40', '€322,00', '32,2%']);
    expect(screen.getByRole('button', { name: 'Nieuwe aangifte' })).toBeTruthy();
    // Walk-through finding 4: the accepted amount beside the declared one.
    expect(
      within(mine)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('Aanvaard');
    const declared = within(mine).getByRole('row', { name: /Aangifte 2025 openen/ });
    expect(
      within(declared)
        .getAllByRole('cell')
        .map((c) => (c.textContent ?? '').replace(/\s/g, '')),
    ).toEqual(expect.arrayContaining(['€386,40', '€322,00']));
  });
});

describe('walk-through of the declaration page', () => {
  const reviewed = (lang: 'fr' | 'nl') =>
    open(
      view({
        canEdit: false,
        canReview: true,
        canReopen: true,
        declaration: { ...view().declaration, status: 'submitted', orgShortName: 'OCMW Kortrijk' },
        items: [
          it1(),
          it1({
            id: '00000000-0000-4000-8000-0000000000e2',
            description: 'Tolk',
            review: { status: 'corrected', correctedAmount: '300.00', reason: 'Te veel', reviewedAt: null },
          }),
        ],
      }),
      lang,
    );

  it('puts the amount and the review right after the description, invoice and payment in one cell', async () => {
    reviewed('nl');
    const table = await screen.findByRole('table', { name: 'Aangegeven uitgaven' }, SLOW);
    // Stacked on a phone (labelled blocks), six columns on a laptop: no review column out of sight.
    expect(table.classList.contains('data--stacked')).toBe(true);
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Omschrijving',
      'Bedrag (€)',
      'Nazicht',
      'Factuur en betaling',
      'Bewijsstukken',
      'Handelingen op de uitgave',
    ]);
    // The buttons' column is a header cell whose label only readers hear.
    expect(headers[5]?.tagName).toBe('TH');
    expect(headers[5]?.querySelector('.visually-hidden')).toBeTruthy();
    expect(table.querySelector('thead td')).toBeNull();
    const row = within(table).getByRole('row', { name: /Tolk/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]?.textContent).toMatch(/Tolk.*Reis- en verblijfkosten · A2 · Inleefstages/);
    expect(cells[1]?.textContent).toMatch(/386,40/);
    expect(cells[2]?.textContent).toMatch(/Gecorrigeerd tot .*300,00.*Te veel/);
    expect(cells[3]?.textContent).toMatch(
      /NMBS \(fictief\).*NB-2025-0412 van 12 mei 2025.*Betaald op 2 jun 2025/,
    );
  });

  it('labels the review button by what is left to do, in French and Dutch', async () => {
    reviewed('fr');
    const table = await screen.findByRole('table', { name: 'Dépenses déclarées' }, SLOW);
    const pending = within(table).getByRole('button', { name: /^Examiner : Treinreizen/ });
    expect(pending.textContent).toBe('Examiner');
    const done = within(table).getByRole('button', { name: /^Modifier l’examen : Tolk/ });
    expect(done.textContent).toBe('Modifier l’examen');
    // The dialog shows the decision as it stands.
    fireEvent.click(done);
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/Montant corrigé/) as HTMLInputElement).value).toBe('300,00');
    expect((within(dialog).getByLabelText(/Raison/) as HTMLTextAreaElement).value).toBe('Te veel');
    cleanup();
    reviewed('nl');
    const nl = await screen.findByRole('table', { name: 'Aangegeven uitgaven' }, SLOW);
    expect(within(nl).getByRole('button', { name: /^Nazicht wijzigen: Tolk/ }).textContent).toBe(
      'Nazicht wijzigen',
    );
  });

  it('names the partner by its short name in both languages', async () => {
    for (const lang of ['fr', 'nl'] as const) {
      reviewed(lang);
      const h1 = await screen.findByRole('heading', { level: 1 }, SLOW);
      expect(h1.textContent).toBe(`${lang === 'fr' ? 'Déclaration' : 'Aangifte'} 2025 — OCMW Kortrijk`);
      cleanup();
    }
  });
});
