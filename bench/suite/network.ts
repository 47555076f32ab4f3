// The data every scenario runs on: the network generator of bench/network (its contract in contract.ts).
import type { Engine } from '../../src/server/platform/db/engine';
import type { GeneratedNetwork, GenerateOptions } from '../network/contract';
import { generateNetwork } from '../network/index';

export interface BuiltNetwork extends GeneratedNetwork {
  /** Which generator built it, for the report. */
  source: string;
}

export async function buildNetwork(engine: Engine, opts: GenerateOptions): Promise<BuiltNetwork> {
  return { ...(await generateNetwork(engine, opts)), source: 'bench/network' };
}
