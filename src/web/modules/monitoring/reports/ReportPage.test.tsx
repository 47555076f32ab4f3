import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reportLink, reportsLink } from '../../../../common/monitoring/links';
import { reportEndpoints as api } from '../../../../common/monitoring/report-endpoints';
import type { ReportList, ReportView } from '../../../../common/monitoring/report-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };
const R = '00000000-0000-4000-8000-0000000000a1';
const P = '00000000-0000-4000-8000-0000000000b1';
const A1 = '00000000-0000-4000-8000-000000000a01';
const L = '00000000-0000-4000-8000-00000000000a';
const K = '00000000-0000-4000-8000-00000000000b';

const report = {
  id: R,
  programmeId: P,
  period: '2026-S1',
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  dueOn: '2099-12-31',
  status: 'draft' as const,
  version: 2,
  readableVersion: 2,
};

const view = (over: Partial<ReportView> = {}): ReportView => ({
  report,
  version: {
    number: 2,
    status: 'draft',
    figuresTakenAt: '2026-07-02T08:00:00.000Z',
    submittedAt: null,
    submittedBy: null,
    reopenedAt: null,
    reopenedBy: null,
    reopenReason: null,
  },
  versions: [
    {
      number: 2,
      status: 'draft',
      figuresTakenAt: '2026-07-02T08:00:00.000Z',
      submittedAt: null,
      submittedBy: null,
      reopenedAt: null,
      reopenedBy: null,
      reopenReason: null,
    },
    {
      number: 1,
      status: 'reopened',
      figuresTakenAt: '2026-07-01T08:00:00.000Z',
      submittedAt: '2026-07-01T09:00:00.000Z',
      submittedBy: 'Camille Coordonne',
      reopenedAt: '2026-07-02T08:00:00.000Z',
      reopenedBy: 'Camille Coordonne',
      reopenReason: 'Chantier oublié',
    },
  ],
  figures: {
    programme: {
      acronym: 'SAM-E suite',
      nameFr: 'SAM suite',
      nameNl: 'SAM vervolg',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      leadOrgId: L,
    },
    period: { label: '2026-S1', from: '2026-01-01', to: '2026-06-30' },
    actions: [{ id: A1, code: 'A1', titleFr: 'Chantiers', titleNl: 'Werkplekken', titleEn: 'Placements' }],
    partners: [
      { orgId: L, nameFr: 'UDCCAS du Nord', nameNl: 'UDCCAS Nord' },
      { orgId: K, nameFr: 'CPAS de Courtrai', nameNl: 'OCMW Kortrijk' },
    ],
    indicators: [
      {
        code: 'I1',
        euCode: 'RCO82',
        kind: 'output',
        unit: 'persons',
        actionCode: 'A1',
        labelFr: 'Allocataires en chantier',
        labelNl: 'Leefloners op een werkplek',
        labelEn: 'Recipients placed',
        definitionFr: null,
        definitionNl: null,
        definitionEn: null,
        ruleCode: 'placements.persons_placed',
        ruleLabelKey: 'placements.indicators.persons_placed.label',
        ruleDefinitionKey: 'placements.indicators.persons_placed.definition',
        params: [],
        baseline: 0,
        target: 50,
        previous: null,
        thisPeriod: null,
        cumulative: 12,
        percent: 24,
        byPartner: [{ orgId: K, n: null }],
        asOf: null,
        milestones: [],
        suppressed: true,
      },
    ],
    expenditure: {
      absorption: {
        versionNumber: 1,
        total: { key: null, budget: '1000.00', declared: '386.40', accepted: '386.40', absorptionBp: 3864 },
        byPartner: [],
        byCategory: [],
        byAction: [],
      },
      byPartnerCategory: [
        {
          orgId: K,
          category: 'travel',
          budget: '1000.00',
          declaredPeriod: '386.40',
          acceptedPeriod: '0.00',
          declaredCumulative: '386.40',
          acceptedCumulative: '386.40',
          absorptionBp: 3864,
        },
      ],
      missingDeclarations: [L],
    },
  },
  narratives: { general: { fr: null, nl: 'Alleen in het Nederlands geschreven.', en: null } },
  canEdit: true,
  canReopen: false,
  exact: false,
  ...over,
});

function open(v: ReportView, language: 'fr' | 'nl' = 'fr') {
  return renderRoutes({
    routes: monitoringModule.routes!,
    path: reportLink.href({ id: R }),
    roles: ['coordinator'],
    language,
    answers: byEndpoint(
      [api.view, v],
      [api.saveNarrative, { ok: true }],
      [api.submit, { ok: true }],
      [api.reopen, { ok: true }],
    ),
  });
}

afterEach(cleanup);

describe('a progress report page', () => {
  it('tells the lead it is their turn, hides small numbers, and saves a narrative per action', async () => {
    const calls = open(view());
    expect(await screen.findByText(/À vous : relisez les chiffres/, {}, SLOW)).toBeTruthy();
    // Hidden figures say so, never 0.
    expect(screen.getAllByText('< 5 (masqué)').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('12')).toBeTruthy();
    // The versions, with the re-opening's reason.
    expect(screen.getByText(/Chantier oublié/)).toBeTruthy();
    // Written in Dutch only: the editor shows it in its Dutch field.
    const a1 = screen.getByRole('region', { name: 'A1 – Chantiers' });
    fireEvent.change(within(a1).getByLabelText('Texte en français'), {
      target: { value: '  Douze personnes placées.  ' },
    });
    fireEvent.click(within(a1).getByRole('button', { name: /Enregistrer le récit/ }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.saveNarrative))).toBe(true));
    expect(calls.find((c) => isCall(c, api.saveNarrative))?.body).toEqual({
      key: A1,
      fr: 'Douze personnes placées.',
      nl: null,
      en: null,
    });
    // Submitting asks for confirmation first.
    fireEvent.click(screen.getByRole('button', { name: 'Soumettre le rapport' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/seront figés/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Soumettre le rapport' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.submit))).toBe(true));
  });

  it('reads a submitted report in Dutch, with a French-only text marked as such, and asks a reason to re-open', async () => {
    const submitted = view({
      canEdit: false,
      canReopen: true,
      report: { ...report, status: 'submitted' },
      narratives: { general: { fr: 'Texte en français seulement.', nl: null, en: null } },
    });
    const calls = open(submitted, 'nl');
    expect(await screen.findByText(/Ingediend: niets te doen/, {}, SLOW)).toBeTruthy();
    expect(screen.getByText('(tekst in het Frans geschreven)')).toBeTruthy();
    expect(screen.getByText('Texte en français seulement.')).toBeTruthy();
    expect(screen.getByText(/Zonder ingediende declaratie voor deze periode: UDCCAS Nord/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Heropenen' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Heropenen (nieuwe versie)' }));
    expect(await within(dialog).findByText(/minstens 3 tekens/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.reopen))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Waarom/), { target: { value: 'Cijfers aangevuld' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Heropenen (nieuwe versie)' }));
    await waitFor(() =>
      expect(calls.find((c) => isCall(c, api.reopen))?.body).toEqual({ reason: 'Cijfers aangevuld' }),
    );
  });

  it('lists the reports with their deadline, and links only those the reader may open', async () => {
    const list: ReportList = {
      programme: {
        id: P,
        acronym: 'SAM-E suite',
        nameFr: 'SAM suite',
        nameNl: 'SAM vervolg',
        leadOrgId: L,
        startsOn: '2025-01-01',
        endsOn: '2027-12-31',
      },
      items: [
        { ...report, id: R, dueOn: '2020-01-31', readableVersion: null },
        { ...report, id: P, period: '2025-S2', status: 'submitted', readableVersion: 1, version: 1 },
      ],
      canManage: false,
    };
    renderRoutes({
      routes: monitoringModule.routes!,
      path: reportsLink.href({ id: P }),
      roles: ['finance'],
      language: 'nl',
      answers: byEndpoint([api.list, list]),
    });
    const table = await screen.findByRole('table', {}, SLOW);
    expect(within(table).getByText(/dagen te laat/)).toBeTruthy();
    expect(within(table).queryByRole('link', { name: '2026-S1' })).toBeNull();
    expect(within(table).getByRole('link', { name: '2025-S2' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nieuw verslag' })).toBeNull();
  });
});
