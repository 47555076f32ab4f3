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

/**
 * The menu on one row: the first entries as they come (in order), the rest behind a "More" button, which
 * takes the last place. When everything fits, there is no "More". `fit` is how many entries the row holds.
 */
export function splitNav<T>(items: readonly T[], fit: number): { shown: T[]; more: T[] } {
  if (items.length <= fit) return { shown: [...items], more: [] };
  const n = Math.max(1, fit - 1);
  return { shown: items.slice(0, n), more: items.slice(n) };
}

/**
 * How many entries the main menu's row holds at a window width: the labels are short words in French and
 * Dutch but some are two or three (« Conventions d’immersion »), so about 150 px an entry on a wide screen.
 * A phone keeps the first entry and puts the rest behind "More".
 */
export function navCapacity(width: number): number {
  if (width >= 1500) return 10;
  if (width >= 1280) return 8;
  if (width >= 1024) return 6;
  if (width >= 641) return 5;
  return 2;
}
