import { answeredDay, feedbackOpen } from '../../../../common/forums/feedback-rules';
import type { FeedbackInput } from '../../../../common/forums/feedback-schemas';
import { hashToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as forums from '../store';
import * as store from './store';

/**
 * The public feedback form's answer (scope 'forum_registration'). One refusal for everything that is not
 * a live link (unknown, used, expired, another event's, a draft): the answer tells nothing of what exists.
 * The answer row names the event only; the registration records the day its link was used, so that the
 * link works once. Name and e-mail go with the answer only when the person agrees to be contacted.
 */
const clean = (s: string | null | undefined) => s?.trim() || null;

export async function answerFeedback(trx: Tx, eventId: string, input: FeedbackInput, now: Date) {
  // The honeypot filled: a robot, answered like anyone, nothing written.
  if (input.website?.trim()) return { received: true as const };
  const invalid = notFound('forums.feedback.errors.invalid_link');
  const e = await forums.findEvent(trx, eventId);
  if (e?.status !== 'published' || !feedbackOpen(new Date(e.ends_at), now)) throw invalid;
  const r = await store.registrationByFeedbackHash(trx, e.id, hashToken(input.token));
  if (!r || r.status === 'cancelled') throw invalid;
  await trx
    .updateTable('forum_registrations')
    .set({ feedback_answered_at: answeredDay(now), feedback_token_hash: null })
    .where('id', '=', r.id)
    .execute();
  await trx
    .insertInto('forum_feedback')
    .values({
      event_id: e.id,
      org_id: e.org_id,
      overall: input.overall,
      usefulness: input.usefulness,
      again: input.again,
      most_useful: clean(input.mostUseful),
      suggestions: clean(input.suggestions),
      language: input.language,
      contact_name: input.consentContact ? r.name : null,
      contact_email: input.consentContact ? r.email : null,
    })
    .execute();
  return { received: true as const };
}
