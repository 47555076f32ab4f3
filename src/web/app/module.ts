import type { RouteObject } from 'react-router';
import type { Permission } from '../../common/access/permissions';

/** A menu entry; shown only to users holding the permission (or to everyone signed in without one). */
export interface NavItem {
  to: string;
  labelId: string;
  permission?: Permission;
  /** Lower comes first. */
  order: number;
  /** Also shown to visitors who are not signed in (the public services directory). */
  public?: boolean;
}

/** What a web module contributes to the shell: pages for signed-in users, public pages, menu entries. */
export interface WebModule {
  routes?: RouteObject[];
  publicRoutes?: RouteObject[];
  nav?: NavItem[];
}
