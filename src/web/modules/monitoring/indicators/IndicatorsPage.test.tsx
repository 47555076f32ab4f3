import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { indicatorRecordsLink, indicatorsLink } from '../../../../common/monitoring/links';
import type { IndicatorBoard, IndicatorView, RecordsView } from '../../../../common/monitoring/schemas';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };

const ruled = (over: Partial<IndicatorView> = {}): IndicatorView => ({
  id: 'i1',
  programmeId: 'p1',
  actionId: 'a1',
  actionCode: 'A1',
  position: 1,
  code: 'I1',
  euCode: 'RCO82',
  kind: 'output',
  unit: 'persons',
  labelFr: 'usagers des CCAS/CPAS en chantier d’insertion',
  labelNl: 'cliënten op een integratiewerkplek',
  labelEn: 'users in a work placement',
  definitionFr: 'Personnes uniques par code participant.',
  definitionNl: 'Unieke personen per deelnemerscode.',
  definitionEn: 'Unique persons by participant code.',
  baseline: 0,
  target: 50,
  ruleCode: 'placements.persons_placed',
  ruleLabelKey: 'placements.indicators.persons_placed.label',
  ruleDefinitionKey: 'placements.indicators.persons_placed.definition',
  params: [
    { name: 'minDurationDays', kind: 'integer', value: 56 },
    { name: 'statuses', kind: 'set', value: ['active', 'completed'] },
  ],
  period: { from: '2025-01-01', to: '2027-12-31' },
  value: 12,
  percent: 24,
  asOf: null,
  milestones: [{ dueOn: '2026-12-31', target: 25, valueAt: null, status: 'upcoming' }],
  byPartner: [
    { orgId: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen', n: 9 },
    { orgId: 'o2', nameFr: 'OCMW de Courtrai', nameNl: 'OCMW Kortrijk', n: 3 },
  ],
  breakdowns: ['partner'],
  bySex: [],
  byAgeBand: [],
  breakdownsDeferred: false,
  suppressed: false,
  values: [],
  ...over,
});

const manual = ruled({
  id: 'i2',
  code: 'I2',
  euCode: 'RCO85',
  labelFr: 'professionnels partant en immersion',
  labelNl: 'professionals op inleefstage',
  ruleCode: null,
  ruleLabelKey: null,
  ruleDefinitionKey: null,
  params: [],
  value: 7,
  percent: 11.7,
  asOf: '2026-06-30',
  milestones: [],
  byPartner: [],
  values: [
    {
      id: 'v1',
      value: 7,
      asOf: '2026-06-30',
      evidenceUrl: 'https://example.org/liste.pdf',
      evidenceNote: null,
      authorUserId: 'u',
    },
  ],
});

const board = (over: Partial<IndicatorBoard> = {}): IndicatorBoard => ({
  programme: {
    id: 'p1',
    acronym: 'SAM-E suite',
    nameFr: 'SAM Eurométropole — suite',
    nameNl: 'SAM Eurometropool — vervolg',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    leadOrgId: 'o1',
  },
  canManage: true,
  seesAll: true,
  canDrill: true,
  actions: [
    {
      id: 'a1',
      code: 'A1',
      titleFr: 'Chantiers transfrontaliers',
      titleNl: 'Grensoverschrijdende werkplekken',
    },
  ],
  items: [ruled(), manual],
  ...over,
});

/** What GET /api/indicators/:id answers (one indicator with its breakdowns by sex and age band). */
let single: IndicatorView | null = null;

function open(b: IndicatorBoard, roles = ['coordinator'], language: 'fr' | 'nl' = 'fr') {
  return renderRoutes({
    routes: monitoringModule.routes!,
    path: indicatorsLink.href({ id: 'p1' }),
    roles,
    language,
    answers: byEndpoint(
      [api.board, b],
      [api.indicator, () => single ?? {}],
      [api.addValue, { id: 'v2' }],
      [api.create, ruled({ id: 'i9' })],
      [api.update, ruled()],
      [
        api.rules,
        {
          items: [
            {
              code: 'placements.persons_placed',
              module: 'placements',
              unit: 'persons',
              labelKey: 'placements.indicators.persons_placed.label',
              definitionKey: 'placements.indicators.persons_placed.definition',
              params: {
                minDurationDays: { kind: 'integer', min: 1, max: 1096, default: 56 },
                statuses: { kind: 'set', options: ['active', 'completed'], default: ['active'], minItems: 1 },
              },
              profile: true,
            },
          ],
        },
      ],
    ),
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('programme indicators page', () => {
  it('shows each indicator against its target, by partner, with its explanation (lead)', async () => {
    open(board());
    const first = (
      await screen.findByText('usagers des CCAS/CPAS en chantier d’insertion', {}, SLOW)
    ).closest('section') as HTMLElement;
    expect(within(first).getByText('RCO82')).toBeTruthy();
    expect(within(first).getByText('12')).toBeTruthy();
    expect(within(first).getByText('sur un objectif de 50')).toBeTruthy();
    expect(within(first).getByText('Jalon à venir')).toBeTruthy();
    const table = within(first).getByRole('table', { name: 'Par partenaire' });
    expect(within(table).getByText('CPAS de Mouscron')).toBeTruthy();
    expect(within(table).getByText('3')).toBeTruthy();
    expect(within(first).getByText('Durée minimale (jours)')).toBeTruthy();
    expect(within(first).getByText('en cours et terminé')).toBeTruthy();
    expect(
      within(first).getByRole('link', { name: 'Voir les enregistrements comptés' }).getAttribute('href'),
    ).toBe(indicatorRecordsLink.href({ id: 'i1' }));
    expect(screen.queryByText(/moins de 5 personnes/)).toBeNull();
    // The manual one: its value's date and evidence, and the entry for the lead coordinator.
    const second = screen.getByText('professionnels partant en immersion').closest('section') as HTMLElement;
    expect(within(second).getByRole('link', { name: 'preuve' }).getAttribute('href')).toBe(
      'https://example.org/liste.pdf',
    );
    expect(within(second).getByRole('button', { name: 'Saisir une valeur' })).toBeTruthy();
  });

  it('shows hidden counts as "< 5" with the legend, and neither drill-down nor entry, to others', async () => {
    const hidden = ruled({
      value: null,
      percent: null,
      suppressed: true,
      byPartner: [
        { orgId: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen', n: null },
        { orgId: 'o2', nameFr: 'OCMW de Courtrai', nameNl: 'OCMW Kortrijk', n: null },
        { orgId: 'o3', nameFr: 'CCAS de Lille', nameNl: 'CCAS Rijsel', n: 0 },
      ],
    });
    open(board({ canManage: false, seesAll: false, canDrill: false, items: [hidden, manual] }), ['analyst']);
    const first = (
      await screen.findByText('usagers des CCAS/CPAS en chantier d’insertion', {}, SLOW)
    ).closest('section') as HTMLElement;
    const table = within(first).getByRole('table', { name: 'Par partenaire' });
    expect(within(table).getAllByText('< 5')).toHaveLength(2);
    expect(within(table).getByText('0')).toBeTruthy();
    expect(screen.getByText(/moins de 5 personnes/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Voir les enregistrements comptés' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Saisir une valeur' })).toBeNull();
  });

  it('breaks the figure down by sex and by ESF+ age band where declared, hidden counts as "< 5"', async () => {
    const profiled = ruled({
      breakdowns: ['partner', 'sex', 'age_band'],
      suppressed: true,
      bySex: [
        { category: 'female', n: 8 },
        { category: 'male', n: null },
        { category: 'non_binary', n: 0 },
        { category: 'not_recorded', n: null },
      ],
      byAgeBand: [
        { category: 'under_18', n: 0 },
        { category: '18_29', n: null },
        { category: '30_54', n: 7 },
        { category: '55_plus', n: null },
      ],
    });
    // The board defers them (they run the rule once more); opening them asks for this one indicator.
    single = profiled;
    const deferred = { ...profiled, bySex: [], byAgeBand: [], breakdownsDeferred: true };
    const calls = open(board({ canManage: false, seesAll: false, canDrill: false, items: [deferred] }), [
      'analyst',
    ]);
    const first = (
      await screen.findByText('usagers des CCAS/CPAS en chantier d’insertion', {}, SLOW)
    ).closest('section') as HTMLElement;
    expect(within(first).queryByRole('table', { name: 'Par sexe' })).toBeNull();
    expect(calls.some((c) => isCall(c, api.indicator))).toBe(false);
    fireEvent.click(
      within(first).getByRole('button', { name: 'Afficher la répartition par sexe et par tranche d’âge' }),
    );
    const sex = await within(first).findByRole('table', { name: 'Par sexe' }, SLOW);
    expect(calls.find((c) => isCall(c, api.indicator))?.path).toBe(`/api/indicators/${profiled.id}`);
    expect(within(sex).getByText('Femmes')).toBeTruthy();
    expect(within(sex).getByText('8')).toBeTruthy();
    expect(within(sex).getByText('Non renseigné')).toBeTruthy();
    expect(within(sex).getAllByText('< 5')).toHaveLength(2);
    const age = within(first).getByRole('table', { name: 'Par tranche d’âge (à l’entrée)' });
    expect(within(age).getByText('30 à 54 ans')).toBeTruthy();
    expect(within(age).getByText('55 ans et plus')).toBeTruthy();
    expect(within(age).getAllByText('< 5')).toHaveLength(2);
  });

  it('shows no sex or age breakdown where the indicator does not declare it', async () => {
    open(board({ items: [ruled({ bySex: [{ category: 'female', n: 8 }] })] }));
    const first = (
      await screen.findByText('usagers des CCAS/CPAS en chantier d’insertion', {}, SLOW)
    ).closest('section') as HTMLElement;
    expect(within(first).getByRole('table', { name: 'Par partenaire' })).toBeTruthy();
    expect(within(first).queryByRole('table', { name: 'Par sexe' })).toBeNull();
  });

  it('speaks Dutch', async () => {
    open(board(), ['coordinator'], 'nl');
    expect(await screen.findByText('cliënten op een integratiewerkplek', {}, SLOW)).toBeTruthy();
    expect(screen.getAllByText('Per partner').length).toBeGreaterThan(0);
  });

  it('sends a manual value with its evidence', async () => {
    const calls = open(board());
    const second = (await screen.findByText('professionnels partant en immersion', {}, SLOW)).closest(
      'section',
    ) as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Saisir une valeur' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Valeur atteinte/), { target: { value: '9' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la valeur' }));
    // No evidence yet: refused on the form, nothing sent.
    expect(await within(dialog).findByText('Indiquez un lien ou une pièce justificative.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Lien vers la preuve/), {
      target: { value: 'https://example.org/liste-2.pdf' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la valeur' }));
    await waitFor(() => expect(calls.some((c: Call) => isCall(c, api.addValue))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.addValue))!;
    expect(sent.path).toBe('/api/indicators/i2/values');
    expect(sent.body).toMatchObject({
      value: 9,
      evidenceUrl: 'https://example.org/liste-2.pdf',
      evidenceNote: null,
    });
  });
});

describe('defining indicators', () => {
  it('creates a manual indicator from the form', async () => {
    const calls = open(board());
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvel indicateur' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findAllByText('À compléter ou à corriger.')).toHaveLength(5);
    const type = (label: RegExp, value: string) =>
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    type(/^Code/, 'I7');
    type(/Libellé en français/, 'Forums organisés');
    type(/Libellé en néerlandais/, 'Georganiseerde forums');
    type(/Libellé en anglais/, 'Forums held');
    type(/Objectif final/, '12');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter un jalon' }));
    type(/Objectif à cette date/, '6');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer ce jalon' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c: Call) => isCall(c, api.create))).toBe(true));
    expect(calls.find((c) => isCall(c, api.create))?.body).toMatchObject({
      code: 'I7',
      labelNl: 'Georganiseerde forums',
      target: 12,
      ruleCode: null,
      ruleParams: {},
      milestones: [],
    });
  });

  it("edits a ruled indicator with its rule's parameters", async () => {
    const calls = open(board());
    const first = (
      await screen.findByText('usagers des CCAS/CPAS en chantier d’insertion', {}, SLOW)
    ).closest('section') as HTMLElement;
    fireEvent.click(within(first).getByRole('button', { name: 'Modifier' }));
    const dialog = await screen.findByRole('dialog');
    const days = (await within(dialog).findByLabelText(/Durée minimale/)) as HTMLInputElement;
    expect(days.value).toBe('56');
    fireEvent.change(days, { target: { value: '90' } });
    // The rule counts persons: it may be broken down by sex and by age band (ESF+).
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Par sexe' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c: Call) => isCall(c, api.update))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.update))!;
    expect(sent.path).toBe('/api/indicators/i1');
    expect(sent.body).toMatchObject({
      ruleCode: 'placements.persons_placed',
      ruleParams: { minDurationDays: 90, statuses: ['active', 'completed'] },
      milestones: [{ dueOn: '2026-12-31', target: 25 }],
      breakdowns: ['partner', 'sex'],
    });
  });
});

describe('records behind an indicator', () => {
  it('lists participant codes and partners, never names', async () => {
    const records: RecordsView = {
      indicator: {
        id: 'i1',
        programmeId: 'p1',
        code: 'I1',
        labelFr: 'usagers en chantier',
        labelNl: 'cliënten op een werkplek',
        labelEn: 'users placed',
        unit: 'persons',
      },
      scope: 'all',
      period: { from: '2025-01-01', to: '2027-12-31' },
      total: 1,
      page: 1,
      pageSize: 50,
      items: [
        {
          subject: 'AB12-CD34-EF56-GH78',
          orgId: 'o1',
          nameFr: 'CPAS de Mouscron',
          nameNl: 'OCMW Moeskroen',
          startsOn: '2026-02-02',
          endsOn: '2026-06-30',
          detail: 'active',
        },
      ],
    };
    renderRoutes({
      routes: monitoringModule.routes!,
      path: indicatorRecordsLink.href({ id: 'i1' }),
      roles: ['coordinator'],
      answers: byEndpoint([api.records, records]),
    });
    expect(await screen.findByText('AB12-CD34-EF56-GH78', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('CPAS de Mouscron')).toBeTruthy();
    expect(screen.getByText('en cours')).toBeTruthy();
    expect(screen.getByText(/Enregistrements de tous les partenaires/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retour aux indicateurs' }).getAttribute('href')).toBe(
      indicatorsLink.href({ id: 'p1' }),
    );
  });
});
