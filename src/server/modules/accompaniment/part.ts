import type { ServerModule } from '../../platform/module';

/**
 * One part of the accompaniment module (newcomer records, teams, interpreting, outreach,
 * experimentations): what it adds to the module's manifest. The face (index.ts) merges them.
 */
export type AccompanimentPart = Omit<ServerModule, 'name'>;
