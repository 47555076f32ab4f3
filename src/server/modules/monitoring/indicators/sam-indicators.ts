import type { IndicatorInput } from '../../../../common/monitoring/schemas';

/**
 * SAM Eurométropole's six indicators, word for word from the project's "Bilan" (seed 002: « Le projet est
 * évalué sur la base d'indicateurs prédéfinis… »), with faithful Dutch and English translations. Where no
 * record exists (placements, immersions, initiatives, forums, the services network), a counting rule of
 * the module that holds them computes the indicator.
 */
export interface DemoIndicator extends Omit<IndicatorInput, 'actionId' | 'milestones'> {
  /** The action it belongs to, by its code in the programme (null when the programme has none). */
  actionCode: string;
}

export const SAM_INDICATORS: DemoIndicator[] = [
  {
    code: 'I1',
    actionCode: 'A1',
    euCode: 'RCO82',
    kind: 'output',
    unit: 'persons',
    labelFr:
      'usagers des CCAS/CPAS allocataires des minimas sociaux effectuant un chantier d’insertion chez un partenaire sur une période de 6 mois',
    labelNl:
      'cliënten van de CCAS/OCMW’s met een minimuminkomen die gedurende een periode van 6 maanden een integratiewerkplek bij een partner doorlopen',
    labelEn:
      'users of the CCAS/CPAS receiving minimum social benefits carrying out an integration work placement at a partner over a period of 6 months',
    definitionFr:
      'Personnes uniques (par code participant, tous partenaires confondus, jamais par le nom), allocataires d’un minimum social (RSA, revenu d’intégration ou aide équivalente, leefloon), dont le chantier d’insertion de l’Action 1 chez un partenaire est en cours ou terminé pendant la période du programme. Les « 6 mois » du bilan sont la durée la plus longue d’un chantier : l’Action 1 prévoit des chantiers de 2 à 6 mois, et un chantier compte dès qu’il dure au moins 8 semaines (56 jours, durée prévue ou, s’il a pris fin, effective). Une personne qui a fait deux chantiers n’est comptée qu’une fois.',
    definitionNl:
      'Unieke personen (op deelnemerscode, over alle partners heen, nooit op naam) met een minimuminkomen (RSA, leefloon of gelijkwaardige steun), van wie de integratiewerkplek van Actie 1 bij een partner loopt of afgerond is tijdens de looptijd van het programma. De „6 maanden” van de balans zijn de langste duur van een werkplek: Actie 1 voorziet werkplekken van 2 tot 6 maanden, en een werkplek telt mee zodra hij minstens 8 weken duurt (56 dagen, geplande duur of, als hij beëindigd is, werkelijke duur). Wie twee werkplekken deed, telt één keer.',
    definitionEn:
      'Unique persons (by participant code, across partners, never by name) receiving a minimum income (RSA, integration income or equivalent aid, leefloon) whose Action 1 integration work placement at a partner is under way or completed within the programme period. The report’s “6 months” is the longest a placement lasts: Action 1 provides for placements of 2 to 6 months, and a placement counts once it lasts at least 8 weeks (56 days, planned or, once ended, actual). A person with two placements is counted once.',
    baseline: 0,
    target: 50,
    ruleCode: 'placements.persons_placed',
    ruleParams: {
      minDurationDays: 56,
      statuses: ['active', 'completed'],
      benefits: ['equivalent_aid', 'equivalent_leefloon', 'leefloon', 'ris', 'rsa'],
    },
    // ESF+ participant characteristics (Regulation (EU) 2021/1057, Annex I).
    breakdowns: ['partner', 'sex', 'age_band'],
  },
  {
    code: 'I2',
    actionCode: 'A2',
    euCode: 'RCO85',
    kind: 'output',
    unit: 'persons',
    labelFr: 'professionnels des CCAS/CPAS partant en immersion de deux à cinq jours chez un partenaire',
    labelNl: 'professionals van de CCAS/OCMW’s die twee tot vijf dagen op inleefstage gaan bij een partner',
    labelEn: 'professionals of the CCAS/CPAS leaving for a two- to five-day immersion at a partner',
    definitionFr:
      'Professionnels uniques (comptés une fois, par un code, jamais par le nom) d’un partenaire du programme qui ont terminé une immersion courte de 2 à 5 jours ouvrables chez un autre partenaire, pendant la période. Une immersion compte quand la structure d’accueil l’a accordée et qu’elle est terminée ; elle est attribuée au partenaire qui envoie le professionnel.',
    definitionNl:
      'Unieke professionals (één keer geteld, met een code, nooit op naam) van een partner van het programma die een korte inleefstage van 2 tot 5 werkdagen bij een andere partner hebben afgerond, tijdens de periode. Een inleefstage telt wanneer de onthaalorganisatie ze heeft goedgekeurd en ze afgerond is; ze wordt toegerekend aan de partner die de professional uitstuurt.',
    definitionEn:
      'Unique professionals (counted once, by a code, never by name) of a partner of the programme who completed a short immersion of 2 to 5 working days at another partner, within the period. An immersion counts once the host agreed to it and it is completed; it is attributed to the partner that sends the professional.',
    baseline: 0,
    target: 60,
    ruleCode: 'immersions.professionals_completed',
    ruleParams: { minDays: 2, maxDays: 5, kinds: ['short'] },
  },
  {
    code: 'I3',
    actionCode: 'A3',
    euCode: 'RCO84',
    kind: 'output',
    unit: 'initiatives',
    labelFr: 'initiatives transfrontalières en matière sociale',
    labelNl: 'grensoverschrijdende initiatieven op sociaal vlak',
    labelEn: 'cross-border initiatives in social matters',
    definitionFr:
      'Initiatives solidaires du programme, pilotées par un partenaire du programme, auxquelles prennent part des organisations des deux pays (l’organisation pilote et ses partenaires), et en cours pendant au moins un jour de la période : lancées avant sa fin et pas terminées avant son début. Chaque initiative compte une fois, attribuée à son organisation pilote.',
    definitionNl:
      'Solidariteitsinitiatieven van het programma, getrokken door een partner van het programma, waaraan organisaties uit beide landen deelnemen (de trekker en zijn partners), en lopend op minstens één dag van de periode: gestart vóór het einde ervan en niet afgerond vóór het begin. Elk initiatief telt één keer, toegerekend aan de trekker.',
    definitionEn:
      'The programme’s solidarity initiatives, led by a programme partner, in which organisations from both countries take part (the lead and its partners), running on at least one day of the period: started before its end and not ended before its start. Each initiative counts once, attributed to its lead.',
    baseline: 0,
    target: 23,
    // The initiatives module's rule (migration 0049): initiatives carry no person, by partner only.
    ruleCode: 'initiatives.cross_border',
    ruleParams: {},
    breakdowns: ['partner'],
  },
  {
    code: 'I4',
    actionCode: 'A1',
    euCode: null,
    kind: 'result',
    // Counted from the providing services' monthly counts (issue 13): participations, see the definition.
    unit: 'participations',
    labelFr: 'personnes utilisant l’offre de services transfrontaliers',
    labelNl: 'personen die gebruikmaken van het grensoverschrijdende dienstenaanbod',
    labelEn: 'persons using the cross-border services offer',
    definitionFr:
      'Bilan : « plus de 350 personnes utilisant l’offre de services transfrontaliers ». Somme des comptages mensuels que tiennent les services des partenaires du programme : chaque mois, le nombre de personnes venues de l’autre pays qu’un service a accueillies, pour les mois de la période. Une personne accueillie plusieurs mois est comptée chaque mois (participations) : les comptages ne portent aucun nom, seulement, quand la personne est suivie dans samen, son code participant.',
    definitionNl:
      'Balans: „meer dan 350 personen die gebruikmaken van het grensoverschrijdende dienstenaanbod”. Som van de maandtellingen die de diensten van de partners van het programma bijhouden: elke maand het aantal personen uit het andere land dat een dienst heeft ontvangen, voor de maanden van de periode. Wie meerdere maanden komt, telt elke maand (deelnames): de tellingen bevatten geen naam, enkel, als de persoon in samen gevolgd wordt, haar deelnemerscode.',
    definitionEn:
      'Report: “more than 350 persons using the cross-border services offer”. Sum of the monthly counts the programme partners’ services keep: each month, how many persons from the other country a service served, for the months of the period. A person served in several months counts in each (participations): the counts carry no name, only, when the person is followed in samen, their participant code.',
    baseline: 0,
    target: 350,
    ruleCode: 'network.cross_border_use',
    ruleParams: {},
    // Counts carry no sex or age: by partner only.
    breakdowns: ['partner'],
  },
  {
    code: 'I5',
    actionCode: 'A4',
    euCode: 'RCO81',
    kind: 'output',
    unit: 'persons',
    labelFr: 'personnes sensibilisées à l’identité transfrontalière',
    labelNl: 'personen die bewust gemaakt zijn van de grensoverschrijdende identiteit',
    labelEn: 'persons made aware of the cross-border identity',
    definitionFr:
      'Bilan : « 750 personnes sensibilisées à l’identité transfrontalière ». Personnes uniques présentes aux séances de sensibilisation et d’information du programme tenues pendant la période : une inscription marquée présente compte par son adresse e-mail, un code de participant par organisateur, et une séance comptée sans identité par ses participants venus pour la première fois. Une personne venue à trois séances compte une fois.',
    definitionNl:
      'Balans: „750 personen bewust gemaakt van de grensoverschrijdende identiteit”. Unieke personen aanwezig op de sensibiliserings- en informatiesessies van het programma tijdens de periode: een inschrijving die als aanwezig is gemarkeerd telt via haar e-mailadres, een deelnemerscode per organisator, en een sessie die zonder identiteit geteld is via de deelnemers die voor het eerst kwamen. Wie op drie sessies was, telt één keer.',
    definitionEn:
      'Report: “750 persons made aware of the cross-border identity”. Unique persons present at the programme’s awareness and information sessions held in the period: a registration marked present counts by its e-mail address, a participant code once per organiser, and a session counted without identities by its participants who came for the first time. A person at three sessions counts once.',
    baseline: 0,
    target: 750,
    ruleCode: 'forums.persons_aware',
    ruleParams: {},
    // Counts carry no sex or age: by partner only.
    breakdowns: ['partner'],
  },
  {
    code: 'I6',
    actionCode: 'A3',
    euCode: null,
    kind: 'output',
    unit: 'services',
    labelFr: 'services intégrés dans un réseau transfrontalier',
    labelNl: 'diensten die opgenomen zijn in een grensoverschrijdend netwerk',
    labelEn: 'services integrated in a cross-border network',
    definitionFr:
      'Services des partenaires du programme liés à un service partenaire de l’autre pays par un lien transfrontalier accepté des deux côtés et en vigueur à un moment de la période (orientation, permanence commune ou accueil des habitants de l’autre côté) ; chaque service compte une fois.',
    definitionNl:
      'Diensten van de partners van het programma die met een partnerdienst in het andere land verbonden zijn door een grensoverschrijdende koppeling die beide kanten aanvaard hebben en die op een moment van de periode liep (doorverwijzing, gedeeld loket of ontvangst van inwoners van de andere kant); elke dienst telt één keer.',
    definitionEn:
      'Services of the programme’s partners linked to a partner service in the other country by a cross-border link both sides accepted and in force at some point of the period (referrals, a shared desk or receiving the other side’s residents); each service counts once.',
    baseline: 0,
    target: 45,
    ruleCode: 'network.services_linked',
    ruleParams: {},
  },
];
