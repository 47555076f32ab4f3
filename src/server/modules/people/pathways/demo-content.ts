import type { PathwayModule } from '../../../../common/people/pathway-schemas';

/**
 * Fictional demo pathways: modules, objectives with actions, notes and mobility steps, in the home
 * organisation's working language. Offsets are days before the seeding date, so the demo stays current.
 */

type Lang = 'fr' | 'nl';

export interface DemoObjective {
  title: Record<Lang, string>;
  status: 'planned' | 'in_progress' | 'achieved' | 'abandoned';
  actions: Array<{ title: Record<Lang, string>; status: 'planned' | 'in_progress' | 'done' | 'cancelled' }>;
}

export interface DemoPlan {
  modules: PathwayModule[];
  /** Days since entry. */
  entryDaysAgo: number;
  objectives: DemoObjective[];
  /** Radius (km) and border crossing, oldest first, one record a month from entry. */
  mobility: Array<[number, boolean]>;
  notes: Array<{ daysAgo: number; body: Record<Lang, string>; confidential?: boolean }>;
}

const o = {
  transport: {
    title: {
      fr: 'Se déplacer seul·e en transports en commun',
      nl: 'Zelfstandig met het openbaar vervoer reizen',
    },
  },
  language: {
    title: {
      fr: 'Atteindre le niveau A2 en néerlandais',
      nl: 'Niveau A2 Frans behalen',
    },
  },
  placement: {
    title: {
      fr: 'Réaliser un stage sur un chantier d’insertion de l’autre côté de la frontière',
      nl: 'Een werkervaringstraject over de grens volgen',
    },
  },
  routine: {
    title: {
      fr: 'Retrouver un rythme de journée régulier',
      nl: 'Een vast dagritme opbouwen',
    },
  },
  volunteering: {
    title: {
      fr: 'S’engager dans un bénévolat d’activation sociale',
      nl: 'Vrijwilligerswerk als sociale activering opnemen',
    },
  },
};

const a = {
  busPass: {
    fr: 'Demander l’abonnement de bus transfrontalier',
    nl: 'Grensoverschrijdend busabonnement aanvragen',
  },
  accompanied: { fr: 'Trajet accompagné jusqu’au site', nl: 'Begeleide rit naar de werkplek' },
  alone: { fr: 'Premier trajet seul·e', nl: 'Eerste rit alleen' },
  course: { fr: 'Inscription au cours de langue', nl: 'Inschrijving voor de taalcursus' },
  test: { fr: 'Passer le test de positionnement', nl: 'Instaptoets afleggen' },
  visit: { fr: 'Visite du chantier d’accueil', nl: 'Bezoek aan de werkplek' },
  agreement: { fr: 'Signer la convention de stage', nl: 'Stageovereenkomst ondertekenen' },
  workshop: { fr: 'Atelier collectif hebdomadaire', nl: 'Wekelijkse groepsworkshop' },
  association: { fr: 'Rencontrer l’association d’accueil', nl: 'Kennismaking met de onthaalvereniging' },
};

export const DEMO_PLANS: DemoPlan[] = [
  {
    modules: ['placement', 'socio_professional_insertion'],
    entryDaysAgo: 200,
    objectives: [
      {
        ...o.transport,
        status: 'achieved',
        actions: [
          { title: a.busPass, status: 'done' },
          { title: a.accompanied, status: 'done' },
          { title: a.alone, status: 'done' },
        ],
      },
      {
        ...o.placement,
        status: 'in_progress',
        actions: [
          { title: a.visit, status: 'done' },
          { title: a.agreement, status: 'in_progress' },
        ],
      },
      {
        ...o.language,
        status: 'in_progress',
        actions: [
          { title: a.course, status: 'done' },
          { title: a.test, status: 'planned' },
        ],
      },
    ],
    mobility: [
      [5, false],
      [10, false],
      [15, false],
      [22, true],
      [32, true],
    ],
    notes: [
      {
        daysAgo: 195,
        body: {
          fr: 'Premier entretien : motivation forte pour un stage, appréhension des trajets en bus.',
          nl: 'Eerste gesprek: sterk gemotiveerd voor een stage, wat angst voor busritten.',
        },
      },
      {
        daysAgo: 120,
        body: {
          fr: 'Situation familiale difficile évoquée ; orientation vers le service de médiation de dettes.',
          nl: 'Moeilijke gezinssituatie besproken; doorverwezen naar de schuldbemiddeling.',
        },
        confidential: true,
      },
      {
        daysAgo: 20,
        body: {
          fr: 'A fait seul·e le trajet jusqu’au chantier de l’autre côté de la frontière. Très fier·e.',
          nl: 'Heeft de rit naar de werkplek over de grens alleen gemaakt. Erg trots.',
        },
      },
    ],
  },
  {
    modules: ['social_insertion', 'placement'],
    entryDaysAgo: 120,
    objectives: [
      {
        ...o.routine,
        status: 'in_progress',
        actions: [
          { title: a.workshop, status: 'in_progress' },
          { title: a.accompanied, status: 'planned' },
        ],
      },
      { ...o.transport, status: 'in_progress', actions: [{ title: a.busPass, status: 'done' }] },
    ],
    mobility: [
      [5, false],
      [8, false],
      [15, false],
    ],
    notes: [
      {
        daysAgo: 118,
        body: {
          fr: 'Entrée dans le parcours ; souhaite d’abord reprendre un rythme avant un stage.',
          nl: 'Start van het traject; wil eerst een dagritme opbouwen voor een stage.',
        },
      },
      {
        daysAgo: 45,
        body: {
          fr: 'Problème de santé signalé, suivi médical en cours (ne pas partager).',
          nl: 'Gezondheidsprobleem gemeld, medische opvolging loopt (niet delen).',
        },
        confidential: true,
      },
    ],
  },
  {
    modules: ['activation_volunteering', 'social_insertion'],
    entryDaysAgo: 75,
    objectives: [
      {
        ...o.volunteering,
        status: 'in_progress',
        actions: [
          { title: a.association, status: 'done' },
          { title: a.workshop, status: 'planned' },
        ],
      },
      { ...o.language, status: 'planned', actions: [{ title: a.course, status: 'planned' }] },
      { ...o.routine, status: 'abandoned', actions: [{ title: a.workshop, status: 'cancelled' }] },
    ],
    mobility: [
      [3, false],
      [6, false],
    ],
    notes: [
      {
        daysAgo: 70,
        body: {
          fr: 'Intéressé·e par le bénévolat à la ressourcerie du quartier.',
          nl: 'Geïnteresseerd in vrijwilligerswerk in de kringwinkel van de wijk.',
        },
      },
      {
        daysAgo: 10,
        body: {
          fr: 'Premières demi-journées de bénévolat bien passées ; à revoir dans un mois.',
          nl: 'Eerste halve dagen vrijwilligerswerk goed verlopen; over een maand opnieuw bekijken.',
        },
      },
    ],
  },
];
