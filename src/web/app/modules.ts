import { accompanimentModule } from '../modules/accompaniment';
import { adminModule } from '../modules/admin';
import { authModule } from '../modules/auth';
import { dashboardModule } from '../modules/dashboard';
import { formativeModule } from '../modules/formative';
import { forumsModule } from '../modules/forums';
import { homeModule } from '../modules/home';
import { immersionsModule } from '../modules/immersions';
import { initiativesModule } from '../modules/initiatives';
import { monitoringModule } from '../modules/monitoring';
import { networkModule } from '../modules/network';
import { observatoryModule } from '../modules/observatory';
import { peopleModule } from '../modules/people';
import { placementsModule } from '../modules/placements';
import { practicesModule } from '../modules/practices';
import { volunteersModule } from '../modules/volunteers';
import type { NavItem, WebModule } from './module';

/** Every web module; the only place that lists them. */
const rest: WebModule[] = [
  homeModule,
  authModule,
  adminModule,
  networkModule,
  peopleModule,
  placementsModule,
  monitoringModule,
  immersionsModule,
  practicesModule,
  formativeModule,
  observatoryModule,
  forumsModule,
  volunteersModule,
  initiativesModule,
  accompanimentModule,
];
export const MODULES: WebModule[] = [dashboardModule(() => allNav), ...rest];
const allNav: NavItem[] = MODULES.flatMap((m) => m.nav ?? []);
