import type { JobCodeKind, TimetableDay } from '../../../common/placements/convention-terms';
import { addDays, addMonths } from '../../../common/placements/dates';
import type { OfferSector } from '../../../common/placements/offer-schemas';
import type { CefrLevel } from '../../../common/placements/ranking';
import { DEMO_TRANSIT_LINES } from '../../../common/placements/transit-lines';
import type { Tx } from '../../platform/db/context';
import { today as todayOf } from './today';

/**
 * Demo placement offers at the fictional host sites (and two at social centres), with dates counted from
 * the day of seeding so that they stay in the future, and the known cross-border transit lines.
 */
interface DemoOffer {
  org: string;
  site: string;
  street: string;
  postalCode: string;
  municipality: string;
  sector: OfferSector;
  titleFr: string;
  titleNl: string;
  tasksFr: string;
  tasksNl: string;
  positions: number;
  /** Days from the seed date to the start, and length in months. */
  startsIn: number;
  months: number;
  schedule: string;
  hours: number;
  language: [string, CefrLevel] | null;
  accessibility?: string;
  tutor?: boolean;
  closed?: boolean;
  /** Issue 9, item 9: a structured week (adding up to `hours`), a job code and protective equipment. */
  timetable?: TimetableDay[];
  jobCode?: [JobCodeKind, string];
  equipment?: string;
}

/** The same hours on each of the given weekdays (1 Monday … 7 Sunday). */
const days = (list: number[], from: string, to: string, breakMinutes?: number): TimetableDay[] =>
  list.map((day) => ({ day, from, to, ...(breakMinutes ? { breakMinutes } : {}) }));

const ATELIER = {
  org: 'atelier-roubaix',
  site: 'Atelier du Pile',
  street: 'Rue de l’Industrie 12',
  postalCode: '59100',
  municipality: 'FR-59512',
};
const CHANTIER = {
  org: 'chantier-mouscron',
  site: 'Chantier des Prés',
  street: 'Rue du Bois 48',
  postalCode: '7700',
  municipality: 'BE-57096',
};
const WERKPLAATS = {
  org: 'werkplaats-kortrijk',
  site: 'Werkplaats Leieboord',
  street: 'Leiekaai 7',
  postalCode: '8500',
  municipality: 'BE-34022',
};

export const DEMO_OFFERS: readonly DemoOffer[] = [
  {
    ...ATELIER,
    sector: 'green_spaces',
    titleFr: 'Entretien des parcs et jardins partagés',
    titleNl: 'Onderhoud van parken en gedeelde tuinen',
    tasksFr: 'Tonte, taille des haies, plantations, entretien des outils, avec une équipe de cinq personnes.',
    tasksNl: 'Maaien, hagen snoeien, planten, onderhoud van het gereedschap, in een ploeg van vijf.',
    positions: 3,
    startsIn: 14,
    months: 4,
    schedule: 'lun–ven 8h30–16h00',
    hours: 30,
    language: ['fr', 'A2'],
    accessibility: 'Travail en extérieur, port de charges légères.',
    tutor: true,
  },
  {
    ...ATELIER,
    sector: 'recycling',
    titleFr: 'Recyclerie : tri et remise en état d’objets',
    titleNl: 'Kringwinkel: sorteren en opknappen van voorwerpen',
    tasksFr: 'Réception des dons, tri, petites réparations, mise en rayon.',
    tasksNl: 'Giften ontvangen, sorteren, kleine herstellingen, in de rekken zetten.',
    positions: 2,
    startsIn: 21,
    months: 3,
    schedule: 'lun–jeu 9h00–16h00',
    hours: 24,
    timetable: days([1, 2, 3, 4], '09:00', '16:00', 60),
    jobCode: ['rome', 'K2304'],
    equipment: 'Gants, chaussures de sécurité',
    language: null,
    accessibility: 'Locaux de plain-pied, accessibles en fauteuil roulant.',
    tutor: true,
  },
  {
    ...ATELIER,
    sector: 'textile',
    titleFr: 'Atelier couture et retouches',
    titleNl: 'Naai- en herstelatelier',
    tasksFr: 'Retouches, confection de sacs en tissu recyclé, repassage.',
    tasksNl: 'Herstellingen, tassen maken van gerecycleerde stof, strijken.',
    positions: 2,
    startsIn: 30,
    months: 6,
    schedule: 'mar–ven 9h00–15h30',
    hours: 24,
    language: ['fr', 'A2'],
    tutor: true,
  },
  {
    ...CHANTIER,
    sector: 'building',
    titleFr: 'Rénovation de logements : second œuvre',
    titleNl: 'Renovatie van woningen: afwerking',
    tasksFr: 'Peinture, pose de plaques de plâtre, petite maçonnerie, sous la conduite d’un encadrant.',
    tasksNl: 'Schilderen, gipsplaten plaatsen, klein metselwerk, onder begeleiding van een werfleider.',
    positions: 4,
    startsIn: 28,
    months: 5,
    schedule: 'lun–ven 7h30–15h30',
    hours: 36,
    jobCode: ['rome', 'F1606'],
    equipment: 'Chaussures de sécurité, casque, gants, lunettes de protection',
    language: ['fr', 'A2'],
    accessibility: 'Chaussures de sécurité fournies.',
  },
  {
    ...CHANTIER,
    sector: 'green_spaces',
    titleFr: 'Maraîchage biologique',
    titleNl: 'Biologische groenteteelt',
    tasksFr: 'Semis, désherbage, récolte, préparation des paniers.',
    tasksNl: 'Zaaien, wieden, oogsten, groentepakketten klaarmaken.',
    positions: 2,
    startsIn: 45,
    months: 4,
    schedule: 'lun–ven 8h00–14h00',
    hours: 30,
    timetable: days([1, 2, 3, 4, 5], '08:00', '14:00'),
    jobCode: ['rome', 'A1414'],
    equipment: 'Bottes, gants de jardinage',
    language: null,
  },
  {
    ...CHANTIER,
    sector: 'logistics',
    titleFr: 'Magasinier au dépôt du chantier',
    titleNl: 'Magazijnier in de werfopslag',
    tasksFr: 'Réception du matériel, inventaire, préparation des commandes.',
    tasksNl: 'Materiaal ontvangen, inventaris, bestellingen klaarmaken.',
    positions: 1,
    startsIn: 20,
    months: 3,
    schedule: 'lun–ven 8h00–16h00',
    hours: 35,
    language: null,
    closed: true,
  },
  {
    ...WERKPLAATS,
    sector: 'logistics',
    titleFr: 'Logistique et préparation de commandes',
    titleNl: 'Logistiek en orderpicking',
    tasksFr: 'Préparation de commandes, emballage, chargement des camionnettes.',
    tasksNl: 'Orders verzamelen, inpakken, bestelwagens laden.',
    positions: 3,
    startsIn: 21,
    months: 4,
    schedule: 'ma–vr 8u00–16u00',
    hours: 32,
    jobCode: ['isco', '9333'],
    equipment: 'Veiligheidsschoenen, fluohesje',
    language: ['nl', 'A2'],
  },
  {
    ...WERKPLAATS,
    sector: 'catering',
    titleFr: 'Cuisine du restaurant social',
    titleNl: 'Keuken van het sociaal restaurant',
    tasksFr: 'Préparation des légumes, service en salle, plonge, respect des règles d’hygiène.',
    tasksNl: 'Groenten voorbereiden, bediening, afwas, hygiëneregels naleven.',
    positions: 2,
    startsIn: 35,
    months: 6,
    schedule: 'ma–vr 9u00–15u00',
    hours: 30,
    timetable: days([1, 2, 3, 4, 5], '09:00', '15:00'),
    jobCode: ['isco', '9412'],
    equipment: 'Keukenschort, antislipschoenen',
    language: ['nl', 'B1'],
  },
  {
    ...WERKPLAATS,
    sector: 'cleaning',
    titleFr: 'Entretien de bâtiments publics',
    titleNl: 'Schoonmaak van openbare gebouwen',
    tasksFr: 'Nettoyage des salles et des sanitaires, gestion des produits.',
    tasksNl: 'Lokalen en sanitair reinigen, producten beheren.',
    positions: 1,
    startsIn: 14,
    months: 3,
    schedule: 'ma–vr 6u30–12u30',
    hours: 30,
    language: ['nl', 'A2'],
  },
  {
    org: 'ccas-tourcoing',
    site: 'Épicerie solidaire du Blanc-Seau',
    street: 'Rue de Roubaix 90',
    postalCode: '59200',
    municipality: 'FR-59599',
    sector: 'retail',
    titleFr: 'Épicerie solidaire : accueil et mise en rayon',
    titleNl: 'Sociale kruidenier: onthaal en rekken vullen',
    tasksFr: 'Accueil des bénéficiaires, mise en rayon, caisse, inventaire.',
    tasksNl: 'Onthaal van de klanten, rekken vullen, kassa, inventaris.',
    positions: 2,
    startsIn: 21,
    months: 4,
    schedule: 'lun–ven 9h00–15h00',
    hours: 28,
    language: ['fr', 'A2'],
  },
  {
    org: 'cpas-tournai',
    site: 'Résidence Les Tilleuls',
    street: 'Rue des Tilleuls 3',
    postalCode: '7500',
    municipality: 'BE-57081',
    sector: 'care',
    titleFr: 'Aide à la vie quotidienne en maison de repos',
    titleNl: 'Hulp bij het dagelijks leven in een woonzorgcentrum',
    tasksFr: 'Accompagnement des résidents aux repas et aux activités, aide à l’animation.',
    tasksNl: 'Bewoners begeleiden bij maaltijden en activiteiten, helpen bij animatie.',
    positions: 1,
    startsIn: 40,
    months: 6,
    schedule: 'lun–ven 9h00–16h00',
    hours: 30,
    language: ['fr', 'B1'],
  },
];

export async function seedPlacements(trx: Tx, orgs: Record<string, string>, users: Record<string, string>) {
  await trx
    .insertInto('transit_lines')
    .values(
      DEMO_TRANSIT_LINES.map((l) => ({
        id: l.id,
        name: l.name,
        mode: l.mode,
        operator: l.operator,
        serves: [...l.serves],
        cross_border: l.crossBorder,
        note_fr: l.noteFr,
        note_nl: l.noteNl,
      })),
    )
    .execute();
  const today = await todayOf(trx);
  await trx
    .insertInto('placement_offers')
    .values(
      DEMO_OFFERS.map((o) => {
        const starts = addDays(today, o.startsIn);
        return {
          org_id: orgs[o.org]!,
          site_name: o.site,
          street: o.street,
          postal_code: o.postalCode,
          municipality_code: o.municipality,
          sector: o.sector,
          title_fr: o.titleFr,
          title_nl: o.titleNl,
          tasks_fr: o.tasksFr,
          tasks_nl: o.tasksNl,
          positions: o.positions,
          starts_on: starts,
          ends_on: addDays(addMonths(starts, o.months), -1),
          schedule: o.schedule,
          hours_per_week: o.hours,
          language_code: o.language?.[0] ?? null,
          language_level: o.language?.[1] ?? null,
          accessibility: o.accessibility ?? null,
          timetable: o.timetable ? JSON.stringify(o.timetable) : null,
          job_code_kind: o.jobCode?.[0] ?? null,
          job_code: o.jobCode?.[1] ?? null,
          protective_equipment: o.equipment ?? null,
          tutor_user_id: o.tutor ? (users.tutor ?? null) : null,
          status: o.closed ? 'closed' : 'open',
        };
      }),
    )
    .execute();
}
