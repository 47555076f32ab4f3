import { type ExpressionBuilder, sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { Database } from '../../../platform/db/database';
import '../tables';
import './tables';

/** The feedback's SQL: registrations due a link, the link's use, the answers. RLS decides who sees what. */

/**
 * The registrations to ask, at published events that ended in [since, now], not yet sent (system scope):
 * those marked present when attendance was taken at the event (migration 0050), else every one that held
 * a place.
 */
export const dueFeedback = (trx: Tx, since: Date, now: Date) =>
  trx
    .selectFrom('forum_registrations as r')
    .innerJoin('forum_events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id'])
    .where(feedbackRecipient)
    .where('r.feedback_sent_at', 'is', null)
    .where('e.status', '=', 'published')
    .where('e.ends_at', '<=', now)
    .where('e.ends_at', '>=', since)
    .orderBy('e.ends_at')
    .limit(500)
    .execute();

/** Who is asked for feedback (see dueFeedback); also used by the demo. */
export const feedbackRecipient = (
  eb: ExpressionBuilder<Database & { r: Database['forum_registrations'] }, 'r'>,
) =>
  eb.or([
    eb('r.status', '=', 'attended'),
    eb.and([
      eb('r.status', '=', 'confirmed'),
      eb.not(
        eb.exists(
          eb
            .selectFrom('forum_registrations as a')
            .select('a.id')
            .whereRef('a.event_id', '=', 'r.event_id')
            .where('a.status', '=', 'attended'),
        ),
      ),
    ]),
  ]);

/** The registration behind a feedback link, locked (registration scope); unused links only. */
export const registrationByFeedbackHash = (trx: Tx, eventId: string, hash: Buffer) =>
  trx
    .selectFrom('forum_registrations')
    .select(['id', 'name', 'email', 'status', 'feedback_answered_at'])
    .where('event_id', '=', eventId)
    .where('feedback_token_hash', '=', hash)
    .where('feedback_answered_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();

export const answersOf = (trx: Tx, eventId: string) =>
  trx
    .selectFrom('forum_feedback')
    .select([
      'overall',
      'usefulness',
      'again',
      'most_useful',
      'suggestions',
      'language',
      'contact_name',
      'contact_email',
    ])
    .where('event_id', '=', eventId)
    // Random ids, no time: the order says nothing of who answered when.
    .orderBy('id')
    .execute();

/** The mails sent for the event, counted by the database for the organiser and partners (migration 0048). */
export const sentCount = async (trx: Tx, eventId: string) =>
  (await sql<{ n: number }>`select app.forum_feedback_sent(${eventId}::uuid) as n`.execute(trx)).rows[0]?.n ??
  0;

/** Whether the reader's organisation is a partner of the event. */
export const isPartner = async (trx: Tx, eventId: string, orgId: string) =>
  !!(await trx
    .selectFrom('forum_event_partners')
    .select('event_id')
    .where('event_id', '=', eventId)
    .where('partner_org_id', '=', orgId)
    .executeTakeFirst());
