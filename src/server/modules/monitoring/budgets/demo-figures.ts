import type { BudgetVersionInput, LineInput } from '../../../../common/monitoring/budget-schemas';

/**
 * The demo budgets. The historical programmes carry only what their sources publish (programme or
 * operator totals and fund shares, never an invented split); the fictional follow-up carries an
 * illustrative budget per partner, category, action and year so that the page shows full tables.
 * Organisations are demo keys and actions their codes, resolved by the seeder.
 */

export type DemoLine = Omit<LineInput, 'partnerOrgId' | 'actionId'> & { org: string; action: string | null };
export interface DemoVersion extends Omit<BudgetVersionInput, 'lines' | 'cofinancing' | 'envelopes'> {
  lines: DemoLine[];
  cofinancing: {
    org: string;
    fund: 'erdf' | 'amif' | 'province';
    funder: string | null;
    rate: string | null;
    amount: string | null;
  }[];
  envelopes: {
    fund: 'amif';
    label: string;
    grant: string | null;
    earmarked: string;
    org: string | null;
    note: string | null;
  }[];
}

const total = (
  org: string,
  amount: string,
  period: string,
  note: string,
  envelope: number | null = null,
): DemoLine => ({
  org,
  category: 'unspecified',
  action: null,
  period,
  amount,
  flatRate: null,
  envelope,
  note,
});

const SAM_NOTE =
  'Total du programme tel que publié ; la source ne le répartit ni par partenaire ni par catégorie (inscrit au chef de file).';

/** SAM Eurométropole: the two published budgets disagree; both are kept, each with its source. */
export const SAM_VERSIONS: DemoVersion[] = [
  {
    datedOn: '2010-07-01',
    reason: 'Budget approuvé du projet pour la période du 1er juillet 2010 au 31 décembre 2014.',
    source:
      'Fiche projet « SAM – Eurometropool » (Financiële gegevens : totaal budget 1.142.943,65 EUR, aandeel EFRO 583.540,04 EUR)',
    envelopes: [],
    lines: [total('udccas-nord', '1142943.65', '2010-2014', SAM_NOTE)],
    cofinancing: [{ org: 'udccas-nord', fund: 'erdf', funder: null, rate: null, amount: '583540.04' }],
  },
  {
    datedOn: '2011-01-01',
    reason:
      'Budget 2011-2014 publié par le chef de file, différent de la fiche projet : 1 199 993,65 € cofinancés à 50 % par le FEDER (le soutien de la Province de Flandre occidentale aux partenaires flamands n’est pas chiffré).',
    source:
      'Article « Insertion et mobilité inter-professionnelle avec le projet SAM Eurométropole », publié le 1er janvier 2011',
    envelopes: [],
    lines: [total('udccas-nord', '1199993.65', '2011-2014', SAM_NOTE)],
    cofinancing: [{ org: 'udccas-nord', fund: 'erdf', funder: null, rate: '50', amount: null }],
  },
];

/** AB Réfugiés: each operator's total as the application's operator table publishes it, FEDER at 50 %. */
const AB_OPERATORS: [string, string][] = [
  ['prefecture-hdf', '183321.24'],
  ['dreets-hdf', '147678.18'],
  ['wereldhuis-wvl', '399058.13'],
  ['cresam', '291247.36'],
  ['la-vie-active', '259128.04'],
  ['setis-wallon', '109307.23'],
];
export const AB_VERSIONS: DemoVersion[] = [
  {
    datedOn: '2017-10-01',
    reason: 'Budget du dossier de candidature : total et part FEDER de chaque opérateur.',
    source: 'Dossier Interreg V France-Wallonie-Vlaanderen 4.8.337 « AB Réfugiés », tableau des opérateurs',
    envelopes: [],
    lines: AB_OPERATORS.map(([org, amount]) =>
      total(org, amount, '2017-2020', 'Total de l’opérateur tel que publié ; non ventilé par catégorie.'),
    ),
    cofinancing: AB_OPERATORS.map(([org]) => ({ org, fund: 'erdf', funder: null, rate: '50', amount: null })),
  },
];

/** Charleroi–Binche: 95 000 € of Charleroi's FAMI grant of 236 672,84 € earmarked for the partnership. */
export const CB_VERSIONS: DemoVersion[] = [
  {
    datedOn: '2020-01-17',
    reason:
      'Arrêté ministériel de financement FAMI 2020-2021 du Service Action Migrants du CPAS de Charleroi.',
    source: 'Arrêté ministériel du 17 janvier 2020 (FAMI 2020-2021), cité par le CPAS de Charleroi',
    envelopes: [
      {
        fund: 'amif',
        label:
          'Subvention FAMI 2020-2021 du Service Action Migrants — part réservée au partenariat avec le CPAS de Binche',
        grant: '236672.84',
        earmarked: '95000.00',
        org: 'cpas-binche',
        note: '95 000 € pour les deux années ; le reste de la subvention finance les projets habituels du service.',
      },
    ],
    lines: [
      total(
        'cpas-charleroi',
        '95000.00',
        '2020-2021',
        'Montant du partenariat sur deux ans ; la source ne le répartit ni par partenaire ni par catégorie.',
        0,
      ),
    ],
    cofinancing: [{ org: 'cpas-charleroi', fund: 'amif', funder: null, rate: null, amount: '95000.00' }],
  },
];

/** The fictional follow-up: an illustrative budget, labelled so, per partner, category, action and year. */
const SUITE_PARTNERS = [
  'udccas-nord',
  'ccas-tourcoing',
  'cpas-tournai',
  'ocmw-kortrijk',
  'ccas-roubaix',
  'cpas-mouscron',
  'ocmw-menen',
];
const SUITE_HOSTS = ['atelier-roubaix', 'chantier-mouscron', 'werkplaats-kortrijk'];
const FLEMISH = new Set(['ocmw-kortrijk', 'ocmw-menen', 'werkplaats-kortrijk']);
const YEARS = ['2025', '2026', '2027'];
const FICTIONAL = 'Montant fictif (démonstration).';

function suiteLines(travelA2: string): DemoLine[] {
  const lines: DemoLine[] = [];
  const line = (
    org: string,
    category: DemoLine['category'],
    action: string,
    period: string,
    amount: string | null,
    flatRate: string | null = null,
  ) => lines.push({ org, category, action, period, amount, flatRate, envelope: null, note: FICTIONAL });
  SUITE_PARTNERS.forEach((org, i) => {
    for (const year of YEARS) {
      line(org, 'staff', 'A1', year, `${24000 + i * 1500}.00`);
      line(org, 'office', 'A1', year, null, '15');
      line(org, 'staff', 'A2', year, `${6000 + i * 250}.50`);
      line(org, 'office', 'A2', year, null, '15');
      line(org, 'travel', 'A2', year, travelA2);
    }
  });
  for (const year of YEARS) {
    line('udccas-nord', 'external', 'A3', year, '18500.00');
    line('udccas-nord', 'travel', 'A4', year, '2400.00');
  }
  SUITE_HOSTS.forEach((org, i) => {
    for (const year of YEARS) line(org, 'staff', 'A1', year, `${31000 + i * 2000}.00`);
    line(org, 'equipment', 'A1', '2025', `${7800 + i * 450}.00`);
  });
  return lines;
}

const suiteCofinancing = (): DemoVersion['cofinancing'] =>
  [...SUITE_PARTNERS, ...SUITE_HOSTS].flatMap((org) => [
    { org, fund: 'erdf' as const, funder: null, rate: '50', amount: null },
    ...(FLEMISH.has(org)
      ? [{ org, fund: 'province' as const, funder: 'Provincie West-Vlaanderen', rate: '10', amount: null }]
      : []),
  ]);

export const SUITE_VERSIONS: DemoVersion[] = [
  {
    datedOn: '2025-01-01',
    reason: 'Budget initial fictif du programme de démonstration.',
    source: 'Données fictives de démonstration (aucun document réel)',
    envelopes: [],
    lines: suiteLines('1800.00'),
    cofinancing: suiteCofinancing(),
  },
  {
    datedOn: '2025-09-15',
    reason:
      'Modification fictive : frais de déplacement de l’action 2 revus à la hausse après la première année.',
    source: 'Données fictives de démonstration (comité de pilotage fictif)',
    envelopes: [],
    lines: suiteLines('2600.00'),
    cofinancing: suiteCofinancing(),
  },
];
