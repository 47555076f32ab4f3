import { allows } from '../../src/common/access/endpoint-access';
import type { Role } from '../../src/common/access/permissions';
import type { Access, AnyEndpoint } from '../../src/common/kernel/endpoint';

/**
 * The permission specification as the tests read it (issue 16, ADR 0030): who each endpoint lets in,
 * straight from the `access` declared beside its schemas.
 */

export const keyOf = (e: AnyEndpoint) => `${e.method} ${e.path}`;

/**
 * The endpoints reachable without a session, and why. A new public endpoint must be added here on
 * purpose: the check fails when the declared public set and this list differ.
 */
export const PUBLIC_ALLOW_LIST: Record<string, string> = {
  'GET /api/health': 'health check',
  'POST /api/auth/login': 'sign-in',
  'POST /api/auth/logout': 'sign-out (clears the cookie)',
  'POST /api/auth/password-reset/request': 'password reset by mail',
  'POST /api/auth/password-reset/confirm': 'password reset by mail',
  'GET /api/directory/services': 'public directory',
  'GET /api/directory/services/:id': 'public directory',
  'GET /api/directory/municipalities': 'public directory',
  'GET /api/territories': 'reference data of the directory and boards',
  'GET /api/territories/:code': 'reference data of the directory and boards',
  'GET /api/territory-codes/:code': 'reference data of the directory and boards',
  'GET /api/territory-groups': 'reference data of the published boards',
  'GET /api/territory-groups/:code': 'reference data of the published boards',
  'POST /api/signatures/lookup': 'signature by link (single-use token)',
  'POST /api/signatures/agreement.pdf': 'signature by link (single-use token)',
  'POST /api/signatures/sign': 'signature by link (single-use token)',
  'POST /api/immersions/signatures/lookup': 'signature by link (single-use token)',
  'POST /api/immersions/signatures/agreement.pdf': 'signature by link (single-use token)',
  'POST /api/immersions/signatures/sign': 'signature by link (single-use token)',
  'GET /api/immersions/calendar/feed.ics': 'calendar feed (its secret token is the credential)',
  'GET /api/library/facets': 'public practice library',
  'GET /api/library/practices': 'public practice library',
  'GET /api/library/practices/:id': 'public practice library',
  'GET /api/library/practices/:id/attachments/:attachmentId/file': 'public practice library',
  'GET /api/observatory/shapes/:key': 'territory boundaries of published boards',
  'GET /api/public/observatory/boards/:code': 'published board',
  'GET /api/public/observatory/boards/:code/board.pdf': 'published board',
  'GET /api/public/events/:id': 'public event page',
  'POST /api/public/events/:id/registrations': 'public registration to an event',
  'POST /api/public/events/:id/cancellation': 'cancellation by mailed link (token)',
  'POST /api/public/events/:id/feedback': 'feedback by mailed link (token)',
  'GET /api/public/initiatives': 'public initiatives',
  'GET /api/public/initiatives/:id': 'public initiatives',
  'GET /api/public/volunteers/organisations': 'public volunteer registration',
  'POST /api/public/volunteers': 'public volunteer registration',
  'POST /api/public/interpreting/bookings/:id': "an external interpreter's answer by token link",
};

export function isPublic(a: Access | undefined): a is { public: string } {
  return !!a && 'public' in a;
}

/** Whether a caller holding these roles passes the endpoint's declared gate (a session is assumed). */
export const gateLetsIn = (a: Access, roles: readonly Role[]) => allows(a, roles);

/** The path with every `:param` filled by fill(name, segmentBefore); undefined when one cannot be. */
export function fillPath(
  e: AnyEndpoint,
  fill: (name: string, resource: string) => string | undefined,
): string | undefined {
  const segments = e.path.split('/');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] ?? '';
    if (!s.startsWith(':')) {
      out.push(s);
      continue;
    }
    const v = fill(s.slice(1), segments[i - 1] ?? '');
    if (v === undefined) return undefined;
    out.push(encodeURIComponent(v));
  }
  return out.join('/');
}

/** Every `:param` of the path as `resource/:name` (the segment before it names what the id is of). */
export const paramKeys = (e: AnyEndpoint) =>
  [...e.path.matchAll(/([^/]+)\/:([A-Za-z]+)/g)].map((m) => `${m[1]}/:${m[2]}`);

/** A minimal request body: enough to reach validation (a 400 is a fine answer for a write). */
export const minimalBody = (e: AnyEndpoint) =>
  e.method === 'GET' || e.method === 'DELETE' ? undefined : e.body ? {} : undefined;
