import { localized } from '../../../../common/i18n/locales';
import type {
  FollowupInput,
  FollowupPatch,
  FollowupView,
} from '../../../../common/observatory/board-followup-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import type { Reader } from '../catalogue';
import { B } from './service';
import * as store from './store';

/**
 * A board's policy follow-up: each partner allowed to import into the observatory records what its
 * organisation decided in response to the board, on any board (the joint analysis is everyone's), and
 * changes or removes its own entries only. Shown to every reader, and on a published board to anyone,
 * with the organisation's name and never the person's.
 */

export const mayRecordFollowup = (actor: Actor) => actorCan(actor, 'observatory.import') && !!actor.orgId;

export function followupView(reader: Reader, f: store.FollowupRow): FollowupView {
  const l = reader.language === 'nl' ? 'nl' : 'fr';
  return {
    id: f.id,
    organisation: localized(l, f.org_name_fr, f.org_name_nl),
    country: f.org_country === 'FR' || f.org_country === 'BE' ? f.org_country : null,
    decidedOn: f.decided_on,
    title: f.title,
    decision: f.decision,
    language: f.language === 'nl' ? 'nl' : 'fr',
    status: f.status as FollowupView['status'],
    indicator: f.indicator_code
      ? {
          code: f.indicator_code,
          label:
            reader.language === 'en'
              ? (f.indicator_en ?? f.indicator_fr ?? f.indicator_code)
              : localized(l, f.indicator_fr ?? '', f.indicator_nl ?? '') || f.indicator_code,
        }
      : null,
    canEdit: !!reader.orgId && reader.orgId === f.org_id,
  };
}

export async function followupsOf(trx: Tx, reader: Reader, boardId: string) {
  return (await store.followupsOf(trx, boardId)).map((f) => followupView(reader, f));
}

/** A real calendar day, not after tomorrow (a decision is recorded once taken; tomorrow for time zones). */
function checkDay(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day || day < '2000-01-01')
    throw badRequest(B('bad_date'));
  if (d.getTime() > Date.now() + 86_400_000) throw badRequest(B('future_date'));
}

async function board(trx: Tx, code: string) {
  const b = await store.findBoard(trx, code);
  if (!b) throw notFound(B('unknown_board'));
  return b;
}

/** The indicator must be one of the board's tiles'. */
async function indicatorOn(trx: Tx, boardId: string, code: string | null | undefined) {
  if (!code) return null;
  const tile = (await store.tilesOf(trx, boardId)).find((t) => t.indicator === code);
  if (!tile) throw badRequest(B('indicator_not_on_board'));
  return tile.indicator_id;
}

const clean = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

export async function addFollowup(trx: Tx, actor: Actor, code: string, input: FollowupInput) {
  requirePermission(actor, 'observatory.import');
  if (!mayRecordFollowup(actor)) throw forbidden();
  const b = await board(trx, code);
  checkDay(input.decidedOn);
  const indicatorId = await indicatorOn(trx, b.id, input.indicator);
  const row = await trx
    .insertInto('obs_board_followups')
    .values({
      board_id: b.id,
      org_id: actor.orgId!,
      decided_on: input.decidedOn,
      title: input.title.trim(),
      decision: clean(input.decision) ?? null,
      language: input.language,
      status: input.status,
      indicator_id: indicatorId,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** One's own entry: unknown on this board → 404, another organisation's → 403. */
async function ownFollowup(trx: Tx, actor: Actor, code: string, id: string) {
  requirePermission(actor, 'observatory.import');
  const b = await board(trx, code);
  const f = await store.findFollowup(trx, b.id, id);
  if (!f) throw notFound(B('unknown_followup'));
  if (!mayRecordFollowup(actor) || f.org_id !== actor.orgId) throw forbidden();
  return { b, f };
}

export async function updateFollowup(trx: Tx, actor: Actor, code: string, id: string, patch: FollowupPatch) {
  const { b, f } = await ownFollowup(trx, actor, code, id);
  if (patch.decidedOn !== undefined) checkDay(patch.decidedOn);
  const indicatorId =
    patch.indicator === undefined ? undefined : await indicatorOn(trx, b.id, patch.indicator);
  await trx
    .updateTable('obs_board_followups')
    .set({
      ...(patch.decidedOn !== undefined ? { decided_on: patch.decidedOn } : {}),
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.decision !== undefined ? { decision: clean(patch.decision) } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(indicatorId !== undefined ? { indicator_id: indicatorId } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', f.id)
    .execute();
  return { ok: true };
}

export async function removeFollowup(trx: Tx, actor: Actor, code: string, id: string) {
  const { f } = await ownFollowup(trx, actor, code, id);
  await trx.deleteFrom('obs_board_followups').where('id', '=', f.id).execute();
  return { ok: true };
}
