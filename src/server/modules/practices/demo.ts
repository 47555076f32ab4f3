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
 * Four fictional practice sheets of SAM-E suite partners, in French and/or Dutch: CCAS Tourcoing's one-stop
 * reception of newcomers (drawn from an immersion report, public, adopted by CPAS Mouscron and tried by
 * OCMW Kortrijk), CPAS Mouscron's bilingual domiciliation desk (network), OCMW Kortrijk's budget café
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
    fromReport = false,
  ) => {
    const s = await insertSheet(trx, {
      orgId,
      userId: users[userKey] ?? null,
      sourceKind: fromReport ? 'immersion_report' : 'direct',
      sourceId: null,
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
    true,
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
