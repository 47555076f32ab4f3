// The HTTP scenarios of the issue, built from the generated network's sample handles. `kind` selects the
// targets that apply (p95 ≤ 50 ms at 8 clients is for list and detail pages).
import type { GeneratedNetwork } from '../network/contract';

export type ScenarioKind = 'list' | 'detail' | 'search' | 'dashboard' | 'board';

export interface HttpScenario {
  /** Short name for `--only`. */
  name: string;
  label: string;
  kind: ScenarioKind;
  /** Account signed in, or null for a public endpoint. */
  account: string | null;
  paths: string[];
}

const SEARCH_FR = [
  'dettes',
  'logement',
  'emploi',
  'santé mentale',
  'interprète',
  'mobilité',
  'aide alimentaire',
];
const SEARCH_NL = ['schulden', 'huisvesting', 'werk', 'tolk', 'mobiliteit', 'voedselhulp', 'taalcursus'];
/** Name fragments with typos, as a referent types them. */
export const PERSON_SEARCHES = ['bade', 'lira', 'moker', 'Sevo Tilan', 'zamer', 'vinga', 'dorb'];

const rotate = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);
const q = encodeURIComponent;

export const caseloadPaths = (pages: number) =>
  Array.from({ length: pages }, (_, i) => `/api/people?page=${1 + (i % 20)}&pageSize=25`);
export const personSearchPaths = () => PERSON_SEARCHES.map((s) => `/api/people?q=${q(s)}`);
export const directoryPaths = () =>
  Array.from(
    { length: 14 },
    (_, i) => `/api/directory/services?q=${q(i % 2 ? SEARCH_NL[i % 7]! : SEARCH_FR[i % 7]!)}`,
  );
export const indicatorPath = (programmeId: string) => `/api/programmes/${programmeId}/indicators`;

export function httpScenarios(s: GeneratedNetwork['sample']): HttpScenario[] {
  const all: HttpScenario[] = [
    {
      name: 'caseload',
      label: 'caseload list',
      kind: 'list',
      account: s.referentEmail,
      paths: caseloadPaths(40),
    },
    {
      name: 'person',
      label: 'person page',
      kind: 'detail',
      account: s.referentEmail,
      paths: rotate(s.personIds, Math.min(50, s.personIds.length)).map((id) => `/api/people/${id}`),
    },
    {
      name: 'offer-ranking',
      label: 'offer ranking',
      kind: 'list',
      account: s.referentEmail,
      paths: s.offerRankingPaths,
    },
    {
      name: 'directory',
      label: 'directory search (public)',
      kind: 'search',
      account: null,
      paths: directoryPaths(),
    },
    {
      name: 'agreement',
      label: 'agreement page',
      kind: 'detail',
      account: s.referentEmail,
      paths: rotate(s.agreementIds, Math.min(50, s.agreementIds.length)).map((id) => `/api/placements/${id}`),
    },
    {
      name: 'indicators',
      label: 'indicator dashboard',
      kind: 'dashboard',
      account: s.coordinatorEmail,
      paths: [indicatorPath(s.programmeId)],
    },
    {
      name: 'board',
      label: 'observatory board',
      kind: 'board',
      account: s.analystEmail,
      paths: [`/api/observatory/boards/${s.boardCode}`],
    },
  ];
  return all.filter((x) => x.paths.length > 0);
}
