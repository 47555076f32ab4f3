import { sql } from 'kysely';
import type {
  PracticeInput,
  PracticeStatus,
  PracticeVersion,
  TakeUpInput,
} from '../../../common/practices/schemas';
import type { DemoSeeder } from '../../platform/demo';
import { insertSheet, setStatus } from './sheets/store';
import { insertTakeUp } from './takeups/store';

/**
 * Five fictional practice sheets of SAM-E suite partners, in French and/or Dutch: CCAS Tourcoing's one-stop
 * reception of newcomers (public, adopted by CPAS Mouscron and tried by OCMW Kortrijk), OCMW Menen's monthly
 * employer day (drawn from its professional's report on her immersion in Tourcoing, adopted by OCMW
 * Kortrijk), CPAS Mouscron's bilingual domiciliation desk (network), OCMW Kortrijk's budget café
 * (network, Dutch only) and OCMW Menen's draft buddy scheme. Every name, address and figure is invented.
 */

const v = (title: string, description: string, more: Partial<PracticeVersion> = {}): PracticeVersion => ({
  title,
  context: null,
  description,
  objectives: null,
  targetPublic: null,
  partners: null,
  resources: null,
  results: null,
  difficulties: null,
  contact: null,
  ...more,
});

const TOURCOING_FR = v(
  'Accueil des primo-arrivants au guichet unique',
  "Un seul guichet reçoit la personne nouvellement arrivée : ouverture des droits, domiciliation, orientation vers l'apprentissage du français et premier rendez-vous d'insertion, le même jour, avec un interprète si besoin.",
  {
    context:
      'Les personnes primo-arrivantes étaient orientées vers quatre services différents et beaucoup abandonnaient entre deux rendez-vous.',
    objectives: 'Réduire les abandons entre le premier contact et le premier rendez-vous d’insertion.',
    targetPublic: 'Personnes arrivées en France depuis moins de deux ans.',
    partners: 'Service de domiciliation, centre social du quartier (fictifs).',
    resources: 'Deux agents d’accueil formés, un interprète par téléphone, une salle dédiée.',
    results:
      'Sur un an (chiffres fictifs), 8 personnes sur 10 reviennent au premier rendez-vous d’insertion.',
    difficulties: 'Tenir les plages d’interprétariat ; coordonner les agendas des quatre services.',
    contact: 'Pôle accueil du CCAS de Tourcoing (fictif).',
  },
);
const TOURCOING_NL = v(
  'Onthaal van nieuwkomers aan één loket',
  'Eén loket ontvangt de nieuwkomer: rechten openen, domiciliëring, doorverwijzing naar Franse les en een eerste afspraak voor activering, op dezelfde dag, met een tolk indien nodig.',
  {
    context: 'Nieuwkomers werden naar vier diensten doorverwezen en velen haakten af tussen twee afspraken.',
    objectives: 'Minder uitval tussen het eerste contact en de eerste activeringsafspraak.',
    targetPublic: 'Personen die minder dan twee jaar in Frankrijk zijn.',
    results: 'Op een jaar (fictieve cijfers) komen 8 op 10 personen naar hun eerste activeringsafspraak.',
    contact: 'Onthaaldienst van CCAS Tourcoing (fictief).',
  },
);

const MOUSCRON_FR = v(
  'Permanence bilingue de domiciliation',
  "Une permanence hebdomadaire, en français et en néerlandais, aide les personnes sans adresse stable à obtenir une adresse de référence et à garder leur courrier, avec le relais de l'OCMW voisin.",
  { targetPublic: 'Personnes sans domicile ou en logement précaire, des deux côtés de la frontière.' },
);
const MOUSCRON_NL = v(
  'Tweetalige permanentie voor referentieadressen',
  'Een wekelijkse permanentie, in het Frans en het Nederlands, helpt mensen zonder vast adres aan een referentieadres en bewaart hun post, samen met het naburige OCMW.',
);

const KORTRIJK_NL = v(
  'Budgetcafé: schuldbemiddeling in groep',
  'Maandelijks budgetcafé waar cliënten in kleine groepen leren hun budget op te volgen, met een budgetbegeleider en een ervaringsdeskundige.',
  {
    resources: 'Eén budgetbegeleider, een ervaringsdeskundige, een zaal en koffie.',
    difficulties: 'Schaamte om over schulden te praten in groep.',
  },
);

const MENEN_NL = v(
  'Buddywerking voor nieuwkomers',
  'Vrijwilligers begeleiden een nieuwkomer gedurende zes maanden bij de eerste stappen in de gemeente.',
);

// Drawn from the OCMW Menen professional's report on her immersion at CCAS Tourcoing ("what to
// transfer"), translated into French.
const EMPLOYER_DAY_NL = v(
  'Maandelijkse werkgeversdag',
  'Eén keer per maand komen werkgevers uit de regio naar het OCMW: ze stellen hun vacatures voor en voeren korte gesprekken met de deelnemers die de trajectbegeleiders hebben voorbereid.',
  {
    context:
      'Tijdens een inleefstage bij CCAS Tourcoing bleek dat werkgevers daar zelf naar het CCAS komen; in Menen ging de trajectbegeleider telkens naar de werkgever.',
    objectives:
      'Meer rechtstreekse contacten tussen leefloners en werkgevers, zonder dat elke begeleider apart prospecteert.',
    resources: 'Een zaal, twee trajectbegeleiders, een gedeelde agenda met de werkgevers (fictief).',
    results: 'Eerste drie edities (fictieve cijfers): 14 werkgevers, 31 gesprekken, 6 proefplaatsen.',
  },
);
const EMPLOYER_DAY_FR = v(
  'Journée employeurs mensuelle',
  'Une fois par mois, des employeurs de la région viennent à l’OCMW : ils présentent leurs offres et mènent de courts entretiens avec les participants préparés par les référents.',
  {
    context:
      'Lors d’une immersion au CCAS de Tourcoing, la professionnelle a vu les employeurs venir eux-mêmes au CCAS ; à Menen, le référent se déplaçait chaque fois chez l’employeur.',
    objectives:
      'Plus de contacts directs entre allocataires et employeurs, sans que chaque référent prospecte seul.',
    results:
      'Trois premières éditions (chiffres fictifs) : 14 employeurs, 31 entretiens, 6 mises en situation.',
  },
);

const input = (
  over: Partial<PracticeInput> & Pick<PracticeInput, 'originalLanguage' | 'themes'>,
): PracticeInput => ({
  fr: null,
  nl: null,
  tags: [],
  partnerOrgIds: [],
  programmeId: null,
  contactEmail: null,
  contactPublic: false,
  ...over,
});

export const seedPractices: DemoSeeder = async (trx, orgs, users) => {
  const tourcoing = orgs['ccas-tourcoing'];
  const mouscron = orgs['cpas-mouscron'];
  const kortrijk = orgs['ocmw-kortrijk'];
  const menen = orgs['ocmw-menen'];
  if (!tourcoing || !mouscron || !kortrijk || !menen) return;
  const r = await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(trx);
  const programmeId = r.rows[0]?.id ?? null;

  const sheet = async (
    orgId: string,
    userKey: string,
    status: PracticeStatus,
    i: PracticeInput,
    fromReport: string | null = null,
  ) => {
    const s = await insertSheet(trx, {
      orgId,
      userId: users[userKey] ?? null,
      sourceKind: fromReport ? 'immersion_report' : 'direct',
      sourceId: fromReport,
      input: i,
    });
    // Along the workflow, as a publisher would (the guard allows no shortcut).
    if (status === 'network' || status === 'public') await setStatus(trx, s.id, status);
    return { ...s, orgId };
  };
  const takeUp = (s: { id: string; orgId: string }, orgId: string, userKey: string, t: TakeUpInput) =>
    insertTakeUp(trx, {
      sheetId: s.id,
      sheetOrgId: s.orgId,
      orgId,
      userId: users[userKey] ?? null,
      input: t,
    });

  const reception = await sheet(
    tourcoing,
    'host_tourcoing',
    'public',
    input({
      originalLanguage: 'fr',
      fr: TOURCOING_FR,
      nl: TOURCOING_NL,
      themes: ['reception', 'migrant_activation'],
      tags: ['guichet unique', 'primo-arrivants', 'interprétariat'],
      // Written with OCMW Menen after its professional's immersion in Tourcoing.
      partnerOrgIds: [menen],
      programmeId,
      contactEmail: 'accueil@ccas-tourcoing.example',
      contactPublic: true,
    }),
  );
  await takeUp(reception, mouscron, 'coordinator_be_wal', {
    status: 'adopted',
    startsOn: '2026-05-04',
    endsOn: null,
    evidence: 'Guichet unique ouvert à Mouscron le lundi matin ; note de service interne n° 12 (fictive).',
  });
  await takeUp(reception, kortrijk, 'referent_be_vlg', {
    status: 'trying',
    startsOn: '2026-10-12',
    endsOn: null,
    evidence: 'Proef van drie maanden aan het onthaal van het sociaal huis (fictief).',
  });

  // The sheet OCMW Menen drew from its professional's report (the demo's completed immersion), published
  // by her manager and adopted by OCMW Kortrijk.
  const report = await sql<{ id: string }>`select r.id from immersion_requests r
    join immersion_reports p on p.request_id = r.id and p.submitted_at is not null
    where r.org_id = ${menen}::uuid and r.status = 'completed' order by r.ends_on desc limit 1`.execute(trx);
  const reportId = report.rows[0]?.id ?? null;
  if (reportId) {
    const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
    const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const employerDay = await sheet(
      menen,
      'manager_menen',
      'network',
      input({
        originalLanguage: 'nl',
        nl: EMPLOYER_DAY_NL,
        fr: EMPLOYER_DAY_FR,
        themes: ['socio_professional_insertion'],
        tags: ['werkgevers', 'inleefstage'],
        partnerOrgIds: [tourcoing],
        programmeId,
        contactEmail: 'activering@ocmw-menen.example',
      }),
      reportId,
    );
    await takeUp(employerDay, kortrijk, 'referent_be_vlg', {
      status: 'adopted',
      startsOn: weekAgo,
      endsOn: null,
      evidence:
        'Eerste werkgeversdag in het sociaal huis van Kortrijk; beslissing van het diensthoofd (fictief).',
    });
  }

  await sheet(
    mouscron,
    'coordinator_be_wal',
    'network',
    input({
      originalLanguage: 'fr',
      fr: MOUSCRON_FR,
      nl: MOUSCRON_NL,
      themes: ['domiciliation', 'housing'],
      tags: ['adresse de référence', 'bilingue'],
      partnerOrgIds: [kortrijk],
      programmeId,
      contactEmail: 'domiciliation@cpas-mouscron.example',
    }),
  );
  await sheet(
    kortrijk,
    'referent_be_vlg',
    'network',
    input({
      originalLanguage: 'nl',
      nl: KORTRIJK_NL,
      themes: ['debt_mediation'],
      tags: ['budget', 'groepswerking'],
      programmeId,
    }),
  );
  await sheet(
    menen,
    'professional_menen',
    'draft',
    input({ originalLanguage: 'nl', nl: MENEN_NL, themes: ['volunteering', 'reception'] }),
  );
};
