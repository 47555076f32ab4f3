import { sql } from 'kysely';
import type { OfferInput, OfferStatus } from '../../../../common/immersions/offer-schemas';
import { addDays } from '../../../../common/immersions/request-rules';
import type { DemoSeeder } from '../../../platform/demo';
import { insertOffer, syncPeriods } from './store';

/**
 * Immersion offers of the demo network, from five partners, in French, in Dutch or both, published but
 * one draft. Contacts are fictional. The periods are written as seen on REFERENCE_DAY and moved by whole
 * weeks to the day the demo is seeded, so that a demo seeded later still has the same past and future
 * (weekdays kept): CCAS Tourcoing's insertion offer has a period around the OCMW Menen professional's
 * completed immersion (a month before) and periods in the months after.
 */
const REFERENCE_DAY = '2026-12-06';
type DemoOffer = {
  org: string;
  /** The unit's name (French or Dutch) as seeded by the network module. */
  unit: string;
  status: OfferStatus;
  offer: Omit<OfferInput, 'unitId'>;
};

const OFFERS: DemoOffer[] = [
  {
    org: 'ccas-tourcoing',
    unit: 'Pôle insertion et accompagnement',
    status: 'published',
    offer: {
      themes: ['socio_professional_insertion', 'social_activation'],
      titleFr: "Le parcours d'insertion socioprofessionnelle, du premier entretien à l'emploi",
      titleNl: 'Het socioprofessionele inschakelingstraject, van eerste gesprek tot werk',
      descriptionFr:
        "Suivez le travail d'une équipe de conseillers en insertion : diagnostic partagé, ateliers collectifs, " +
        'relations avec les employeurs du territoire et suivi dans l’emploi des allocataires du RSA.',
      descriptionNl:
        'Volg het werk van een team inschakelingsconsulenten: gedeelde diagnose, groepsateliers, contacten ' +
        'met werkgevers uit de regio en opvolging op het werk van leefloners (RSA).',
      programmeFr:
        'Entretiens individuels (avec l’accord des personnes reçues), un atelier CV et simulation d’entretien, ' +
        'une visite d’entreprise partenaire et la réunion d’équipe hebdomadaire.',
      programmeNl: null,
      languages: ['fr', 'en'],
      kinds: ['shadowing', 'short'],
      capacityPerPeriod: 2,
      contactName: 'Maëlle Accueil',
      contactEmail: 'immersions@ccas-tourcoing.example',
      contactPhone: '+33 3 20 00 01 28',
      periods: [
        { startsOn: '2026-10-26', endsOn: '2026-11-13' },
        { startsOn: '2027-03-08', endsOn: '2027-03-19' },
        { startsOn: '2027-05-17', endsOn: '2027-05-28', capacity: 3 },
      ],
    },
  },
  {
    org: 'ccas-tourcoing',
    unit: 'Pôle insertion et accompagnement',
    status: 'published',
    offer: {
      themes: ['domiciliation', 'reception'],
      titleFr: 'Premier accueil et domiciliation des personnes sans domicile stable',
      descriptionFr:
        "Comment un CCAS accueille sans rendez-vous, élit domicile les personnes sans adresse et oriente vers l'accès aux droits.",
      programmeFr:
        'Une matinée au guichet d’accueil, la tenue du registre de domiciliation, une permanence partenaire.',
      languages: ['fr'],
      kinds: ['shadowing'],
      capacityPerPeriod: 1,
      contactName: 'Maëlle Accueil',
      contactEmail: 'immersions@ccas-tourcoing.example',
      periods: [
        { startsOn: '2027-02-01', endsOn: '2027-02-26' },
        { startsOn: '2027-10-04', endsOn: '2027-10-29' },
      ],
    },
  },
  {
    org: 'cpas-charleroi',
    unit: 'Service Action Migrants',
    status: 'published',
    offer: {
      themes: ['migrant_activation', 'social_activation', 'volunteering'],
      titleFr: "Les trois modules d'activation sociale du Service Action Migrants",
      descriptionFr:
        'Insertion sociale, insertion socioprofessionnelle et bénévolat d’activation sociale : le Service Action ' +
        'Migrants du CPAS de Charleroi montre comment il accompagne les personnes primo-arrivantes dans chacun de ses modules.',
      programmeFr:
        'Participation aux modules collectifs, observation d’entretiens d’accueil (avec l’accord des personnes), ' +
        'rencontre des associations partenaires qui accueillent les bénévoles.',
      languages: ['fr', 'ar'],
      kinds: ['short', 'long'],
      capacityPerPeriod: 1,
      contactName: 'Inaya Tutrice',
      contactEmail: 'action-migrants@cpas-charleroi.example',
      contactPhone: '+32 470 00 01 23',
      periods: [
        { startsOn: '2027-01-11', endsOn: '2027-12-17' },
        { startsOn: '2027-04-19', endsOn: '2027-04-23', capacity: 2 },
      ],
    },
  },
  {
    org: 'ocmw-menen',
    unit: 'Dienst Activering',
    status: 'published',
    offer: {
      themes: ['social_activation', 'socio_professional_insertion', 'volunteering'],
      titleNl: 'Activering op maat: van vrijwilligerswerk naar een artikel 60-tewerkstelling',
      descriptionNl:
        'De Dienst Activering van OCMW Menen begeleidt cliënten stap voor stap: vrijwilligerswerk, ' +
        'een werkervaring onder artikel 60 en de overstap naar de reguliere arbeidsmarkt.',
      programmeNl: 'Intakegesprekken, een bezoek aan een werkplek, het teamoverleg met de jobcoaches.',
      languages: ['nl', 'fr'],
      kinds: ['shadowing', 'short'],
      capacityPerPeriod: 2,
      contactName: 'Bram Diensthoofd',
      contactEmail: 'activering@ocmw-menen.example',
      contactPhone: '+32 470 00 01 25',
      periods: [
        { startsOn: '2027-03-01', endsOn: '2027-06-30' },
        { startsOn: '2027-09-06', endsOn: '2027-12-17' },
      ],
    },
  },
  {
    org: 'ocmw-kortrijk',
    unit: 'Team Schuldbemiddeling',
    status: 'published',
    offer: {
      themes: ['debt_mediation'],
      titleNl: 'Schuldbemiddeling en budgetbegeleiding in de praktijk',
      titleFr: 'Médiation de dettes et guidance budgétaire en pratique',
      descriptionNl:
        'Hoe het team een dossier opbouwt, met schuldeisers onderhandelt en samen met de cliënt een budgetplan opvolgt.',
      descriptionFr:
        "Comment l'équipe constitue un dossier, négocie avec les créanciers et suit un plan budgétaire avec la personne.",
      programmeNl:
        'Bijwonen van budgetgesprekken (met toestemming), het teamoverleg, een zitting bij de vrederechter.',
      languages: ['nl', 'fr'],
      kinds: ['shadowing', 'short'],
      capacityPerPeriod: 1,
      contactName: 'Jonas Budget',
      contactEmail: 'schuldbemiddeling@ocmw-kortrijk.example',
      periods: [{ startsOn: '2027-02-15', endsOn: '2027-03-26' }],
    },
  },
  {
    org: 'cpas-mouscron',
    unit: "Service d'insertion socioprofessionnelle",
    status: 'published',
    offer: {
      themes: ['socio_professional_insertion', 'youth'],
      titleFr: 'Jeunes et premier emploi de part et d’autre de la frontière',
      titleNl: 'Jongeren en een eerste job aan beide kanten van de grens',
      descriptionFr:
        'Le service accompagne des jeunes de 18 à 25 ans vers un premier emploi, en Wallonie picarde comme dans la métropole lilloise.',
      descriptionNl:
        'De dienst begeleidt jongeren van 18 tot 25 jaar naar een eerste job, in Wallonië en in de Rijselse metropool.',
      languages: ['fr', 'nl'],
      kinds: ['shadowing', 'short'],
      capacityPerPeriod: 2,
      contactName: 'Chloé Passerelle',
      contactEmail: 'insertion@cpas-mouscron.example',
      contactPhone: '+32 470 00 01 27',
      periods: [
        { startsOn: '2027-01-18', endsOn: '2027-01-29' },
        { startsOn: '2027-06-07', endsOn: '2027-06-18' },
      ],
    },
  },
  {
    org: 'cpas-mouscron',
    unit: "Service d'insertion socioprofessionnelle",
    status: 'draft',
    offer: {
      themes: ['interpreting', 'reception'],
      titleFr: "L'interprétariat social lors des permanences",
      descriptionFr:
        'Brouillon : comment le CPAS travaille avec des interprètes lors des premiers entretiens.',
      languages: ['fr'],
      kinds: ['shadowing'],
      capacityPerPeriod: 1,
      periods: [],
    },
  },
];

export const seedOffers: DemoSeeder = async (trx, orgs, users) => {
  const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
  const days = (Date.parse(today) - Date.parse(REFERENCE_DAY)) / 86_400_000;
  const shift = (iso: string) => addDays(iso, Math.floor(days / 7) * 7);
  for (const { org, unit, status, offer } of OFFERS) {
    const orgId = orgs[org];
    if (!orgId) throw new Error(`demo offer for unknown organisation ${org}`);
    const r = await sql<{ id: string }>`select id from org_units
      where org_id = ${orgId} and ${unit} in (name_fr, name_nl) and archived_at is null`.execute(trx);
    const unitId = r.rows[0]?.id;
    if (!unitId) throw new Error(`demo offer for unknown unit ${unit}`);
    const author = org === 'ccas-tourcoing' ? (users.host_tourcoing ?? null) : null;
    const id = await insertOffer(trx, orgId, author, { ...offer, unitId }, status);
    await syncPeriods(
      trx,
      id,
      orgId,
      offer.periods.map((p) => ({ ...p, startsOn: shift(p.startsOn), endsOn: shift(p.endsOn) })),
    );
  }
};
