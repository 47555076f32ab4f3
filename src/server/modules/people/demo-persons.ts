import type { CefrLevel, PersonSex } from '../../../common/people/schemas';

/** Fictional persons of the demo network: invented names, no contact that reaches anyone real. */
export interface DemoPerson {
  first: string;
  last: string;
  birth: string;
  /** Absent: not recorded (migration 0022; optional, for the ESF+ breakdowns of indicators). */
  sex?: PersonSex;
  municipality: string;
  languages: Partial<Record<'fr' | 'nl' | 'en' | 'de', CefrLevel>>;
  /** Days since the benefit started and since the contract was signed; next evaluation in days. */
  benefitDays: number;
  contractDays: number;
  evaluationInDays: number;
  email?: boolean;
  /** A placement consent towards these demo hosts, optionally withdrawn. */
  consentTo?: string[];
  consentWithdrawn?: boolean;
}

export interface DemoCentre {
  org: string;
  referent: string;
  language: 'fr' | 'nl';
  benefit: 'ris' | 'leefloon' | 'rsa';
  contract: 'piis' | 'gpmi' | 'contrat_engagement';
  persons: DemoPerson[];
}

export const DEMO_CENTRES: DemoCentre[] = [
  {
    org: 'cpas-mouscron',
    referent: 'referent_be_wal',
    language: 'fr',
    benefit: 'ris',
    contract: 'piis',
    persons: [
      {
        first: 'Sophie',
        last: 'Lemairon',
        sex: 'female',
        birth: '1988-03-14',
        municipality: 'BE-57096',
        languages: { fr: 'C2', nl: 'A1' },
        benefitDays: 420,
        contractDays: 380,
        evaluationInDays: 21,
        email: true,
        consentTo: ['atelier-roubaix'],
      },
      {
        first: 'Karim',
        last: 'Benhallou',
        sex: 'male',
        birth: '1979-11-02',
        municipality: 'BE-57096',
        languages: { fr: 'C1', nl: 'A2' },
        benefitDays: 900,
        contractDays: 200,
        evaluationInDays: 45,
        consentTo: ['atelier-roubaix', 'ccas-roubaix'],
      },
      {
        first: 'Nathalie',
        last: 'Vandenbroucque',
        sex: 'female',
        birth: '1992-06-30',
        municipality: 'BE-57027',
        languages: { fr: 'C2', nl: 'B1' },
        benefitDays: 150,
        contractDays: 120,
        evaluationInDays: 8,
        consentTo: ['atelier-roubaix'],
        consentWithdrawn: true,
      },
      {
        first: 'Dylan',
        last: 'Ghesquièrre',
        birth: '2001-01-23',
        municipality: 'BE-57096',
        languages: { fr: 'C2' },
        benefitDays: 60,
        contractDays: 30,
        evaluationInDays: 60,
      },
      {
        first: 'Aïcha',
        last: 'Merteaux',
        sex: 'female',
        birth: '1985-09-09',
        municipality: 'BE-57097',
        languages: { fr: 'B2', en: 'B1' },
        benefitDays: 700,
        contractDays: 650,
        evaluationInDays: 14,
        email: true,
      },
    ],
  },
  {
    org: 'ocmw-kortrijk',
    referent: 'referent_be_vlg',
    language: 'nl',
    benefit: 'leefloon',
    contract: 'gpmi',
    persons: [
      {
        first: 'Pieter',
        last: 'Vanhoutegem',
        sex: 'male',
        birth: '1983-04-18',
        municipality: 'BE-34022',
        languages: { nl: 'C2', fr: 'A2' },
        benefitDays: 500,
        contractDays: 480,
        evaluationInDays: 30,
        consentTo: ['atelier-roubaix'],
      },
      {
        first: 'Els',
        last: 'Declerckx',
        sex: 'female',
        birth: '1990-12-05',
        municipality: 'BE-34027',
        languages: { nl: 'C2', fr: 'B1' },
        benefitDays: 240,
        contractDays: 230,
        evaluationInDays: 12,
        email: true,
      },
      {
        first: 'Yusuf',
        last: 'Demirtaş',
        sex: 'male',
        birth: '1996-07-21',
        municipality: 'BE-34022',
        languages: { nl: 'B1', fr: 'A1', en: 'B2' },
        benefitDays: 90,
        contractDays: 80,
        evaluationInDays: 75,
      },
      {
        first: 'Lotte',
        last: 'Vermeulenbeke',
        sex: 'female',
        birth: '1975-02-28',
        municipality: 'BE-34041',
        languages: { nl: 'C2' },
        benefitDays: 1200,
        contractDays: 300,
        evaluationInDays: 5,
      },
    ],
  },
  {
    org: 'ccas-roubaix',
    referent: 'referent_fr',
    language: 'fr',
    benefit: 'rsa',
    contract: 'contrat_engagement',
    persons: [
      {
        first: 'Mehdi',
        last: 'Haddouchi',
        sex: 'male',
        birth: '1987-08-08',
        municipality: 'FR-59512',
        languages: { fr: 'C2', nl: 'A1' },
        benefitDays: 610,
        contractDays: 400,
        evaluationInDays: 20,
        consentTo: ['chantier-mouscron'],
      },
      {
        first: 'Céline',
        last: 'Dufourmantel',
        sex: 'female',
        birth: '1994-05-17',
        municipality: 'FR-59650',
        languages: { fr: 'C2' },
        benefitDays: 330,
        contractDays: 300,
        evaluationInDays: 40,
        email: true,
      },
      {
        first: 'Thomas',
        last: 'Lefebvrier',
        birth: '1981-10-10',
        municipality: 'FR-59512',
        languages: { fr: 'C2', nl: 'A2' },
        benefitDays: 800,
        contractDays: 90,
        evaluationInDays: 3,
        consentTo: ['werkplaats-kortrijk', 'chantier-mouscron'],
      },
      {
        first: 'Fatou',
        last: 'Diallobé',
        sex: 'female',
        birth: '1999-03-03',
        municipality: 'FR-59599',
        languages: { fr: 'C1', en: 'B2' },
        benefitDays: 45,
        contractDays: 40,
        evaluationInDays: 90,
      },
    ],
  },
];
