import type { ConsentInput, LogbookInput, ReportInput } from '../../../../common/immersions/request-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { E, field, visible, visitorName } from './access';
import { recordRequestEvent } from './notifications';
import * as store from './store';

/**
 * What the immersion leaves behind (the visitor's confidentiality undertaking is taken by signing the
 * agreement, signatures/sign.ts): the host records, per interview or activity, that the persons met
 * agreed to an observer; the visitor writes the logbook (sharing entries with the host or not) and the
 * report, which the host reads once submitted.
 */

export async function addObserverConsent(trx: Tx, actor: Actor, id: string, input: ConsentInput) {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  if (r.host_org_id !== actor.orgId) throw forbidden();
  if (!['agreed', 'in_progress', 'completed'].includes(r.status)) throw conflict(E('not_agreed'));
  if (input.heldOn < r.starts_on || input.heldOn > r.ends_on) throw field('heldOn', 'outside_immersion');
  return store.insertConsent(trx, r, { ...input, userId: actor.userId });
}

function visitorWrites(actor: Actor, r: store.RequestRow) {
  // The logbook and the report are the visitor's own words.
  if (r.org_id !== actor.orgId || r.visitor_user_id !== actor.userId) throw forbidden();
}

export async function addLogbookEntry(trx: Tx, actor: Actor, id: string, input: LogbookInput) {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  visitorWrites(actor, r);
  if (!['in_progress', 'completed'].includes(r.status)) throw conflict(E('not_started'));
  if (input.entryOn < r.starts_on || input.entryOn > r.ends_on) throw field('entryOn', 'outside_immersion');
  return store.insertLogbook(trx, r, input, actor.userId);
}

export async function updateLogbookEntry(
  trx: Tx,
  actor: Actor,
  id: string,
  entryId: string,
  input: LogbookInput,
) {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  visitorWrites(actor, r);
  if (input.entryOn < r.starts_on || input.entryOn > r.ends_on) throw field('entryOn', 'outside_immersion');
  if (!(await store.updateLogbook(trx, r.id, entryId, input))) throw notFound();
  return { ok: true };
}

export async function saveReport(trx: Tx, deps: Deps, actor: Actor, id: string, input: ReportInput) {
  requirePermission(actor, 'immersion.view');
  const r = await visible(trx, id);
  visitorWrites(actor, r);
  const ended = r.status === 'completed' || (r.status === 'in_progress' && deps.clock.today() >= r.ends_on);
  if (!ended) throw conflict(E('not_ended'));
  const existing = await store.findReport(trx, r.id);
  if (existing?.submitted_at) throw conflict(E('report_submitted'));
  if (input.submit) {
    const missing = (['surprised', 'worksDifferently', 'toTransfer'] as const).filter(
      (k) => input[k].trim().length < 3,
    );
    if (missing.length)
      throw validationFailed(missing.map((k) => ({ path: k, code: E('report_incomplete') })));
  }
  await store.saveReport(trx, r, input, actor.userId);
  if (input.submit) await recordRequestEvent(trx, actor, r, 'report_submitted', await visitorName(trx, r.id));
  return { ok: true };
}
