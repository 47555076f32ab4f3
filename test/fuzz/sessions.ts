import { PERMISSIONS } from '../../src/common/access/permissions';
import type { AnyEndpoint } from '../../src/common/kernel/endpoint';
import { DEMO_ACCOUNTS } from '../../src/server/demo/accounts';
import type { Client, TestApp } from '../support/app';

/**
 * Signed-in demo users for fuzzing, one chosen per endpoint: a user holding a permission the endpoint's
 * `access` names, else the first (in the order below) that the endpoint does not refuse outright. A
 * session a fuzzed request ends (sign-out, a changed password) is opened again.
 */
const ORDER = [
  'coordinator_be_wal',
  'admin',
  'coordinator',
  'org_admin',
  'referent_be_wal',
  'finance_be_vlg',
  'tutor',
  'analyst',
  'volunteer_coordinator',
  'interpreter',
  'psychologist_lva',
  'coordinator_cresam',
  'ambassador_wereldhuis',
];

export function sessionPool(t: TestApp) {
  const open = new Map<string, Client>();
  let logins = 0;
  const emailOf = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!.email;

  async function client(key: string): Promise<Client> {
    let c = open.get(key);
    if (c) {
      const s = await c.get('/api/auth/session');
      if (s.statusCode === 200 && s.json().user) return c;
    }
    c = await t.login(emailOf(key));
    logins++;
    open.set(key, c);
    return c;
  }

  /** The account to fuzz an endpoint as: from its access declaration, else by probing. */
  async function accountFor(e: AnyEndpoint, probe: (c: Client) => Promise<number>): Promise<string> {
    const access = e.access as { anyOf?: readonly string[] } | undefined;
    const candidates = access?.anyOf
      ? ORDER.filter((k) => {
          const a = DEMO_ACCOUNTS.find((x) => x.key === k)!;
          const roles = [
            ...(a.platformAdmin ? ['platform_admin'] : []),
            ...a.memberships.flatMap((m) => m.roles),
          ];
          return roles.some((r) => permissionRoles(access.anyOf!).has(r));
        })
      : ORDER;
    for (const key of candidates) {
      const status = await probe(await client(key));
      if (status !== 401 && status !== 403) return key;
    }
    return candidates[0] ?? 'admin';
  }

  /** Sign-ins so far: each writes a session, so a table snapshot taken before one is stale. */
  return { client, accountFor, logins: () => logins };
}

function permissionRoles(perms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of perms)
    for (const r of (PERMISSIONS as Record<string, readonly string[]>)[p] ?? []) out.add(r);
  return out;
}
