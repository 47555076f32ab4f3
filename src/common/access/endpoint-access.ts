import type { Access } from '../kernel/endpoint';
import { can, type Role } from './permissions';

/**
 * Whether a caller may call an endpoint, read from its declared `access` (issue 16, ADR 0030): the one
 * rule the API's route layer enforces, the web uses to show an action, and the access matrix expects.
 * `roles` is null for a visitor without a session.
 */
export function allows(access: Access, roles: readonly Role[] | null): boolean {
  if ('public' in access) return true;
  if (roles === null) return false;
  if ('signedIn' in access) return true;
  return access.anyOf.some((p) => can(roles, p));
}
