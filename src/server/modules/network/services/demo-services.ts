import type { OpeningRange } from '../../../../common/network/service-schemas';

/**
 * Fictional cross-border services of the demo network: invented offers of real partner organisations,
 * contact addresses on the reserved .example domain, telephone numbers that reach no one (00 00 0x in
 * Belgium, the range ARCEP reserves for fiction in France).
 * Two are drafts (unpublished) so that the demo shows what only their organisation sees.
 */
export interface DemoService {
  org: string;
  titleFr: string;
  titleNl: string;
  descriptionFr: string;
  descriptionNl: string;
  theme: string;
  targetPublics: string[];
  languages: string[];
  street?: string;
  postalCode?: string;
  municipalityCode: string;
  openingHours: OpeningRange[];
  openingNotes?: string;
  crossBorderAccess: string;
  accessConditionsFr?: string;
  accessConditionsNl?: string;
  email: string;
  phone?: string;
  published: boolean;
}

const h = (day: number, opens: string, closes: string): OpeningRange => ({ day, opens, closes });

export const DEMO_SERVICES: DemoService[] = [
  {
    org: 'cpas-mouscron',
    titleFr: 'Permanence transfrontalière de médiation de dettes',
    titleNl: 'Grensoverschrijdende permanentie schuldbemiddeling',
    descriptionFr:
      "Vos factures s'accumulent ? Un travailleur social fait le point avec vous sur votre budget, négocie des plans de paiement avec vos créanciers et vous aide, si nécessaire, à introduire un règlement collectif de dettes en Belgique ou un dossier de surendettement en France.",
    descriptionNl:
      'Stapelen uw rekeningen zich op? Een maatschappelijk werker bekijkt samen met u uw budget, onderhandelt afbetalingsplannen met uw schuldeisers en helpt u zo nodig een collectieve schuldenregeling in België of een schuldendossier in Frankrijk aan te vragen.',
    theme: 'debt_budget',
    targetPublics: ['all', 'minimum_income'],
    languages: ['fr', 'nl'],
    street: 'Rue de la Frontière 1 (fictif)',
    postalCode: '7700',
    municipalityCode: 'BE-57096',
    openingHours: [h(2, '09:00', '12:00'), h(4, '13:30', '16:30')],
    crossBorderAccess: 'residents_both_countries',
    accessConditionsFr:
      'Ouvert aux habitants de Wallonie picarde et de la métropole lilloise. Apportez vos dernières factures et un justificatif de revenus.',
    accessConditionsNl:
      'Open voor inwoners van Picardisch Wallonië en de metropool Rijsel. Breng uw laatste facturen en een bewijs van inkomen mee.',
    email: 'dettes@cpas-mouscron.example',
    phone: '+32 56 00 00 01',
    published: true,
  },
  {
    org: 'ocmw-kortrijk',
    titleFr: 'Guichet logement pour frontaliers et nouveaux habitants',
    titleNl: 'Woonloket voor grensarbeiders en nieuwe inwoners',
    descriptionFr:
      "Vous cherchez un logement abordable de l'autre côté de la frontière ? Le guichet vous informe sur la location sociale, les primes à la rénovation, la garantie locative et vos droits de locataire.",
    descriptionNl:
      'Zoekt u een betaalbare woning aan de andere kant van de grens? Het woonloket informeert u over sociale huur, renovatiepremies, de huurwaarborg en uw rechten als huurder.',
    theme: 'housing',
    targetPublics: ['all', 'families'],
    languages: ['nl', 'fr'],
    street: 'Leiestraat 100 (fictief)',
    postalCode: '8500',
    municipalityCode: 'BE-34022',
    openingHours: [h(1, '09:00', '12:00'), h(3, '09:00', '12:00'), h(3, '14:00', '17:00')],
    crossBorderAccess: 'open_to_all',
    accessConditionsFr: 'Sans rendez-vous le matin ; sur rendez-vous le mercredi après-midi.',
    accessConditionsNl: 'Zonder afspraak in de voormiddag; op afspraak op woensdagnamiddag.',
    email: 'wonen@ocmw-kortrijk.example',
    phone: '+32 56 00 00 02',
    published: true,
  },
  {
    org: 'ccas-roubaix',
    titleFr: 'Club emploi transfrontalier',
    titleNl: 'Grensoverschrijdende jobclub',
    descriptionFr:
      "Ateliers collectifs pour préparer une candidature en Belgique : CV, entretien d'embauche, reconnaissance des diplômes, statut de travailleur frontalier.",
    descriptionNl:
      'Groepsworkshops om te solliciteren in België: cv, sollicitatiegesprek, erkenning van diploma’s en het statuut van grensarbeider.',
    theme: 'employment',
    targetPublics: ['jobseekers', 'minimum_income', 'young_people'],
    languages: ['fr'],
    street: 'Rue du Canal 10 (fictif)',
    postalCode: '59100',
    municipalityCode: 'FR-59512',
    openingHours: [h(1, '14:00', '17:00'), h(3, '14:00', '17:00')],
    crossBorderAccess: 'residents_both_countries',
    accessConditionsFr: 'Inscription préalable par e-mail. Les habitants belges sont les bienvenus.',
    accessConditionsNl: 'Vooraf inschrijven per e-mail. Inwoners uit België zijn welkom.',
    email: 'emploi@ccas-roubaix.example',
    published: true,
  },
  {
    org: 'ccas-lille',
    titleFr: 'Cours de néerlandais pour francophones',
    titleNl: 'Nederlands voor Franstaligen',
    descriptionFr:
      'Cours du soir gratuits pour apprendre le néerlandais de la vie quotidienne et du travail en Flandre, du niveau débutant au niveau intermédiaire.',
    descriptionNl:
      'Gratis avondlessen om het Nederlands van het dagelijkse leven en van het werk in Vlaanderen te leren, van beginner tot gevorderd.',
    theme: 'language_courses',
    targetPublics: ['all', 'jobseekers'],
    languages: ['fr', 'nl'],
    postalCode: '59000',
    municipalityCode: 'FR-59350',
    openingHours: [h(2, '18:00', '20:00'), h(4, '18:00', '20:00')],
    openingNotes: 'Hors vacances scolaires.',
    crossBorderAccess: 'open_to_all',
    email: 'langues@ccas-lille.example',
    published: true,
  },
  {
    org: 'ocmw-menen',
    titleFr: 'Cours de français pour néerlandophones',
    titleNl: 'Franse les voor Nederlandstaligen',
    descriptionFr:
      'Apprendre le français pour travailler ou faire ses démarches en France et en Wallonie. Petits groupes, rythme adapté.',
    descriptionNl:
      'Frans leren om te werken of uw administratie te regelen in Frankrijk en Wallonië. Kleine groepen, aangepast tempo.',
    theme: 'language_courses',
    targetPublics: ['all'],
    languages: ['nl', 'fr'],
    postalCode: '8930',
    municipalityCode: 'BE-34027',
    openingHours: [h(1, '19:00', '21:00')],
    crossBorderAccess: 'open_to_all',
    email: 'taal@ocmw-menen.example',
    published: true,
  },
  {
    org: 'ccas-tourcoing',
    titleFr: 'Écoute psychologique sans rendez-vous',
    titleNl: 'Psychologisch luisterpunt zonder afspraak',
    descriptionFr:
      'Un psychologue vous reçoit gratuitement et anonymement lorsque tout devient trop lourd : stress, isolement, deuil, difficultés familiales. Orientation vers les soins en santé mentale des deux côtés de la frontière.',
    descriptionNl:
      'Een psycholoog ontvangt u gratis en anoniem wanneer alles te zwaar wordt: stress, eenzaamheid, rouw, moeilijkheden in het gezin. Doorverwijzing naar geestelijke gezondheidszorg aan beide kanten van de grens.',
    theme: 'mental_health',
    targetPublics: ['all', 'young_people'],
    languages: ['fr'],
    postalCode: '59200',
    municipalityCode: 'FR-59599',
    openingHours: [h(5, '09:30', '12:30')],
    crossBorderAccess: 'open_to_all',
    email: 'ecoute@ccas-tourcoing.example',
    phone: '03 53 01 00 06',
    published: true,
  },
  {
    org: 'cpas-tournai',
    titleFr: 'Accompagnement des personnes réfugiées',
    titleNl: 'Begeleiding van erkende vluchtelingen',
    descriptionFr:
      'Accueil, ouverture des droits, accès aux soins et recherche de logement pour les personnes réfugiées, avec un interprète social si besoin.',
    descriptionNl:
      'Onthaal, openen van rechten, toegang tot zorg en zoektocht naar huisvesting voor vluchtelingen, zo nodig met een sociaal tolk.',
    theme: 'refugees_migrants',
    targetPublics: ['refugees_migrants'],
    languages: ['fr', 'en', 'ar', 'fa', 'ps', 'uk'],
    postalCode: '7500',
    municipalityCode: 'BE-57081',
    openingHours: [h(1, '08:30', '12:00'), h(2, '08:30', '12:00'), h(4, '08:30', '12:00')],
    crossBorderAccess: 'on_referral',
    accessConditionsFr:
      "Sur orientation d'un CPAS, d'un CCAS ou d'une association. Les personnes suivies en France peuvent être reçues dans le cadre d'un accompagnement conjoint.",
    accessConditionsNl:
      'Na doorverwijzing door een OCMW, een CCAS of een vereniging. Personen die in Frankrijk begeleid worden, kunnen in een gezamenlijk traject ontvangen worden.',
    email: 'refugies@cpas-tournai.example',
    published: true,
  },
  {
    org: 'provincie-wvl',
    titleFr: 'Point mobilité pour travailleurs frontaliers',
    titleNl: 'Mobiliteitspunt voor grensarbeiders',
    descriptionFr:
      "Comment rejoindre votre travail de l'autre côté de la frontière ? Conseils sur les bus transfrontaliers, le train, le vélo et le covoiturage, et sur les aides au transport.",
    descriptionNl:
      'Hoe raakt u op uw werk aan de andere kant van de grens? Advies over grensoverschrijdende bussen, trein, fiets en carpoolen, en over vervoerspremies.',
    theme: 'mobility',
    targetPublics: ['jobseekers', 'all'],
    languages: ['nl', 'fr', 'en'],
    postalCode: '8500',
    municipalityCode: 'BE-34022',
    openingHours: [h(2, '10:00', '16:00')],
    crossBorderAccess: 'open_to_all',
    email: 'mobiliteit@provincie-wvl.example',
    published: true,
  },
  {
    org: 'ccas-halluin',
    titleFr: 'Épicerie sociale et colis de dépannage',
    titleNl: 'Sociale kruidenier en noodvoedselpakketten',
    descriptionFr:
      'Produits alimentaires et d’hygiène à petit prix, et colis de dépannage pour faire face à une urgence.',
    descriptionNl:
      'Voeding en verzorgingsproducten tegen een kleine prijs, en noodpakketten bij dringende nood.',
    theme: 'food_aid',
    targetPublics: ['minimum_income', 'families'],
    languages: ['fr', 'nl'],
    postalCode: '59250',
    municipalityCode: 'FR-59279',
    openingHours: [h(2, '14:00', '17:00'), h(5, '09:00', '12:00')],
    crossBorderAccess: 'on_referral',
    accessConditionsFr:
      "Sur orientation d'un travailleur social du CCAS d'Halluin ou de l'OCMW de Menin pour les habitants de Menin.",
    accessConditionsNl:
      'Na doorverwijzing door een maatschappelijk werker van het CCAS Halewijn of, voor inwoners van Menen, van het OCMW Menen.',
    email: 'epicerie@ccas-halluin.example',
    published: true,
  },
  {
    org: 'ocmw-ronse',
    titleFr: 'Soins de santé transfrontaliers : remboursements et mutuelles',
    titleNl: 'Grensoverschrijdende gezondheidszorg: terugbetaling en ziekenfonds',
    descriptionFr:
      "Vous vous soignez en France ou en Belgique ? Nous vous aidons avec les formulaires, la carte européenne d'assurance maladie et les remboursements de votre mutuelle.",
    descriptionNl:
      'Laat u zich verzorgen in Frankrijk of België? Wij helpen u met de formulieren, de Europese ziekteverzekeringskaart en de terugbetaling door uw ziekenfonds.',
    theme: 'health',
    targetPublics: ['all', 'elderly'],
    languages: ['nl', 'fr'],
    postalCode: '9600',
    municipalityCode: 'BE-45041',
    openingHours: [h(4, '09:00', '12:00')],
    crossBorderAccess: 'residents_both_countries',
    email: 'gezondheid@ocmw-ronse.example',
    phone: '055 00 00 00',
    published: true,
  },
  {
    org: 'ccas-tourcoing',
    titleFr: 'Relais parents transfrontalier',
    titleNl: 'Grensoverschrijdend ouderpunt',
    descriptionFr:
      "Un lieu d'accueil pour les parents de jeunes enfants : garde, allocations familiales et scolarité quand la famille vit d'un côté de la frontière et travaille de l'autre.",
    descriptionNl:
      'Een onthaalplek voor ouders van jonge kinderen: opvang, kinderbijslag en school wanneer het gezin aan de ene kant van de grens woont en aan de andere kant werkt.',
    theme: 'childcare_family',
    targetPublics: ['families'],
    languages: ['fr', 'nl'],
    postalCode: '59200',
    municipalityCode: 'FR-59599',
    openingHours: [h(3, '09:00', '11:30')],
    crossBorderAccess: 'residents_both_countries',
    email: 'parents@ccas-tourcoing.example',
    published: false,
  },
  {
    org: 'cpas-mouscron',
    titleFr: "Ateliers d'activation sociale « Vivre ensemble »",
    titleNl: 'Workshops sociale activering „Samen leven”',
    descriptionFr:
      'Ateliers de cuisine, de jardinage et de bénévolat pour reprendre confiance et rencontrer d’autres habitants, préparés avec nos partenaires français.',
    descriptionNl:
      'Kook-, tuin- en vrijwilligersworkshops om opnieuw vertrouwen te krijgen en andere inwoners te ontmoeten, samen met onze Franse partners voorbereid.',
    theme: 'social_activation',
    targetPublics: ['minimum_income'],
    languages: ['fr'],
    postalCode: '7700',
    municipalityCode: 'BE-57096',
    openingHours: [h(4, '09:30', '12:00')],
    crossBorderAccess: 'residents_only',
    email: 'activation@cpas-mouscron.example',
    published: false,
  },
];
