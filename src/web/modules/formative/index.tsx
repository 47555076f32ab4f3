import type { WebModule } from '../../app/module';

/** The formative module's pages (see src/server/modules/formative/index.ts for what it covers). */
export const formativeModule: WebModule = {
  routes: [],
};
