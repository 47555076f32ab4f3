import type { WebModule } from '../../app/module';

/** The immersions module's pages (see src/server/modules/immersions/index.ts for what it covers). */
export const immersionsModule: WebModule = {
  routes: [],
};
