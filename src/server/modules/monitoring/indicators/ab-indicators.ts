import type { DemoIndicator } from './sam-indicators';

/**
 * AB Réfugiés' indicators, each computed by a counting rule of the accompaniment or forums module (issue
 * 14). The application (seed 004) states no figures but one: "une expérimentation dans chacun des versants
 * qui sera, après évaluation, transférée dans les autres versants" — three pilot actions, each taken up by
 * the two other sides. The historical programme carries those two; its fictional follow-up carries all six,
 * with targets invented for the demo.
 */
const EXPERIMENTATIONS: DemoIndicator[] = [
  {
    code: 'E1',
    actionCode: 'M3',
    euCode: 'RCO84',
    kind: 'output',
    unit: 'initiatives',
    labelFr: 'expérimentations transfrontalières menées, une par versant',
    labelNl: 'grensoverschrijdende experimenten uitgevoerd, één per landsdeel',
    labelEn: 'cross-border experimentations run, one per side',
    definitionFr:
      'Actions pilotes élaborées conjointement et mises en œuvre (RCO84) : les expérimentations du programme, portées par un partenaire avec au moins une autre organisation, qui se sont déroulées pendant la période. Le dossier prévoit une expérimentation dans chacun des trois versants.',
    definitionNl:
      'Gezamenlijk ontwikkelde en uitgevoerde proefacties (RCO84): de experimenten van het programma, getrokken door een partner met minstens één andere organisatie, die tijdens de periode liepen. Het dossier voorziet één experiment in elk van de drie landsdelen.',
    definitionEn:
      'Pilot actions developed jointly and implemented (RCO84): the programme’s experimentations, led by a partner with at least one other organisation, that ran during the period. The application provides for one experimentation on each of the three sides.',
    baseline: 0,
    target: 3,
    ruleCode: 'accompaniment.experimentations_run',
    ruleParams: {},
    breakdowns: ['partner'],
  },
  {
    code: 'E2',
    actionCode: 'M3',
    euCode: 'RCR104',
    kind: 'result',
    unit: 'initiatives',
    labelFr: 'expérimentations transférées dans un autre versant',
    labelNl: 'experimenten overgedragen naar een ander landsdeel',
    labelEn: 'experimentations transferred to another side',
    definitionFr:
      'Solutions reprises par d’autres organisations (RCO116 / RCR104) : les transferts d’une expérimentation du programme vers un autre versant, en cours, évalués ou adoptés pendant la période. Chaque expérimentation doit être transférée dans les deux autres versants.',
    definitionNl:
      'Oplossingen overgenomen door andere organisaties (RCO116 / RCR104): de overdrachten van een experiment van het programma naar een ander landsdeel, lopend, geëvalueerd of aangenomen tijdens de periode. Elk experiment moet naar de twee andere landsdelen worden overgedragen.',
    definitionEn:
      'Solutions taken up by other organisations (RCO116 / RCR104): transfers of a programme experimentation to another side, running, evaluated or adopted during the period. Each experimentation is to be transferred to the two other sides.',
    baseline: 0,
    target: 6,
    ruleCode: 'accompaniment.experimentations_transferred',
    ruleParams: {},
    breakdowns: ['partner'],
  },
];

export const AB_INDICATORS: DemoIndicator[] = EXPERIMENTATIONS;

/** The fictional follow-up: today's accompaniment, with targets invented for the demo. */
export const AB_SUITE_INDICATORS: DemoIndicator[] = [
  {
    code: 'N1',
    actionCode: 'M2',
    euCode: null,
    kind: 'output',
    unit: 'persons',
    labelFr: 'primo-arrivants accompagnés',
    labelNl: 'begeleide nieuwkomers',
    labelEn: 'newcomers accompanied',
    definitionFr:
      'Personnes uniques accompagnées par les partenaires (évènement de statut, demande à une équipe mobile, intervention, interprétariat, contact de proximité), une fois chacune par code participant ; les contacts de proximité non reliés à un dossier comptent aussi. Cible fictive de la démonstration.',
    definitionNl:
      'Unieke personen begeleid door de partners (statusgebeurtenis, aanvraag aan een mobiel team, interventie, tolkopdracht, outreachcontact), elk één keer via de deelnemerscode; outreachcontacten zonder dossier tellen ook mee. Fictieve doelwaarde van de demo.',
    definitionEn:
      'Unique persons accompanied by the partners (status event, request to a mobile team, intervention, interpreting, outreach contact), once each by participant code; outreach contacts not linked to a record count too. Fictional demo target.',
    baseline: 0,
    target: 300,
    ruleCode: 'accompaniment.newcomers_accompanied',
    ruleParams: { includeOutreach: true },
    breakdowns: ['partner'],
  },
  {
    code: 'N2',
    actionCode: 'M2',
    euCode: null,
    kind: 'output',
    unit: 'events',
    labelFr: 'interventions transfrontalières des équipes mobiles',
    labelNl: 'grensoverschrijdende interventies van de mobiele teams',
    labelEn: 'cross-border interventions of the mobile teams',
    definitionFr:
      'Interventions réalisées par les équipes mobiles des partenaires dans l’autre pays, ou pour une personne suivie de l’autre côté. Cible fictive de la démonstration.',
    definitionNl:
      'Interventies van de mobiele teams van de partners in het andere land, of voor een persoon die aan de andere kant gevolgd wordt. Fictieve doelwaarde van de demo.',
    definitionEn:
      'Interventions by the partners’ mobile teams in the other country, or for a person followed on the other side. Fictional demo target.',
    baseline: 0,
    target: 120,
    ruleCode: 'accompaniment.interventions_cross_border',
    ruleParams: {},
    breakdowns: ['partner'],
  },
  {
    code: 'N3',
    actionCode: 'M1',
    euCode: null,
    kind: 'output',
    unit: 'participations',
    labelFr: 'participations de professionnels et de bénévoles aux formations et rencontres du réseau',
    labelNl: 'deelnames van professionals en vrijwilligers aan opleidingen en netwerkbijeenkomsten',
    labelEn: 'participations of professionals and volunteers in trainings and network meetings',
    definitionFr:
      'Présences aux formations, rencontres du réseau et séances de groupe Mindspring du programme destinées aux professionnels ou aux bénévoles ; une personne venue deux fois compte deux fois. Cible fictive de la démonstration.',
    definitionNl:
      'Aanwezigheden op de opleidingen, netwerkbijeenkomsten en Mindspring-groepssessies van het programma voor professionals of vrijwilligers; wie twee keer kwam, telt twee keer. Fictieve doelwaarde van de demo.',
    definitionEn:
      'Attendances at the programme’s trainings, network meetings and Mindspring group sessions for professionals or volunteers; a person who came twice counts twice. Fictional demo target.',
    baseline: 0,
    target: 200,
    ruleCode: 'forums.trained',
    ruleParams: { uniquePersons: false },
    breakdowns: ['partner'],
  },
  {
    code: 'N4',
    actionCode: 'M1',
    euCode: null,
    kind: 'output',
    unit: 'persons',
    labelFr: 'personnes « invisibles » atteintes par l’aller-vers',
    labelNl: '„onzichtbare” personen bereikt via outreach',
    labelEn: '“invisible” persons reached by outreach',
    definitionFr:
      'Personnes rencontrées lors de contacts de proximité, sans double comptage une fois reliées à un dossier. Cible fictive de la démonstration.',
    definitionNl:
      'Personen ontmoet bij outreachcontacten, zonder dubbeltelling zodra ze aan een dossier gekoppeld zijn. Fictieve doelwaarde van de demo.',
    definitionEn:
      'Persons met in outreach contacts, without double counting once linked to a record. Fictional demo target.',
    baseline: 0,
    target: 150,
    ruleCode: 'accompaniment.outreach_contacts',
    ruleParams: {},
    breakdowns: ['partner'],
  },
  ...EXPERIMENTATIONS,
];
