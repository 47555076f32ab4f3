import { can, type Permission, type Role } from '../../common/access/permissions';
import type { Language } from '../../common/i18n/locales';
import type { DbContext } from './db/context';
import { forbidden } from './errors';

/** The signed-in user acting in one organisation, as resolved from the session for one request. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  orgId: string | null;
  orgCountry: 'FR' | 'BE' | null;
  roles: Role[];
  platformAdmin: boolean;
  language: Language;
  csrfToken: string;
  /** The organisation requires a second factor the user has not set up yet: only set-up is allowed. */
  mfaSetupRequired: boolean;
  requestId: string;
}

export const actorContext = (a: Actor): DbContext => ({
  userId: a.userId,
  orgId: a.orgId,
  platformAdmin: a.platformAdmin,
  requestId: a.requestId,
});

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}

export const actorCan = (actor: Actor, permission: Permission) => can(actor.roles, permission);
