import type { BoardView } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';

/** A board and its map views as the API sends them, for the boards' page tests. */

/** What a map or table tile carries besides its map view. */
export const noChart = { geoA: null, geoB: null, ranking: null, series: null, compare: null };

export const map = (label: string): IndicatorMapView => ({
  indicator: {
    id: '00000000-0000-4000-8000-000000000002',
    code: 'DEMO_MIN_INCOME_RATE',
    label,
    definition: null,
    theme: 'poverty',
    numerator: { code: 'DEMO_MIN_INC', label: 'n' },
    denominator: { code: 'DEMO_POP_18_64', label: 'd' },
    factor: 1000,
    comparability: 'B',
    caveats: 'Le RSA se compte par foyer.',
    periods: ['2021', '2022'],
  },
  period: '2022',
  method: 'quantiles',
  group: 'eurometropole',
  groups: [{ code: 'eurometropole', name: 'Eurométropole Lille-Kortrijk-Tournai' }],
  kind: 'rate',
  cells: [
    {
      code: 'FR-59599',
      name: 'Tourcoing',
      country: 'FR',
      period: '2022',
      numerator: 4000,
      denominator: 60000,
      value: 66.7,
      status: 'shown',
      klass: 2,
      relative: null,
    },
    {
      code: 'FR-59044',
      name: 'Baisieux',
      country: 'FR',
      period: '2022',
      numerator: null,
      denominator: null,
      value: null,
      status: 'suppressed_source',
      klass: null,
      relative: null,
    },
  ],
  totals: [
    {
      code: 'FR',
      numerator: null,
      denominator: null,
      value: null,
      status: 'suppressed_secondary',
      period: '2022',
    },
  ],
  scales: [{ country: 'all', breaks: [10, 40, 70], reference: null, relative: false }],
  shapes: [
    { code: 'FR-59599', geometry: null, centroid: [3.16, 50.72] },
    { code: 'FR-59044', geometry: null, centroid: [3.25, 50.6] },
  ],
  missingBoundaries: 2,
  sources: ['Jeu de démonstration samen — valeurs fictives'],
  vintages: ['Démo 2026'],
});

export const board = (over: Partial<BoardView> = {}): BoardView => ({
  id: '00000000-0000-4000-8000-000000000010',
  code: 'pauvrete-familles',
  title: 'Pauvreté et familles',
  theme: 'poverty',
  group: 'eurometropole',
  period: null,
  publishedAt: '2026-01-05T10:00:00.000Z',
  organisation: 'Province de Flandre-Occidentale',
  tileCount: 2,
  canEdit: true,
  titleFr: 'Pauvreté et familles',
  titleNl: 'Armoede en gezinnen',
  description: 'Tableau de bord commun.',
  descriptionFr: 'Tableau de bord commun.',
  descriptionNl: 'Gezamenlijke boordtabel.',
  shownPeriod: null,
  shownGroup: 'eurometropole',
  groups: [{ code: 'eurometropole', name: 'Eurométropole Lille-Kortrijk-Tournai' }],
  periods: ['2021', '2022'],
  tiles: [
    {
      id: '00000000-0000-4000-8000-000000000011',
      kind: 'map',
      indicator: 'DEMO_MIN_INCOME_RATE',
      map: map('Taux de revenu minimum'),
      ...noChart,
    },
    {
      id: '00000000-0000-4000-8000-000000000012',
      kind: 'table',
      indicator: 'DEMO_SINGLE_PARENT_SHARE',
      map: map('Part des familles monoparentales'),
      ...noChart,
    },
  ],
  followups: [],
  canAddFollowup: true,
  ...over,
});
