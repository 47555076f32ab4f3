/**
 * Cohort suggestion: assign persons to offers so that the MOST persons get a feasible placement, and among
 * such assignments the one with the highest total feasibility score. Greedy choices fail this (a person who
 * fits two offers may take the only offer another person fits), so it is solved exactly as a minimum-cost
 * assignment (Hungarian algorithm, O(n²·m)) where each free position of an offer is one column.
 */

export interface CohortPair {
  personId: string;
  offerId: string;
  /** Integer 0–100 from the ranking; only feasible pairs are passed in. */
  score: number;
}

export interface CohortInput {
  personIds: readonly string[];
  offers: ReadonlyArray<{ id: string; freePositions: number }>;
  pairs: readonly CohortPair[];
}

export interface CohortSuggestion {
  assignments: Array<{ personId: string; offerId: string; score: number }>;
  unassigned: string[];
  totalScore: number;
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns). `cost` is row-major
 * (cost[i * cols + j], 0-based); returns the column of each row. Potentials method with 1-based internals.
 */
export function hungarian(rows: number, cols: number, cost: ArrayLike<number>): number[] {
  if (rows > cols) throw new RangeError('more rows than columns');
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1); // p[j] = row matched to column j (1-based), 0 = free
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const base = (i0 - 1) * cols - 1;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[base + j]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j]) result[p[j]! - 1] = j - 1;
  return result;
}

export function suggestCohort(input: CohortInput): CohortSuggestion {
  const persons = [...new Set(input.personIds)];
  const n = persons.length;
  const personIndex = new Map(persons.map((id, i) => [id, i]));
  // Scores by person, then by offer; duplicates keep the best score.
  const score = persons.map(() => new Map<string, number>());
  for (const pr of input.pairs) {
    const i = personIndex.get(pr.personId);
    if (i === undefined) continue;
    const s = Math.max(0, Math.round(pr.score));
    if ((score[i]!.get(pr.offerId) ?? -1) < s) score[i]!.set(pr.offerId, s);
  }
  // One column per usable position: an offer never needs more positions than there are persons.
  const columns: string[] = [];
  const wanted = new Set(input.pairs.map((p) => p.offerId));
  for (const o of input.offers) {
    if (!wanted.has(o.id)) continue;
    for (let k = 0; k < Math.min(Math.max(0, o.freePositions), n); k++) columns.push(o.id);
  }
  // Empty columns let a person stay unassigned at no cost.
  const cols = Math.max(columns.length, n);
  // Assigning one more person must outweigh any gain in score: BIG exceeds the largest possible total score.
  const BIG = 101 * (n + 1);
  const cost = new Float64Array(n * cols);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < columns.length; j++) {
      const s = score[i]!.get(columns[j]!);
      if (s !== undefined) cost[i * cols + j] = -(BIG + s);
    }
  const match = n ? hungarian(n, cols, cost) : [];
  const assignments: CohortSuggestion['assignments'] = [];
  const unassigned: string[] = [];
  persons.forEach((personId, i) => {
    const offerId = columns[match[i]!];
    const s = offerId === undefined ? undefined : score[i]!.get(offerId);
    if (offerId === undefined || s === undefined) unassigned.push(personId);
    else assignments.push({ personId, offerId, score: s });
  });
  return { assignments, unassigned, totalScore: assignments.reduce((t, a) => t + a.score, 0) };
}
