import type { Deps } from '../../../platform/deps';
import { anonymisePerson } from '../../people';
import { RETENTION_INTERVAL_MS, RETENTION_JOB, runRetention } from './run-retention';

/** The retention job, under the recurring lease (one process runs it per interval). */
export function registerRetentionJob(deps: Deps): void {
  deps.jobs.every(RETENTION_JOB, RETENTION_INTERVAL_MS, async () => {
    await runRetention(deps, anonymisePerson);
  });
}
