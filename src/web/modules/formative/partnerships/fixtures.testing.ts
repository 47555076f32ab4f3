import type { PartnershipView, PlanItemView } from '../../../../common/formative/schemas';

/** Test-only: a partnership as the API shows it (the live Charleroi–Binche one, mid-year). */
export const SLOW = { timeout: 10_000 };
export const P = '00000000-0000-4000-8000-0000000000f1';
export const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

export const item = (n: number, nameFr: string, over: Partial<PlanItemView> = {}): PlanItemView => ({
  id: id(10 + n),
  moduleId: id(20 + n),
  code: `m${n}`,
  nameFr,
  nameNl: `${nameFr} (NL)`,
  plannedHours: 220,
  doneHours: 110,
  hoursPercent: 50,
  level: null,
  percent: null,
  comment: null,
  progressAt: null,
  progressByName: null,
  ...over,
});

export const view = (over: Partial<PartnershipView['me']> = {}): PartnershipView => ({
  partnership: {
    id: P,
    side: 'lead',
    programme: {
      id: id(1),
      acronym: 'Charleroi–Binche suite',
      nameFr: 'Suite (fictif)',
      nameNl: 'Vervolg (fictief)',
    },
    lead: { id: id(2), shortName: 'CPAS Charleroi', nameFr: 'CPAS de Charleroi', nameNl: 'OCMW Charleroi' },
    partner: { id: id(3), shortName: 'CPAS Binche', nameFr: 'CPAS de Binche', nameNl: 'OCMW Binche' },
    unit: { id: id(4), nameFr: 'Service Action Migrants', nameNl: 'Service Action Migrants' },
    traineeName: 'Élise Formation',
    tutorName: 'Inaya Tutrice',
    immersionStartsOn: '2026-05-30',
    immersionEndsOn: '2027-05-29',
    applicationStartsOn: '2027-05-30',
    applicationEndsOn: '2028-05-28',
  },
  convention: { conventionOn: '2025-12-31', fundingOrderOn: null, hiredOn: null },
  tutorUserId: id(5),
  milestones: [{ code: 'convention', occursOn: '2025-12-31' }],
  documents: [
    { kind: 'convention', document: null },
    { kind: 'funding_order', document: null },
  ],
  plan: [
    item(1, 'Insertion sociale', {
      level: 'autonomous',
      percent: 60,
      comment: 'Anime seule l’atelier.',
      progressAt: '2026-11-20T15:00:00Z',
      progressByName: 'Inaya Tutrice',
    }),
    item(2, 'Bénévolat d’activation sociale', { plannedHours: 160, doneHours: 16.5, hoursPercent: 10 }),
  ],
  totals: { plannedHours: 380, doneHours: 126.5, hoursPercent: 33 },
  sessions: [],
  reviews: [],
  projects: [],
  me: { role: 'tutor', canEdit: false, canRecord: true, canWriteProjects: false, canAttach: false, ...over },
});
