import type { ActionValues, MilestoneValues } from './structure-store';

/**
 * The demo programmes' structure, from the shared context seeds: SAM's four actions (seed 002), AB
 * Réfugiés' three modules (seed 004), Charleroi–Binche's two years and dated steps (seed 003, no person
 * named). Titles in French and Dutch as the seeds say them, English for the third language.
 */

export const SAM_ACTIONS: ActionValues[] = [
  {
    code: 'A1',
    kind: 'action',
    titleFr: "Chantiers transfrontaliers d'insertion",
    titleNl: 'Grensoverschrijdende integratieprojecten',
    titleEn: 'Cross-border work-integration placements',
    // The placements of the programme count here unless their author says otherwise.
    defaultFor: ['placement'],
  },
  {
    code: 'A2',
    kind: 'action',
    titleFr: 'Immersions de professionnels dans des structures partenaires',
    titleNl: 'Inleefstages van medewerkers bij partnerorganisaties',
    titleEn: 'Staff immersions in partner organisations',
    defaultFor: ['immersion'],
  },
  {
    code: 'A3',
    kind: 'action',
    titleFr: "Schéma transfrontalier d'analyse des besoins sociaux",
    titleNl: 'Grensoverschrijdende analyse van de sociale behoeften',
    titleEn: 'Cross-border analysis of social needs',
    defaultFor: ['needs_analysis'],
  },
  {
    code: 'A4',
    kind: 'action',
    titleFr: 'Échanges de pratiques sur les réseaux de solidarités : forums sur le bénévolat',
    titleNl: 'Uitwisseling over solidariteitsnetwerken: forums over vrijwilligerswerk',
    titleEn: 'Exchanges of practice on solidarity networks: forums on volunteering',
    defaultFor: ['event'],
  },
];

export const AB_MODULES: ActionValues[] = [
  {
    code: 'M1',
    kind: 'module',
    titleFr: "Réseaux franco-belges de l'accompagnement",
    titleNl: 'Frans-Belgische begeleidingsnetwerken',
    titleEn: 'Franco-Belgian accompaniment networks',
    defaultFor: ['accompaniment'],
  },
  {
    code: 'M2',
    kind: 'module',
    titleFr: "Dispositifs mobiles et transfrontaliers d'accompagnement",
    titleNl: 'Mobiele en grensoverschrijdende begeleidingsteams',
    titleEn: 'Mobile cross-border accompaniment teams',
    defaultFor: [],
  },
  {
    code: 'M3',
    kind: 'module',
    titleFr: 'Expérimentations transfrontalières',
    titleNl: 'Grensoverschrijdende experimenten',
    titleEn: 'Cross-border experimentations',
    defaultFor: [],
  },
];

export const CHARLEROI_BINCHE_YEARS: ActionValues[] = [
  {
    code: 'Y1',
    kind: 'year',
    titleFr: 'Année 1 – immersion formative au Service Action Migrants de Charleroi',
    titleNl: 'Jaar 1 – vormende inleefstage bij de Service Action Migrants in Charleroi',
    titleEn: "Year 1 – training immersion at Charleroi's Service Action Migrants",
    defaultFor: ['immersion'],
  },
  {
    code: 'Y2',
    kind: 'year',
    titleFr: 'Année 2 – application des acquis à Binche',
    titleNl: 'Jaar 2 – toepassing van de verworven kennis in Binche',
    titleEn: 'Year 2 – putting the training into practice in Binche',
    defaultFor: [],
  },
];

export const CHARLEROI_BINCHE_MILESTONES: MilestoneValues[] = [
  {
    occursOn: '2019-10-07',
    labelFr: 'Convention de partenariat entre les CPAS de Binche et de Charleroi',
    labelNl: "Partnerschapsovereenkomst tussen de OCMW's van Binche en Charleroi",
    labelEn: 'Partnership agreement between the public social welfare centres of Binche and Charleroi',
    note: null,
  },
  {
    occursOn: '2020-01-17',
    labelFr: 'Arrêté ministériel de financement FAMI 2020-2021 reçu',
    labelNl: 'Ministerieel financieringsbesluit AMIF 2020-2021 ontvangen',
    labelEn: 'Ministerial funding order (AMIF 2020–2021) received',
    note: '236 672,84 € pour le Service Action Migrants, dont 95 000 € sur deux ans pour le partenariat avec Binche.',
  },
  {
    occursOn: '2020-02-07',
    labelFr: "Engagement de l'assistante sociale par le CPAS de Binche",
    labelNl: 'Aanwerving van de maatschappelijk werker door het OCMW Binche',
    labelEn: 'Social worker hired by the CPAS of Binche',
    note: null,
  },
];

/**
 * The municipalities of the Eurométropole Lille–Kortrijk–Tournai among the demo territories: the
 * Métropole européenne de Lille, South-West Flanders and Wallonie picarde (not Ronse, Brussels, Charleroi).
 */
export const EUROMETROPOLE = [
  ...['59009', '59017', '59044', '59098', '59152', '59163', '59279', '59299', '59339', '59350', '59367']
    .concat(['59378', '59410', '59426', '59512', '59599', '59646', '59650', '59656'])
    .map((c) => `FR-${c}`),
  ...['33029', '34009', '34013', '34022', '34023', '34027', '34041', '34042', '34043']
    .concat(['57003', '57027', '57062', '57081', '57093', '57096', '57097'])
    .map((c) => `BE-${c}`),
];

export const CHARLEROI_BINCHE_PERIMETER = ['BE-52011', 'BE-58002'];
