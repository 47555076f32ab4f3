import type { WebModule } from '../../app/module';

/** The practices module's pages (see src/server/modules/practices/index.ts for what it covers). */
export const practicesModule: WebModule = {
  routes: [],
};
