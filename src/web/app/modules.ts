import { adminModule } from '../modules/admin';
import { agreementsModule } from '../modules/agreements';
import { authModule } from '../modules/auth';
import { dashboardModule } from '../modules/dashboard';
import { directoryModule } from '../modules/directory';
import { homeModule } from '../modules/home';
import { offersModule } from '../modules/offers';
import { organisationsModule } from '../modules/organisations';
import { pathwaysModule } from '../modules/pathways';
import { peopleModule } from '../modules/people';
import { followUpModule } from '../modules/placement-followup';
import { programmePlacementsModule } from '../modules/programme-placements';
import { programmesModule } from '../modules/programmes';
import { referralsModule } from '../modules/referrals';
import { servicesModule } from '../modules/services';
import { territoriesModule } from '../modules/territories';
import type { NavItem, WebModule } from './module';

/** Every web module; the only place that lists them. */
const rest: WebModule[] = [
  homeModule,
  authModule,
  adminModule,
  directoryModule,
  servicesModule,
  programmesModule,
  organisationsModule,
  territoriesModule,
  peopleModule,
  pathwaysModule,
  referralsModule,
  offersModule,
  agreementsModule,
  followUpModule,
  programmePlacementsModule,
];
export const MODULES: WebModule[] = [dashboardModule(() => allNav), ...rest];
const allNav: NavItem[] = MODULES.flatMap((m) => m.nav ?? []);
