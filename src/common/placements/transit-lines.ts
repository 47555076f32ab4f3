import type { TransitLine } from './ranking';

/**
 * Known public transport lines around the border (domain brief §2), as seeded in the demo network. They
 * live in the transit_lines table because routes change; this list is only the starting data. Codes are
 * those of the built-in territory list (Mouscron BE-57096 since the 2019 NIS renumbering of Hainaut;
 * Rekkem belongs to Menen).
 */
export interface TransitLineData extends TransitLine {
  operator: string;
  noteFr: string;
  noteNl: string;
}

export const DEMO_TRANSIT_LINES: readonly TransitLineData[] = [
  {
    id: 'mwr-bus',
    name: 'Bus MWR Mouscron – Wattrelos – Roubaix',
    mode: 'bus',
    operator: 'Ilévia / TEC',
    serves: ['BE-57096', 'FR-59650', 'FR-59512'],
    crossBorder: true,
    noteFr: 'Ligne transfrontalière la plus fréquentée, exploitée en commun, avec un tarif unique.',
    noteNl: 'Drukste grensoverschrijdende lijn, samen uitgebaat, met één tarief.',
  },
  {
    id: 'train-lille-kortrijk',
    name: 'Train Lille-Flandres – Roubaix – Tourcoing – Mouscron – Kortrijk',
    mode: 'train',
    operator: 'SNCF / SNCB',
    serves: ['FR-59350', 'FR-59512', 'FR-59599', 'BE-57096', 'BE-34022'],
    crossBorder: true,
    noteFr: 'Tarif transfrontalier réduit (accord SNCF-SNCB).',
    noteNl: 'Verminderd grensoverschrijdend tarief (akkoord NMBS-SNCF).',
  },
  {
    id: 'train-lille-tournai',
    name: 'Train Lille – Baisieux – Tournai',
    mode: 'train',
    operator: 'SNCF / SNCB',
    serves: ['FR-59350', 'FR-59044', 'BE-57081'],
    crossBorder: true,
    noteFr: 'Tarif transfrontalier réduit (accord SNCF-SNCB).',
    noteNl: 'Verminderd grensoverschrijdend tarief (akkoord NMBS-SNCF).',
  },
  {
    id: 'delijn-81',
    name: 'De Lijn 81 Wervik – Menen – Rekkem – Moeskroen',
    mode: 'bus',
    operator: 'De Lijn',
    serves: ['BE-33029', 'BE-34027', 'BE-57096'],
    crossBorder: false,
    noteFr:
      "Relie la Flandre occidentale à Mouscron ; De Lijn a remanié ses lignes en 2023-2024 : vérifier l'horaire.",
    noteNl:
      'Verbindt West-Vlaanderen met Moeskroen; De Lijn hertekende zijn lijnen in 2023-2024: dienstregeling nakijken.',
  },
  {
    id: 'ilevia-82',
    name: 'Ilévia 82 Comines – Armentières',
    mode: 'bus',
    operator: 'Ilévia',
    serves: ['FR-59152', 'FR-59017'],
    crossBorder: false,
    noteFr: 'Comines (France) est à quelques pas de Comines-Warneton (Belgique), de l’autre côté de la Lys.',
    noteNl:
      'Komen (Frankrijk) ligt op wandelafstand van Komen-Waasten (België), aan de overkant van de Leie.',
  },
];
