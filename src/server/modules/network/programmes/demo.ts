import type { PartnerRole } from '../../../../common/network/programme-schemas';
import type { Tx } from '../../../platform/db/context';
import type { DemoOrgIds } from '../../../platform/demo';
import {
  AB_MODULES,
  CHARLEROI_BINCHE_MILESTONES,
  CHARLEROI_BINCHE_PERIMETER,
  CHARLEROI_BINCHE_YEARS,
  EUROMETROPOLE,
  SAM_ACTIONS,
} from './demo-structure';
import { applyPartnerChanges, partnerValues } from './partner-store';
import { insertProgramme, type ProgrammeValues } from './store';
import {
  type ActionValues,
  applyActions,
  applyMilestones,
  applyTerritories,
  type MilestoneValues,
} from './structure-store';

/**
 * The three real programmes of the demo network, as described in the shared context seeds (names of
 * organisations, periods and amounts only; no person). Partners refer to DEMO_ORGANISATIONS keys.
 */
interface DemoProgramme extends ProgrammeValues {
  key: string;
  lead: string;
  nameFr: string;
  nameNl: string;
  funds: string[];
  startsOn: string;
  endsOn: string;
  partners: Array<{
    org: string;
    role: PartnerRole;
    extraRoles?: PartnerRole[];
    budgetTotal?: string;
    euAmount?: string;
  }>;
  actions?: ActionValues[];
  milestones?: MilestoneValues[];
  perimeter?: string[];
}

/** AB Réfugiés' lead and operators with their budgets (seed 004), and the eight associated operators. */
const AB_PARTNERS: DemoProgramme['partners'] = [
  { org: 'prefecture-hdf', role: 'lead', budgetTotal: '183321.24', euAmount: '91660.62' },
  // The regional directorate named in the application (DRJSCS) became the DREETS in 2021.
  { org: 'dreets-hdf', role: 'operator', budgetTotal: '147678.18', euAmount: '73839.09' },
  { org: 'wereldhuis-wvl', role: 'operator', budgetTotal: '399058.13', euAmount: '199529.06' },
  { org: 'cresam', role: 'operator', budgetTotal: '291247.36', euAmount: '145623.68' },
  { org: 'la-vie-active', role: 'operator', budgetTotal: '259128.04', euAmount: '129564.02' },
  { org: 'setis-wallon', role: 'operator', budgetTotal: '109307.23', euAmount: '54653.61' },
  // "OP associé" in the application's operator table: no budget of their own.
  ...[
    'ddcs-somme',
    'ddcs-aisne',
    'ddcs-nord',
    'ddcs-oise',
    'ddcs-pas-de-calais',
    'spw-dgo5',
    'ars-hdf',
    'aviq',
  ].map((org) => ({ org, role: 'associated' as const })),
];

const AB_SUITE_FR = `Programme de démonstration fictif : il n'existe pas. Il prolonge AB Réfugiés avec les mêmes opérateurs et les mêmes modules, pour que les équipes mobiles, demandes, interprétariats, contacts de proximité et indicateurs de la démonstration portent sur une période en cours. Le programme historique garde ses dates et ses montants réels.`;

const AB_SUITE_NL = `Fictief demonstratieprogramma: het bestaat niet. Het zet AB Réfugiés voort met dezelfde operatoren en dezelfde modules, zodat de mobiele teams, aanvragen, tolkopdrachten, outreachcontacten en indicatoren van de demo over een lopende periode gaan. Het historische programma behoudt zijn echte data en bedragen.`;

/** SAM Eurométropole's partners and roles (seeds 001 and 002), shared by the fictional follow-up. */
const SAM_PARTNERS: DemoProgramme['partners'] = [
  { org: 'udccas-nord', role: 'lead' },
  ...[
    'ccas-tourcoing',
    'cpas-tournai',
    'ccas-lille',
    'ville-lille',
    'ocmw-kortrijk',
    'ccas-roubaix',
    'cpas-mouscron',
    'ocmw-menen',
  ].map((org) => ({ org, role: 'partner' as const })),
  // The Action 1 host sites (work-integration workshops) run the placements.
  ...['atelier-roubaix', 'chantier-mouscron', 'werkplaats-kortrijk'].map((org) => ({
    org,
    role: 'operator' as const,
  })),
  ...['ccas-halluin', 'ocmw-ronse', 'provincie-ovl'].map((org) => ({ org, role: 'associated' as const })),
  // "Les partenaires de la Flandre Occidentale bénéficient d'un soutien de la province" (seed 002).
  { org: 'provincie-wvl', role: 'associated', extraRoles: ['cofinancer'] },
];

const SUITE_FR = `Programme de démonstration fictif : il n'existe pas. Il prolonge SAM Eurométropole avec les mêmes partenaires et les mêmes quatre actions, pour que les placements, rappels et indicateurs de la démonstration portent sur une période en cours. Les programmes historiques gardent leurs dates et leurs montants réels.`;

const SUITE_NL = `Fictief demonstratieprogramma: het bestaat niet. Het zet SAM Eurometropool voort met dezelfde partners en dezelfde vier acties, zodat de trajecten, herinneringen en indicatoren van de demo over een lopende periode gaan. De historische programma's behouden hun echte data en bedragen.`;

const SAM_FR = `Le projet SAM Eurométropole (Solidarité – Activation – Mobilité) réunit, autour de l'Union Départementale des CCAS du Nord, les CCAS de Lille, Roubaix et Tourcoing et la Ville de Lille en France, les CPAS de Mouscron et de Tournai et les OCMW de Courtrai et de Menin en Belgique, pour faire de la frontière un levier d'insertion dans l'Eurométropole Lille-Kortrijk-Tournai.

Action 1 – Chantiers transfrontaliers d'insertion : des allocataires de minima sociaux (RSA, revenu d'intégration) effectuent un chantier d'insertion de deux à six mois chez un partenaire de l'autre côté de la frontière.
Action 2 – Immersions de professionnels : chaque année, des travailleurs sociaux passent deux à cinq jours dans une structure partenaire pour en découvrir l'organisation et les pratiques.
Action 3 – Analyse transfrontalière des besoins sociaux : chaque partenaire analyse les besoins de son territoire et tous construisent un tableau de bord thématique commun (santé, pauvreté…).
Action 4 – Échanges de pratiques sur les réseaux de solidarité : des forums thématiques sur le bénévolat réunissent professionnels, bénévoles et associations caritatives.

Objectifs : 50 allocataires en chantier d'insertion, 60 professionnels en immersion, 23 initiatives transfrontalières, 350 personnes utilisant l'offre de services transfrontaliers, 750 personnes sensibilisées à l'identité transfrontalière, 45 services intégrés dans un réseau transfrontalier.`;

const SAM_NL = `Het project SAM Eurometropool (Solidariteit – Activering – Mobiliteit) brengt, rond de Union Départementale des CCAS du Nord, de CCAS van Rijsel, Robaais en Toerkonje en de Stad Rijsel in Frankrijk samen met de OCMW's van Moeskroen, Doornik, Kortrijk en Menen in België, om de grens te gebruiken als hefboom voor integratie in de Eurometropool Lille-Kortrijk-Tournai.

Actie 1 – Grensoverschrijdende integratieprojecten: gerechtigden op een minimuminkomen (leefloon, RSA) lopen twee tot zes maanden een werkervaringstraject bij een partner aan de andere kant van de grens.
Actie 2 – Inleefstages voor medewerkers: elk jaar draaien medewerkers twee tot vijf dagen mee bij een partnerorganisatie om haar werking en praktijken te leren kennen.
Actie 3 – Grensoverschrijdende analyse van de sociale behoeften: elke partner brengt de behoeften in zijn regio in kaart en samen stellen ze een gemeenschappelijke thematische boordtabel op (gezondheid, armoede …).
Actie 4 – Uitwisseling over solidariteitsnetwerken: thematische forums over vrijwilligerswerk voor professionals, vrijwilligers en liefdadigheidsverenigingen.

Doelstellingen: 50 cliënten in een integratietraject, 60 medewerkers op inleefstage, 23 grensoverschrijdende initiatieven, 350 gebruikers van grensoverschrijdende diensten, 750 personen gesensibiliseerd voor de grensoverschrijdende identiteit, 45 diensten in een grensoverschrijdend netwerk.`;

const AB_FR = `Intégration réussie des primo-arrivants (réfugiés statutaires, demandeurs d'asile sous conditions, mineurs étrangers non accompagnés) par le renforcement de l'accompagnement sanitaire et social, avec les professionnels et bénévoles qui les accompagnent.

Module « Réseaux franco-belges de l'accompagnement » : animation et professionnalisation des acteurs professionnels et bénévoles, dont les interprètes, pour mieux atteindre les réfugiés « invisibles ».
Module « Dispositifs mobiles et transfrontaliers » : deux équipes pluridisciplinaires (interprètes, psychologues, personnels paramédicaux formés au traumatisme, médiateurs interculturels) côtés français et wallon ; côté flamand, le dispositif Mindspring de formations et d'outils.
Module « Expérimentations transfrontalières » : une expérimentation par versant, transférée aux autres après évaluation (ambassadeurs de l'intégration, actions collectives innovantes, stimulation citoyenne et linguistique informelle).`;

const AB_NL = `Geslaagde integratie van nieuwkomers (erkende vluchtelingen, asielzoekers onder voorwaarden, niet-begeleide minderjarige vreemdelingen) door een sterkere gezondheids- en sociale begeleiding, samen met de professionals en vrijwilligers die hen begeleiden.

Module "Frans-Belgische begeleidingsnetwerken": ondersteuning en professionalisering van professionals en vrijwilligers, onder wie tolken, om ook de "onzichtbare" vluchtelingen te bereiken.
Module "Mobiele grensoverschrijdende teams": twee multidisciplinaire teams (tolken, psychologen, paramedici gespecialiseerd in trauma, interculturele bemiddelaars) aan Franse en Waalse kant; aan Vlaamse kant het Mindspring-aanbod van opleidingen en instrumenten.
Module "Grensoverschrijdende experimenten": één experiment per landsdeel, na evaluatie overgedragen aan de andere (integratieambassadeurs, vernieuwende collectieve acties, informele burger- en taalstimulering).`;

const CB_FR = `Convention de partenariat du 7 octobre 2019 : le Service Action Migrants du CPAS de Charleroi accueille pendant un an une assistante sociale du CPAS de Binche en immersion formative. Elle s'y forme aux trois modules d'activation sociale développés à Charleroi : insertion sociale, insertion socio-professionnelle et bénévolat d'activation sociale.

La deuxième année est consacrée à l'application de ces acquis à Binche, pour y développer des projets d'activation sociale des migrants. Le FAMI finance cette expérience partenariale à hauteur de 95 000 € sur deux ans.`;

const CB_NL = `Partnerschapsovereenkomst van 7 oktober 2019: de Service Action Migrants van het OCMW Charleroi ontvangt een jaar lang een maatschappelijk werker van het OCMW Binche voor een vormende inleefstage. Zij leert er de drie modules sociale activering die in Charleroi ontwikkeld zijn: sociale integratie, socioprofessionele integratie en vrijwilligerswerk als sociale activering.

Het tweede jaar past zij die kennis toe in Binche om er projecten voor sociale activering van migranten op te zetten. Het AMIF financiert dit partnerschap met 95.000 euro over twee jaar.`;

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    key: 'sam-eurometropole',
    lead: 'udccas-nord',
    acronym: 'SAM-E',
    nameFr: 'SAM Eurométropole – Solidarité, Activation, Mobilité',
    nameNl: 'SAM Eurometropool – Solidariteit, Activering, Mobiliteit',
    fundingProgramme: 'Interreg IV A France-Wallonie-Vlaanderen',
    // Half ERDF; the partners carry the rest themselves.
    funds: ['erdf', 'own'],
    startsOn: '2010-07-01',
    endsOn: '2014-12-31',
    descriptionFr: SAM_FR,
    descriptionNl: SAM_NL,
    budgetTotal: '1142943.65',
    euAmount: '583540.04',
    themes: ['employment', 'social_activation', 'mobility', 'volunteering'],
    website: 'https://www.sameurometropole.eu',
    partners: SAM_PARTNERS,
    actions: SAM_ACTIONS,
    perimeter: EUROMETROPOLE,
  },
  {
    key: 'ab-refugies',
    lead: 'prefecture-hdf',
    acronym: 'AB Réfugiés',
    nameFr: "AB Réfugiés – Intégration des réfugiés par l'accompagnement sanitaire et social",
    nameNl: 'AB Réfugiés – Integratie van vluchtelingen door gezondheids- en sociale begeleiding',
    fundingProgramme: 'Interreg V France-Wallonie-Vlaanderen (4.8.337)',
    funds: ['erdf'],
    startsOn: '2017-10-01',
    endsOn: '2020-12-31',
    descriptionFr: AB_FR,
    descriptionNl: AB_NL,
    budgetTotal: '1389740.18',
    euAmount: '694870.08',
    partners: AB_PARTNERS,
    themes: ['refugees_migrants', 'health', 'mental_health'],
    interventionCategory:
      "Inclusion active, y compris en vue de promouvoir l'égalité des chances, la participation active et une meilleure aptitude à l'emploi",
    actions: AB_MODULES,
  },
  {
    key: 'charleroi-binche',
    lead: 'cpas-charleroi',
    acronym: 'FAMI Charleroi–Binche',
    nameFr: 'Immersion formative en activation sociale – CPAS de Charleroi et CPAS de Binche',
    nameNl: 'Vormende inleefstage sociale activering – OCMW Charleroi en OCMW Binche',
    fundingProgramme: 'Fonds Asile, Migration et Intégration (FAMI) 2020-2021',
    funds: ['amif'],
    startsOn: '2020-01-01',
    endsOn: '2021-12-31',
    descriptionFr: CB_FR,
    descriptionNl: CB_NL,
    budgetTotal: '95000.00',
    euAmount: null,
    partners: [
      { org: 'cpas-charleroi', role: 'lead' },
      { org: 'cpas-binche', role: 'partner' },
    ],
    themes: ['social_activation', 'refugees_migrants', 'volunteering'],
    actions: CHARLEROI_BINCHE_YEARS,
    milestones: CHARLEROI_BINCHE_MILESTONES,
    perimeter: CHARLEROI_BINCHE_PERIMETER,
  },
  {
    // Fictional, like SAM-E suite: the accompaniment of newcomers (teams, requests, bookings, outreach)
    // happens today, so its indicators need a programme running today, with AB Réfugiés' partners.
    key: 'ab-suite',
    lead: 'prefecture-hdf',
    acronym: 'AB Réfugiés suite',
    nameFr: 'AB Réfugiés — suite 2025–2027 (fictif)',
    nameNl: 'AB Réfugiés — vervolg 2025–2027 (fictief)',
    fundingProgramme: 'Programme de démonstration (fictif)',
    funds: ['erdf', 'own'],
    startsOn: '2025-04-01',
    endsOn: '2027-12-31',
    descriptionFr: AB_SUITE_FR,
    descriptionNl: AB_SUITE_NL,
    themes: ['refugees_migrants', 'health', 'mental_health'],
    website: 'https://ab-suite.example.org',
    partners: AB_PARTNERS.map(({ org, role }) => ({ org, role })),
    actions: AB_MODULES,
  },
  {
    // Fictional: the demo's live activity (today's placements, reminders) needs a running programme.
    key: 'sam-suite',
    lead: 'udccas-nord',
    acronym: 'SAM-E suite',
    nameFr: 'SAM Eurométropole — suite 2025–2027 (fictif)',
    nameNl: 'SAM Eurometropool — vervolg 2025–2027 (fictief)',
    fundingProgramme: 'Programme de démonstration (fictif)',
    funds: ['erdf', 'own'],
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    descriptionFr: SUITE_FR,
    descriptionNl: SUITE_NL,
    themes: ['employment', 'social_activation', 'mobility', 'volunteering'],
    website: 'https://sam-suite.example.org',
    partners: SAM_PARTNERS,
    actions: SAM_ACTIONS,
    perimeter: EUROMETROPOLE,
  },
];

/** Seeds the programmes through the same store the API uses (audited, under RLS). */
export async function seedProgrammes(trx: Tx, orgs: DemoOrgIds): Promise<void> {
  const id = (key: string) => {
    const v = orgs[key];
    if (!v) throw new Error(`demo programme refers to unknown organisation ${key}`);
    return v;
  };
  for (const { key: _key, lead, partners, actions, milestones, perimeter, ...values } of DEMO_PROGRAMMES) {
    const leadId = id(lead);
    const programmeId = await insertProgramme(trx, leadId, values);
    await applyPartnerChanges(
      trx,
      programmeId,
      leadId,
      await partnerValues(trx, programmeId),
      partners.map((p) => ({
        orgId: id(p.org),
        role: p.role,
        extraRoles: p.extraRoles ?? [],
        budgetTotal: p.budgetTotal ?? null,
        euAmount: p.euAmount ?? null,
      })),
    );
    if (actions) await applyActions(trx, programmeId, leadId, actions);
    if (milestones) await applyMilestones(trx, programmeId, leadId, milestones);
    if (perimeter) await applyTerritories(trx, programmeId, leadId, perimeter);
  }
}
