import { programmeTotals } from '../../../../common/network/programme-rules';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';

/** Test-only: one programme (SAM Eurométropole, led by o1, the test session's organisation) for page tests. */

const org = (
  id: string,
  nameFr: string,
  nameNl: string,
  country: 'FR' | 'BE',
  shortName: string | null = null,
) => ({
  id,
  nameFr,
  nameNl,
  shortName,
  country,
});
const lead = org('o1', 'Union Départementale des CCAS du Nord', 'Departementale Unie', 'FR', 'UDCCAS 59');
const partners = [
  {
    org: lead,
    role: 'lead' as const,
    roles: ['lead' as const],
    budgetTotal: '600000.00',
    euAmount: '300000.00',
  },
  {
    org: org('o2', 'CPAS de Courtrai', 'OCMW Kortrijk', 'BE'),
    role: 'partner' as const,
    roles: ['partner' as const],
    budgetTotal: '500000.00',
    euAmount: '250000.00',
  },
  {
    org: org('o3', 'Province de Flandre-Occidentale', 'Provincie West-Vlaanderen', 'BE'),
    role: 'associated' as const,
    roles: ['associated' as const, 'cofinancer' as const],
    budgetTotal: null,
    euAmount: null,
  },
];
export const programme = (canEdit: boolean): ProgrammeDetail => ({
  id: 'p1',
  acronym: 'SAM-E',
  nameFr: 'SAM Eurométropole',
  nameNl: 'SAM Eurometropool',
  fundingProgramme: 'Interreg IV A France-Wallonie-Vlaanderen',
  funds: ['erdf'],
  startsOn: '2010-07-01',
  endsOn: '2014-12-31',
  status: 'closed',
  descriptionFr: 'Action 1 – chantiers.',
  descriptionNl: 'Actie 1 – integratieprojecten.',
  budgetTotal: '1142943.65',
  euAmount: '583540.04',
  placementMinMonths: 2,
  placementMaxMonths: 6,
  lead,
  partners,
  totals: programmeTotals({ budgetTotal: '1142943.65', euAmount: '583540.04' }, partners),
  canEdit,
  updatedAt: '2026-01-01T00:00:00.000Z',
  themes: ['employment', 'mobility'],
  interventionCategory: null,
  website: 'https://www.sameurometropole.eu',
  territories: [
    { code: 'BE-34022', country: 'BE', nameFr: 'Courtrai', nameNl: 'Kortrijk' },
    { code: 'FR-59350', country: 'FR', nameFr: 'Lille', nameNl: 'Rijsel' },
  ],
  actions: [
    {
      id: 'aaaaaaa1-0000-4000-8000-000000000001',
      position: 1,
      code: 'A1',
      kind: 'action',
      titleFr: "Chantiers transfrontaliers d'insertion",
      titleNl: 'Grensoverschrijdende integratieprojecten',
      titleEn: 'Cross-border work-integration placements',
      defaultFor: ['placement'],
      inUse: true,
    },
    {
      id: 'aaaaaaa2-0000-4000-8000-000000000002',
      position: 2,
      code: 'A2',
      kind: 'action',
      titleFr: 'Immersions de professionnels',
      titleNl: 'Inleefstages van medewerkers',
      titleEn: null,
      defaultFor: [],
      inUse: false,
    },
  ],
  milestones: [
    {
      id: 'eeeeeee1-0000-4000-8000-000000000001',
      occursOn: '2010-07-01',
      labelFr: 'Début du projet',
      labelNl: 'Start van het project',
      labelEn: null,
      note: 'Convention FEDER signée.',
    },
  ],
  documents: [
    {
      id: 'ddddddd1-0000-4000-8000-000000000001',
      filename: 'convention-partenariat.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 48_213,
      sha256: 'a'.repeat(64),
      createdAt: '2026-01-02T10:00:00.000Z',
    },
  ],
  seesMilestones: true,
});
