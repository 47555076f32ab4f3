import { can, type Role } from '../../common/access/permissions';
import type { NavItem } from './module';

/**
 * The menu a reader gets: signed in, the items their roles allow (never the public-only faces of pages
 * they reach by their own entry); signed out, the public items only. Sorted by order.
 */
export function visibleNav(nav: readonly NavItem[], signedIn: boolean, roles: readonly Role[]): NavItem[] {
  return nav
    .filter((n) =>
      signedIn ? !n.publicOnly && (!n.permission || can(roles, n.permission)) : n.public || n.publicOnly,
    )
    .sort((a, b) => a.order - b.order);
}
