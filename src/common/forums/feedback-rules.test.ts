import { describe, expect, it } from 'vitest';
import {
  answeredDay,
  distribution,
  type FeedbackAnswer,
  feedbackDue,
  feedbackOpen,
  summariseFeedback,
} from './feedback-rules';

const ans = (
  overall: number,
  usefulness: number,
  again: FeedbackAnswer['again'],
  more: Partial<FeedbackAnswer> = {},
) => ({
  overall,
  usefulness,
  again,
  language: 'fr' as const,
  mostUseful: null,
  suggestions: null,
  contact: null,
  ...more,
});

describe('feedback rules', () => {
  const end = new Date('2027-03-10T15:00:00Z');
  const h = (n: number) => new Date(end.getTime() + n * 3600_000);

  it('sends the link once the event has ended, within a week', () => {
    expect(feedbackDue(end, h(-1))).toBe(false);
    expect(feedbackDue(end, h(0))).toBe(true);
    expect(feedbackDue(end, h(24 * 7))).toBe(true);
    expect(feedbackDue(end, h(24 * 7 + 1))).toBe(false);
  });

  it('accepts answers for 30 days after the end', () => {
    expect(feedbackOpen(end, h(-1))).toBe(false);
    expect(feedbackOpen(end, h(24 * 30))).toBe(true);
    expect(feedbackOpen(end, h(24 * 30 + 1))).toBe(false);
  });

  it('records the day of an answer, not its time', () => {
    expect(answeredDay(new Date('2027-03-11T17:42:13Z')).toISOString()).toBe('2027-03-11T00:00:00.000Z');
  });

  it('counts a distribution and rounds the average to one decimal, ignoring values out of range', () => {
    expect(distribution([5, 4, 4, 2])).toEqual({ average: 3.8, counts: [0, 1, 0, 2, 1] });
    expect(distribution([1, 2, 2])).toEqual({ average: 1.7, counts: [1, 2, 0, 0, 0] });
    expect(distribution([])).toEqual({ average: null, counts: [0, 0, 0, 0, 0] });
    expect(distribution([0, 6, 2.5, 3])).toEqual({ average: 3, counts: [0, 0, 1, 0, 0] });
  });

  it('summarises answers against mails sent, with the comments and no one else', () => {
    const s = summariseFeedback(
      [
        ans(5, 4, 'yes', { mostUseful: 'Les ateliers' }),
        ans(3, 3, 'maybe'),
        ans(4, 5, 'yes', {
          language: 'nl',
          suggestions: 'Een gezamenlijke vorming',
          contact: { name: 'Jan', email: 'jan@mail.example' },
        }),
        ans(2, 1, 'no'),
      ],
      10,
    );
    expect(s.sent).toBe(10);
    expect(s.answers).toBe(4);
    expect(s.overall).toEqual({ average: 3.5, counts: [0, 1, 1, 1, 1] });
    expect(s.usefulness).toEqual({ average: 3.3, counts: [1, 0, 1, 1, 1] });
    expect(s.again).toEqual({ yes: 2, no: 1, maybe: 1 });
    // Only answers with a text are comments; a contact only where given.
    expect(s.comments).toEqual([
      { language: 'fr', mostUseful: 'Les ateliers', suggestions: null, contact: null },
      {
        language: 'nl',
        mostUseful: null,
        suggestions: 'Een gezamenlijke vorming',
        contact: { name: 'Jan', email: 'jan@mail.example' },
      },
    ]);
  });

  it('never shows fewer mails than answers, and nothing without answers', () => {
    expect(summariseFeedback([ans(4, 4, 'yes')], 0).sent).toBe(1);
    const none = summariseFeedback([], 5);
    expect(none).toMatchObject({ sent: 5, answers: 0, again: { yes: 0, no: 0, maybe: 0 }, comments: [] });
    expect(none.overall.average).toBeNull();
  });
});
