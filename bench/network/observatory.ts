// Observatory values through the issue 12 generator (1,200 municipalities, twelve elements, ten
// disaggregations, as many periods as the target needs) and its board, published so it is public.
import type { Engine } from '../../src/server/platform/db/engine';
import {
  BOARD,
  createBoard,
  defineElements,
  generateTerritories,
  generateValues,
} from '../generate-observatory';

export async function generateObservatory(engine: Engine, target: number, orgId: string) {
  const codes = await generateTerritories(engine, 600);
  await defineElements(engine);
  const stored = await generateValues(engine, target, orgId, codes);
  await createBoard(engine, orgId);
  await engine.rawQuery(`update obs_boards set published_at = timestamptz '2026-11-02' where code = $1`, [
    BOARD,
  ]);
  return { boardCode: BOARD, periods: stored.periods.length };
}
