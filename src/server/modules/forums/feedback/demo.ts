import { answeredDay } from '../../../../common/forums/feedback-rules';
import type { Tx } from '../../../platform/db/context';
import '../tables';
import { feedbackRecipient } from './store';
import './tables';

/**
 * The past forum's feedback (issue 13 demo): every registrant who came was sent the link the day after
 * (not the one who did not come), six answered, two of them agreeing to be contacted about their idea.
 * Invented answers, in the registrants' languages; the answer rows carry no registration.
 */
const ANSWERS: Array<{
  overall: number;
  usefulness: number;
  again: 'yes' | 'no' | 'maybe';
  language: 'fr' | 'nl' | 'en';
  mostUseful: string | null;
  suggestions: string | null;
  contact: boolean;
}> = [
  {
    overall: 5,
    usefulness: 5,
    again: 'yes',
    language: 'fr',
    mostUseful:
      'Découvrir comment l’OCMW de Courtrai encadre ses bénévoles dans l’accompagnement administratif.',
    suggestions:
      'Un binôme de bénévoles franco-belge pour accompagner les personnes qui traversent la frontière pour un rendez-vous (CPAS, CAF, mutualité).',
    contact: true,
  },
  {
    overall: 4,
    usefulness: 4,
    again: 'yes',
    language: 'nl',
    mostUseful:
      'De uitwisseling over de grenzen van vrijwilligerswerk: wat een vrijwilliger wel en niet doet.',
    suggestions:
      'Een gezamenlijke vorming voor vrijwilligers van beide kanten over de sociale rechten in het andere land.',
    contact: true,
  },
  {
    overall: 4,
    usefulness: 3,
    again: 'maybe',
    language: 'fr',
    mostUseful: 'Les ateliers en petits groupes, avec interprétation.',
    suggestions: null,
    contact: false,
  },
  {
    overall: 5,
    usefulness: 4,
    again: 'yes',
    language: 'nl',
    mostUseful: null,
    suggestions: 'Een gedeelde lijst van vrijwillige tolken voor de spreekuren aan beide kanten.',
    contact: false,
  },
  {
    overall: 3,
    usefulness: 3,
    again: 'maybe',
    language: 'fr',
    mostUseful: 'Les contacts pris pendant la pause.',
    suggestions: 'Prévoir plus de temps pour les échanges et moins de présentations.',
    contact: false,
  },
  {
    overall: 4,
    usefulness: 5,
    again: 'yes',
    language: 'en',
    mostUseful: null,
    suggestions: null,
    contact: false,
  },
];

export async function seedForumFeedback(trx: Tx, eventId: string) {
  const e = await trx
    .selectFrom('forum_events')
    .select(['org_id', 'ends_at'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const sentAt = new Date(new Date(e.ends_at).getTime() + 18 * 3600_000);
  const regs = await trx
    .selectFrom('forum_registrations as r')
    .select(['r.id', 'r.name', 'r.email', 'r.language'])
    .where('r.event_id', '=', eventId)
    .where(feedbackRecipient)
    .orderBy('r.position')
    .execute();
  for (const [i, r] of regs.entries()) {
    const answered = i < ANSWERS.length;
    await trx
      .updateTable('forum_registrations')
      .set({
        feedback_sent_at: sentAt,
        feedback_answered_at: answered
          ? answeredDay(new Date(sentAt.getTime() + (i + 1) * 86_400_000))
          : null,
      })
      .where('id', '=', r.id)
      .execute();
  }
  const contacts = regs.filter((_, i) => ANSWERS[i]?.contact);
  let c = 0;
  await trx
    .insertInto('forum_feedback')
    .values(
      ANSWERS.slice(0, regs.length).map((a) => {
        const who = a.contact ? contacts[c++] : undefined;
        return {
          event_id: eventId,
          org_id: e.org_id,
          overall: a.overall,
          usefulness: a.usefulness,
          again: a.again,
          most_useful: a.mostUseful,
          suggestions: a.suggestions,
          language: a.language,
          contact_name: who?.name ?? null,
          contact_email: who?.email ?? null,
        };
      }),
    )
    .execute();
}
