/**
 * Demo accounts: fictional people, one per role, across a French, a Walloon and a Flemish organisation.
 * Addresses use the reserved .example domain so no mail can ever reach a real person.
 */
export const DEMO_PASSWORD = 'Demo-Samen-Grens-2026';

export interface DemoAccount {
  key: string;
  email: string;
  displayName: string;
  language: 'fr' | 'nl' | 'en';
  platformAdmin?: boolean;
  memberships: Array<{ org: string; roles: string[] }>;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    key: 'admin',
    email: 'admin@samen.example',
    displayName: 'Alix Platform',
    language: 'en',
    platformAdmin: true,
    memberships: [],
  },
  {
    key: 'coordinator',
    email: 'coordination@udccas-nord.example',
    displayName: 'Camille Coordonne',
    language: 'fr',
    memberships: [{ org: 'udccas-nord', roles: ['coordinator'] }],
  },
  {
    key: 'org_admin',
    email: 'admin@cpas-mouscron.example',
    displayName: 'Dominique Gestion',
    language: 'fr',
    memberships: [{ org: 'cpas-mouscron', roles: ['org_admin'] }],
  },
  {
    // A coordinator of a centre that follows persons: the cohort suggestion works on the centre's caseload.
    key: 'coordinator_be_wal',
    email: 'coordination@cpas-mouscron.example',
    displayName: 'Claude Cohorte',
    language: 'fr',
    memberships: [{ org: 'cpas-mouscron', roles: ['coordinator'] }],
  },
  {
    key: 'referent_be_wal',
    email: 'referent@cpas-mouscron.example',
    displayName: 'Sacha Référente',
    language: 'fr',
    memberships: [{ org: 'cpas-mouscron', roles: ['referent'] }],
  },
  {
    key: 'referent_be_vlg',
    email: 'trajectbegeleider@ocmw-kortrijk.example',
    displayName: 'Jef Begeleider',
    language: 'nl',
    memberships: [{ org: 'ocmw-kortrijk', roles: ['referent'] }],
  },
  {
    // Declares OCMW Kortrijk's expenditure in the programmes; as a finance officer, sees no person.
    key: 'finance_be_vlg',
    email: 'financien@ocmw-kortrijk.example',
    displayName: 'Mieke Financiën',
    language: 'nl',
    memberships: [{ org: 'ocmw-kortrijk', roles: ['finance'] }],
  },
  {
    key: 'referent_fr',
    email: 'referent@ccas-roubaix.example',
    displayName: 'Lou Accompagne',
    language: 'fr',
    memberships: [{ org: 'ccas-roubaix', roles: ['referent'] }],
  },
  {
    key: 'tutor',
    email: 'tuteur@atelier-roubaix.example',
    displayName: 'Noa Tuteur',
    language: 'fr',
    memberships: [{ org: 'atelier-roubaix', roles: ['tutor'] }],
  },
  {
    key: 'host_coordinator',
    email: 'direction@atelier-roubaix.example',
    displayName: 'Ariane Direction',
    language: 'fr',
    memberships: [{ org: 'atelier-roubaix', roles: ['coordinator'] }],
  },
  {
    key: 'volunteer_coordinator',
    email: 'benevolat@ccas-lille.example',
    displayName: 'Maxime Bénévolat',
    language: 'fr',
    memberships: [{ org: 'ccas-lille', roles: ['volunteer_coordinator'] }],
  },
  {
    key: 'analyst',
    email: 'analist@west-vlaanderen.example',
    displayName: 'Robin Analist',
    language: 'nl',
    memberships: [{ org: 'provincie-wvl', roles: ['analyst'] }],
  },
  {
    // Writes the CCAS's analysis of social needs (ABS) and imports INSEE files (issue 12).
    key: 'analyst_tourcoing',
    email: 'analyse@ccas-tourcoing.example',
    displayName: 'Camille Observatoire',
    language: 'fr',
    memberships: [{ org: 'ccas-tourcoing', roles: ['analyst'] }],
  },
  {
    key: 'interpreter',
    email: 'interprete@setis.example',
    displayName: 'Yael Interprète',
    language: 'fr',
    memberships: [{ org: 'setis-wallon', roles: ['interpreter'] }],
  },
  // Action 2 (issue 11): staff immersions at partner centres, and the Charleroi–Binche formative.
  {
    // Goes on immersion at CCAS Tourcoing; writes the logbook and the report.
    key: 'professional_menen',
    email: 'maatschappelijk-werker@ocmw-menen.example',
    displayName: 'Lotte Uitwisseling',
    language: 'nl',
    memberships: [{ org: 'ocmw-menen', roles: ['referent'] }],
  },
  {
    // Approves the Menen staff's immersion requests as their manager.
    key: 'manager_menen',
    email: 'diensthoofd@ocmw-menen.example',
    displayName: 'Bram Diensthoofd',
    language: 'nl',
    memberships: [{ org: 'ocmw-menen', roles: ['coordinator'] }],
  },
  {
    // Publishes CCAS Tourcoing's immersion offers and approves the visitors it hosts.
    key: 'host_tourcoing',
    email: 'immersions@ccas-tourcoing.example',
    displayName: 'Maëlle Accueil',
    language: 'fr',
    memberships: [{ org: 'ccas-tourcoing', roles: ['coordinator'] }],
  },
  {
    // The Service Action Migrants' tutor of the Binche trainee (CPAS Charleroi).
    key: 'tutor_charleroi',
    email: 'tutrice@cpas-charleroi.example',
    displayName: 'Inaya Tutrice',
    language: 'fr',
    memberships: [{ org: 'cpas-charleroi', roles: ['tutor'] }],
  },
  {
    // Leads the formative partnership for CPAS Charleroi.
    key: 'coordinator_charleroi',
    email: 'coordination@cpas-charleroi.example',
    displayName: 'Hugo Pilote',
    language: 'fr',
    memberships: [{ org: 'cpas-charleroi', roles: ['coordinator'] }],
  },
  {
    // The Binche social worker on her year of immersion formative in Charleroi.
    key: 'trainee_binche',
    email: 'stagiaire@cpas-binche.example',
    displayName: 'Élise Formation',
    language: 'fr',
    memberships: [{ org: 'cpas-binche', roles: ['referent'] }],
  },
  // AB Réfugiés (issue 14): the French and Walloon mobile teams, a Flemish Wereldhuis professional.
  {
    // Social worker at La Vie Active: refers newcomer families to a mobile team.
    key: 'worker_lva',
    email: 'accompagnement@lavieactive.example',
    displayName: 'Inès Accueil-Fictif',
    language: 'fr',
    memberships: [{ org: 'la-vie-active', roles: ['referent'] }],
  },
  {
    // Psychologist of La Vie Active's (French) mobile team: the only reader of its clinical notes.
    key: 'psychologist_lva',
    email: 'psychologue@lavieactive.example',
    displayName: 'Noé Écoute-Fictif',
    language: 'fr',
    memberships: [{ org: 'la-vie-active', roles: ['psychologist'] }],
  },
  {
    // Coordinates the Walloon mobile team at CRéSaM: decides on the requests it receives.
    key: 'coordinator_cresam',
    email: 'coordination@cresam.example',
    displayName: 'Maxime Équipe-Mobile',
    language: 'fr',
    memberships: [{ org: 'cresam', roles: ['coordinator'] }],
  },
  {
    key: 'psychologist_cresam',
    email: 'psychologue@cresam.example',
    displayName: 'Sacha Trauma-Fictif',
    language: 'fr',
    memberships: [{ org: 'cresam', roles: ['psychologist'] }],
  },
  {
    key: 'paramedical_cresam',
    email: 'infirmier@cresam.example',
    displayName: 'Jules Soin-Fictif',
    language: 'fr',
    memberships: [{ org: 'cresam', roles: ['paramedical'] }],
  },
  {
    key: 'mediator_cresam',
    email: 'mediation@cresam.example',
    displayName: 'Amal Passerelle',
    language: 'fr',
    memberships: [{ org: 'cresam', roles: ['intercultural_mediator'] }],
  },
  {
    // Wereldhuis West-Vlaanderen: books interpreters, runs the Mindspring sessions.
    key: 'professional_wereldhuis',
    email: 'begeleider@wereldhuis.example',
    displayName: 'Wout Nieuwkomer-Fictief',
    language: 'nl',
    memberships: [{ org: 'wereldhuis-wvl', roles: ['referent', 'coordinator'] }],
  },
  {
    // A peer volunteer with an account: logs outreach contacts.
    key: 'ambassador_wereldhuis',
    email: 'ambassadeur@wereldhuis.example',
    displayName: 'Saba Brugfiguur',
    language: 'nl',
    memberships: [{ org: 'wereldhuis-wvl', roles: ['peer_ambassador'] }],
  },
];
