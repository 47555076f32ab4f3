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
]);

/**
 * Path parameters the matrix does not fill with real records, and why. Their endpoints are still run
 * for every role (403 without the permission) and without a session (401): only the own / other
 * organisation cases need a real id. A parameter neither filled nor listed here fails the matrix.
 */
export const UNFILLED_PARAMS: Record<string, string> = {
  // Secondary ids: the parent record is the boundary, and the parent is filled where it can be.
  'consents/:cid': 'a consent of a filled person; the person decides',
  'objectives/:id': 'pathway objectives: the pathway decides, no objective in the fixture',
  'actions/:id': 'pathway actions: the pathway decides, no action in the fixture',
  'evaluations/:kind': 'a kind (an enumeration), not a record',
  'outcomes/:kind': 'a kind (an enumeration), not a record',
  'stays-abroad/:stayId': 'a stay of a filled placement',
  'items/:itemId': 'an item of an expenditure declaration',
  'proofs/:proofId': 'a proof of an expenditure declaration',
  'documents/:documentId': 'a document of a filled programme',
  'documents/:kind': 'a kind (an enumeration), not a record',
  'links/:linkId': 'a link of a filled service',
  'members/:userId': 'a member of the caller’s own organisation (admin module scopes by session)',
  'invitations/:orgId': 'the caller’s own pending invitation',
  'sections/:section': 'a section name, not a record',
  'versions/:number': 'a version number of a filled analysis',
  'tiles/:tile': 'a tile name, not a record',
  'followups/:followup': 'a follow-up of an analysis',
  'reviews/:kind': 'a kind (an enumeration), not a record',
  'sessions/:itemId': 'an item of a formative',
  'plan/:itemId': 'an item of a formative',
  'projects/:itemId': 'an item of a formative',
  'results/:resultId': 'a result of an initiative (initiatives are network-readable, not filled)',
  'attachments/:attachmentId': 'an attachment of a practice sheet',
  'take-ups/:takeUpId': 'a take-up of a practice sheet',
  'trainings/:trainingId': 'a training of a volunteer',
  'organisations/:orgId': 'an organisation chosen in a form',
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
