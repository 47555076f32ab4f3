import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { AnyEndpoint } from '../../src/common/kernel/endpoint';
import { shaped } from '../fuzz/schema-arb';
import type { Client } from '../support/app';
import { keyOf } from './spec';

/** Path parameters the fixture fills with a real id of organisation A and of organisation B. */
export const FILLED_PARAMS = new Set([
  'people/:id',
  'people/:personId',
  'pathways/:id',
  'notes/:id',
  'referrals/:id',
  'organisations/:id',
  'placements/:id',
  'services/:id',
  'org-units/:id',
  'programmes/:id',
  'volunteers/:id',
  'newcomers/:personId',
  'bookings/:id',
  'interventions/:id',
  'expenditure/:id',
  'teams/:id',
  'members/:memberId',
  'events/:id',
  'events/:eventId',
  'registrations/:registrationId',
  'initiative-proposals/:id',
  'immersion-offers/:id',
  'requests/:id',
  'logbook/:entryId',
  'analyses/:id',
  'practices/:id',
  'formative/:id',
  'modules/:id',
  'deliverables/:id',
  'contacts/:id',
  'shared-newcomers/:personId',
  'reports/:id',
  'exports/:id',
  // Secondary ids: a child under its filled parent (test/access/fixture.ts, "Secondary ids").
  'items/:itemId',
  'proofs/:proofId',
  'stays-abroad/:stayId',
  'consents/:cid',
  'objectives/:id',
  'actions/:id',
  'documents/:documentId',
  'links/:linkId',
  'attachments/:attachmentId',
  'take-ups/:takeUpId',
  'trainings/:trainingId',
  'organisations/:orgId',
  'versions/:number',
  'plan/:itemId',
  'sessions/:itemId',
  'projects/:itemId',
  'members/:userId',
]);

/**
 * Path parameters the matrix does not fill with real records, and why. Their endpoints are still run
 * for every role (403 without the permission) and without a session (401): only the own / other
 * organisation cases need a real id. A parameter neither filled nor listed here fails the matrix.
 */
export const UNFILLED_PARAMS: Record<string, string> = {
  // Enumerations and names, not records.
  'evaluations/:kind': 'a kind (an enumeration), not a record',
  'outcomes/:kind': 'a kind (an enumeration), not a record',
  'documents/:kind': 'a kind (an enumeration), not a record',
  'reviews/:kind': 'a kind (an enumeration), not a record',
  'sections/:section': 'a section name, not a record',
  'tiles/:tile': 'a tile name, not a record',
  // Children whose parent the maps leave unfilled: another organisation's is sent as a fixture probe.
  'followups/:followup': 'probed: a follow-up of the network board (boards/:code has no fixture)',
  'results/:resultId': 'probed: a result of an initiative (initiatives are network-readable, not filled)',
  'invitations/:orgId': 'probed: another account’s pending invitation (the answer, `:answer`, has no key)',
  // Records the fixture does not fill: network-readable by design, reference data, or no fixture yet.
  'indicators/:id':
    'programme indicators: network-readable by design, like the board of programmes/:id; records are filtered to the caller’s organisation',
  'indicators/:code': 'observatory indicators: network reference data',
  'territories/:code': 'territories: public reference data',
  'territory-codes/:code': 'territories: public reference data',
  'territory-groups/:code': 'territory groups: no fixture yet',
  'offers/:id': 'placement offers: network scope, readable by every permitted role',
  'outbox/:id': 'mail outbox: scoped by the session (admin)',
  'experimentations/:id': 'experimentations: every one is network-readable by design (RLS and use case)',
  'experimentation-transfers/:id': 'accompaniment: no fixture yet',
  'initiatives/:id':
    'initiatives: every one is network-readable by design (no draft is hidden), writes stop at validation',
  'boards/:code': 'observatory: no fixture yet',
  'shapes/:key': 'observatory: public geography',
};

export interface Outcome {
  status: number;
  body: string;
}

/** One request as a caller: the endpoint's method, a minimal body for writes. */
export async function send(
  client: Client,
  e: AnyEndpoint,
  url: string,
  body: unknown = {},
): Promise<Outcome> {
  let r: LightMyRequestResponse;
  if (e.method === 'GET') r = await client.get(url);
  else if (e.method === 'DELETE') r = await client.del(url);
  else if (e.method === 'POST') r = await client.post(url, body);
  else if (e.method === 'PUT') r = await client.put(url, body);
  else r = await client.patch(url, body);
  return { status: r.statusCode, body: r.body };
}

export const is2xx = (s: number) => s >= 200 && s < 300;

/**
 * A body of the endpoint's declared shape with plain text (the same for every run): a write that an empty
 * body stops at validation reaches the organisation check with it, so the matrix tests that check.
 */
export function shapedBody(e: AnyEndpoint): unknown {
  if (!e.body || e.multipart) return {};
  return fc.sample(shaped(e.body, { ids: [], tame: true }), { numRuns: 1, seed: 16 })[0] ?? {};
}

/** A finding of the matrix: which endpoint, which caller, which case, what came back. */
export const finding = (e: AnyEndpoint, who: string, kase: string, o: Outcome, why: string) =>
  `${keyOf(e)} as ${who} (${kase}): ${o.status} — ${why}`;
