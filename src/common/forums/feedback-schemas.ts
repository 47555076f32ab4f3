import Type, { type Static } from 'typebox';
import { NullFirst } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { REGISTRATION_LANGUAGES } from './schemas';

/** Feedback after an event (issue 13, migration 0048): the public form and the organisers' summary. */

export const FEEDBACK_AGAIN = ['yes', 'no', 'maybe'] as const;
export type FeedbackAgain = (typeof FEEDBACK_AGAIN)[number];
export const FEEDBACK_TEXT_MAX = 2000;

const Rating = Type.Integer({ minimum: 1, maximum: 5 });
const Comment = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: FEEDBACK_TEXT_MAX })));

export const FeedbackInput = Type.Object(
  {
    /** The single-use token of the mailed link (from the address's fragment). */
    token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    language: Type.Enum([...REGISTRATION_LANGUAGES]),
    overall: Rating,
    usefulness: Rating,
    again: Type.Enum([...FEEDBACK_AGAIN]),
    mostUseful: Comment,
    suggestions: Comment,
    /** Consent to be contacted about the ideas: only then are name and e-mail kept with the answer. */
    consentContact: Type.Boolean(),
    /** The honeypot, as on the registration form. */
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type FeedbackInput = Static<typeof FeedbackInput>;

/** The same answer for every accepted answer (and for a robot). */
export const FeedbackReceived = Type.Object({ received: Type.Literal(true) });

const Distribution = Type.Object({
  /** Mean of the answers, one decimal; null without answers. */
  average: NullFirst(Type.Number()),
  /** Counts of 1, 2, 3, 4 and 5, in that order. */
  counts: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
});
export type RatingDistribution = Static<typeof Distribution>;

export const FeedbackComment = Type.Object({
  language: Type.Enum([...REGISTRATION_LANGUAGES]),
  mostUseful: NullFirst(Type.String()),
  suggestions: NullFirst(Type.String()),
  /** Only when the person agreed to be contacted about their ideas. */
  contact: NullFirst(Type.Object({ name: Type.String(), email: Type.String() })),
});
export type FeedbackComment = Static<typeof FeedbackComment>;

export const FeedbackSummary = Type.Object({
  /** Mails sent with a feedback link, and answers received. */
  sent: Type.Integer(),
  answers: Type.Integer(),
  overall: Distribution,
  usefulness: Distribution,
  again: Type.Object({ yes: Type.Integer(), no: Type.Integer(), maybe: Type.Integer() }),
  comments: Type.Array(FeedbackComment),
});
export type FeedbackSummary = Static<typeof FeedbackSummary>;
