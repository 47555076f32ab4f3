import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { civilDay } from '../../../../common/kernel/clock';
import { monitoringEndpoints } from '../../../../common/monitoring/endpoints';
import { expenditureEndpoints } from '../../../../common/monitoring/expenditure-endpoints';
import type { ExpenditureOverview } from '../../../../common/monitoring/expenditure-schemas';
import { dashboardLink, indicatorsLink, reportLink } from '../../../../common/monitoring/links';
import { reportEndpoints } from '../../../../common/monitoring/report-endpoints';
import type { ReportList, ReportSummary } from '../../../../common/monitoring/report-schemas';
import type { IndicatorBoard, IndicatorView } from '../../../../common/monitoring/schemas';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { type Answer, apiError, byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };
const L = '00000000-0000-4000-8000-00000000000a';
const K = '00000000-0000-4000-8000-00000000000b';

/** A calendar day `n` days from today (the deadlines count from the real today). */
const day = (n: number) => civilDay(new Date(Date.now() + n * 86_400_000));

const indicator = (over: Partial<IndicatorView>): IndicatorView => ({
  id: 'i1',
  programmeId: 'p1',
  actionId: null,
  actionCode: null,
  position: 1,
  code: 'I1',
  euCode: 'RCO82',
  kind: 'output',
  unit: 'persons',
  labelFr: 'usagers en chantier d’insertion',
  labelNl: 'cliënten op een integratiewerkplek',
  labelEn: 'users in a work placement',
  definitionFr: null,
  definitionNl: null,
  definitionEn: null,
  baseline: 0,
  target: 50,
  ruleCode: 'placements.persons_placed',
  ruleLabelKey: 'placements.indicators.persons_placed.label',
  ruleDefinitionKey: 'placements.indicators.persons_placed.definition',
  params: [],
  period: { from: '2025-01-01', to: '2027-12-31' },
  value: 12,
  percent: 24,
  asOf: null,
  milestones: [{ dueOn: '2026-06-30', target: 10, valueAt: 11, status: 'reached' }],
  byPartner: [],
  breakdowns: ['partner'],
  bySex: [],
  byAgeBand: [],
  breakdownsDeferred: false,
  suppressed: false,
  values: [],
  ...over,
});

const programme = {
  id: 'p1',
  acronym: 'SAM-E suite',
  nameFr: 'SAM Eurométropole — suite',
  nameNl: 'SAM Eurometropool — vervolg',
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
  leadOrgId: L,
};

const board: IndicatorBoard = {
  programme,
  canManage: false,
  seesAll: false,
  canDrill: false,
  actions: [],
  items: [
    indicator({}),
    indicator({
      id: 'i2',
      code: 'I2',
      labelFr: 'jeunes accompagnés',
      labelNl: 'begeleide jongeren',
      target: 20,
      value: null,
      percent: null,
      suppressed: true,
      milestones: [{ dueOn: day(40), target: 10, valueAt: null, status: 'upcoming' }],
    }),
  ],
};

const row = (key: string, budget: string, declared: string, accepted: string, bp: number) => ({
  key,
  budget,
  declared,
  accepted,
  absorptionBp: bp,
});

const overview: ExpenditureOverview = {
  programme: {
    id: 'p1',
    acronym: 'SAM-E suite',
    leadOrgId: L,
    nameFr: programme.nameFr,
    nameNl: programme.nameNl,
  },
  partners: [
    { orgId: L, nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
    { orgId: K, nameFr: 'CPAS de Courtrai', nameNl: 'OCMW Kortrijk' },
  ],
  actions: [],
  mine: [],
  toReview: [],
  absorption: {
    versionNumber: 2,
    total: row('total', '150000.00', '40000.00', '30000.00', 2000),
    byPartner: [
      row(L, '100000.00', '30000.00', '25000.00', 2500),
      row(K, '50000.00', '10000.00', '5000.00', 1000),
    ],
    byCategory: [
      row('staff', '120000.00', '35000.00', '27000.00', 2250),
      row('travel', '30000.00', '5000.00', '3000.00', 1000),
    ],
    byAction: [],
  },
  canDeclare: false,
};

const report = (over: Partial<ReportSummary>): ReportSummary => ({
  id: 'r1',
  programmeId: 'p1',
  period: '2026-S1',
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  dueOn: day(-3),
  status: 'draft',
  version: 1,
  readableVersion: null,
  ...over,
});

const reports: ReportList = {
  programme,
  canManage: false,
  items: [
    report({ id: 'r0', period: '2025-S2', dueOn: day(-100), status: 'submitted', readableVersion: 1 }),
    report({}),
    report({ id: 'r2', period: '2026-S2', dueOn: day(10) }),
  ],
};

const detail = {
  ...programme,
  lead: { id: L, nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  milestones: [
    { id: 'm0', occursOn: day(-30), labelFr: 'Lancement', labelNl: 'Aftrap', labelEn: null, note: null },
    {
      id: 'm1',
      occursOn: day(20),
      labelFr: 'Comité de suivi',
      labelNl: 'Stuurgroep',
      labelEn: null,
      note: null,
    },
  ],
  seesMilestones: true,
} as unknown as ProgrammeDetail;

function open(language: 'fr' | 'nl', expenditure: Answer = overview) {
  return renderRoutes({
    routes: monitoringModule.routes!,
    path: dashboardLink.href({ id: 'p1' }),
    roles: ['analyst'],
    language,
    answers: byEndpoint(
      [monitoringEndpoints.board, board],
      [
        expenditureEndpoints.overview,
        () => (expenditure instanceof Response ? expenditure.clone() : expenditure),
      ],
      [reportEndpoints.list, reports],
      [programmesApi.get, detail],
    ),
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('programme monitoring dashboard', () => {
  it('gives every chart a text alternative and counts the deadlines, in French', async () => {
    open('fr');
    const ind = await screen.findByRole('table', { name: 'Indicateurs : réalisé, cible et jalons' }, SLOW);
    const hiddenRow = within(ind).getByRole('row', { name: /I2 jeunes accompagnés/ });
    expect(within(hiddenRow).getByText(/< 5/)).toBeTruthy();
    expect(within(hiddenRow).getByText(/masqué/)).toBeTruthy();
    expect(within(hiddenRow).queryByText('0')).toBeNull();
    expect(within(hiddenRow).getByText(/jalon à venir/)).toBeTruthy();
    const shownRow = within(ind).getByRole('row', { name: /I1 usagers/ });
    expect(within(shownRow).getByText('12')).toBeTruthy();
    expect(within(shownRow).getByText(/jalon atteint/)).toBeTruthy();
    // The hidden figure reads "< 5" in the chart too, explained, and each indicator leads to its page.
    expect(screen.getByText(/Ce n’est pas un zéro/)).toBeTruthy();
    const links = screen.getAllByRole('link', { name: /jeunes accompagnés/ });
    expect(links[0]!.getAttribute('href')).toBe(indicatorsLink.href({ id: 'p1' }));

    const byPartner = await screen.findByRole('table', {
      name: 'Absorption par partenaire : budget, déclaré, accepté',
    });
    const mouscron = within(byPartner).getByRole('row', { name: /CPAS de Mouscron/ });
    expect(within(mouscron).getByText(/100\s000,00/)).toBeTruthy();
    expect(within(mouscron).getByText(/25\s%/)).toBeTruthy();
    const byCategory = screen.getByRole('table', {
      name: 'Absorption par catégorie de coûts : budget, déclaré, accepté',
    });
    expect(within(byCategory).getByRole('rowheader', { name: 'Déplacements et hébergement' })).toBeTruthy();

    const overdue = await screen.findByText('en retard de 3 jours');
    expect(overdue.closest('li')?.querySelector('a')?.getAttribute('href')).toBe(
      reportLink.href({ id: 'r1' }),
    );
    expect(screen.getByRole('link', { name: 'Rapport d’avancement 2026-S1' })).toBeTruthy();
    expect(screen.getByText('à remettre dans 10 jours')).toBeTruthy();
    // A submitted report is no longer a deadline; a past milestone neither.
    expect(screen.queryByText(/2025-S2/)).toBeNull();
    expect(screen.queryByText('Lancement')).toBeNull();
    expect(screen.getByText('Comité de suivi')).toBeTruthy();
    expect(screen.getByText('dans 20 jours')).toBeTruthy();
    expect(screen.getByText('Fin du programme')).toBeTruthy();
    // The indicators' upcoming milestones are deadlines too.
    expect(screen.getByText('Jalon I2 : cible 10')).toBeTruthy();
    expect(screen.getByText('dans 40 jours')).toBeTruthy();
  });

  it('says the same in Dutch, partners named in Dutch', async () => {
    open('nl');
    const ind = await screen.findByRole(
      'table',
      { name: 'Indicatoren: gerealiseerd, streefwaarde en mijlpalen' },
      SLOW,
    );
    const hiddenRow = within(ind).getByRole('row', { name: /I2 begeleide jongeren/ });
    expect(within(hiddenRow).getByText(/< 5/)).toBeTruthy();
    expect(within(hiddenRow).getByText(/verborgen/)).toBeTruthy();
    expect(screen.getByText(/Het is geen nul/)).toBeTruthy();
    const byPartner = await screen.findByRole('table', {
      name: 'Besteding per partner: begroting, aangegeven, aanvaard',
    });
    expect(within(byPartner).getByRole('rowheader', { name: 'OCMW Moeskroen' })).toBeTruthy();
    expect(within(byPartner).queryByText('CPAS de Mouscron')).toBeNull();
    const byCategory = screen.getByRole('table', {
      name: 'Besteding per kostencategorie: begroting, aangegeven, aanvaard',
    });
    expect(within(byCategory).getByRole('rowheader', { name: 'Personeel' })).toBeTruthy();
    expect(await screen.findByText('3 dagen te laat')).toBeTruthy();
    expect(screen.getByText('in te dienen binnen 10 dagen')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voortgangsverslag 2026-S2' }).getAttribute('href')).toBe(
      reportLink.href({ id: 'r2' }),
    );
    expect(screen.getByText('Stuurgroep')).toBeTruthy();
    expect(screen.getByText('Einde van het programma')).toBeTruthy();
  });

  it('still shows the indicators and deadlines when the expenditure overview is refused (403)', async () => {
    open('fr', apiError(403, 'errors.forbidden', 'Accès refusé.'));
    expect(
      await screen.findByRole('table', { name: 'Indicateurs : réalisé, cible et jalons' }, SLOW),
    ).toBeTruthy();
    expect(await screen.findByText(/Votre rôle ne donne pas accès à ces données/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Absorption par partenaire/ })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Absorption du budget' })).toBeTruthy();
    expect(await screen.findByText('en retard de 3 jours')).toBeTruthy();
  });
});
