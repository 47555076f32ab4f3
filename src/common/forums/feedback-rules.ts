import type { FeedbackAgain, FeedbackComment, FeedbackSummary, RatingDistribution } from './feedback-schemas';

/**
 * The pure rules of an event's feedback: when the link goes out, how long it works, and the organisers'
 * summary of the answers.
 */

const DAY = 86_400_000;
/** The link works for 30 days after the event's end. */
export const FEEDBACK_VALID_DAYS = 30;
/** An event that ended longer ago than this gets no feedback mail (a job that was down, a first deploy). */
export const FEEDBACK_SEND_WITHIN_DAYS = 7;

/** Whether the feedback mail is due: the event has ended, not too long ago. */
export const feedbackDue = (endsAt: Date, now: Date) => {
  const since = now.getTime() - endsAt.getTime();
  return since >= 0 && since <= FEEDBACK_SEND_WITHIN_DAYS * DAY;
};

/** Whether an answer is accepted now: after the end, until the link expires. */
export const feedbackOpen = (endsAt: Date, now: Date) => {
  const since = now.getTime() - endsAt.getTime();
  return since >= 0 && since <= FEEDBACK_VALID_DAYS * DAY;
};

/** The day an answer is recorded on the registration: midnight UTC, not the time (see migration 0048). */
export const answeredDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export interface FeedbackAnswer extends FeedbackComment {
  overall: number;
  usefulness: number;
  again: FeedbackAgain;
}

export function distribution(ratings: readonly number[]): RatingDistribution {
  const counts = [0, 0, 0, 0, 0];
  let sum = 0;
  let n = 0;
  for (const r of ratings)
    if (Number.isInteger(r) && r >= 1 && r <= 5) {
      counts[r - 1]! += 1;
      sum += r;
      n += 1;
    }
  return { average: n ? Math.round((sum / n) * 10) / 10 : null, counts };
}

/** The summary the organisers read: counts, averages, distributions, and the comments without names. */
export function summariseFeedback(answers: readonly FeedbackAnswer[], sent: number): FeedbackSummary {
  const again = { yes: 0, no: 0, maybe: 0 };
  for (const a of answers) again[a.again] += 1;
  return {
    // A mail counted once even if an answer came from elsewhere (demo data, a later resend).
    sent: Math.max(sent, answers.length),
    answers: answers.length,
    overall: distribution(answers.map((a) => a.overall)),
    usefulness: distribution(answers.map((a) => a.usefulness)),
    again,
    comments: answers
      .filter((a) => a.mostUseful || a.suggestions)
      .map((a) => ({
        language: a.language,
        mostUseful: a.mostUseful,
        suggestions: a.suggestions,
        contact: a.contact,
      })),
  };
}
