import type { ExportColumn, ExportRow } from '../../../../common/export/cells';
import { toCsv } from '../../../../common/export/cells';
import { type FeedbackAnswer, summariseFeedback } from '../../../../common/forums/feedback-rules';
import type { FeedbackAgain, FeedbackSummary } from '../../../../common/forums/feedback-schemas';
import type { Language } from '../../../../common/i18n/locales';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { F } from '../registration';
import * as forums from '../store';
import * as store from './store';

/**
 * The organisers' summary of an event's feedback. Who reads it: a user with `forum.view` whose active
 * organisation organises the event or is one of its partners (they prepared it together and follow up
 * the ideas together); anyone else gets the same 404 as for an unknown event. RLS says the same.
 */
async function readableFeedback(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'forum.view');
  const e = await forums.findEvent(trx, id);
  const orgId = actor.orgId;
  if (!e || !orgId || e.status === 'draft') throw notFound(F('unknown_event'));
  if (e.org_id !== orgId && !(await store.isPartner(trx, e.id, orgId))) throw notFound(F('unknown_event'));
  return e;
}

const answersOf = async (trx: Tx, id: string): Promise<FeedbackAnswer[]> =>
  (await store.answersOf(trx, id)).map((a) => ({
    overall: a.overall,
    usefulness: a.usefulness,
    again: a.again as FeedbackAgain,
    language: a.language as FeedbackAnswer['language'],
    mostUseful: a.most_useful,
    suggestions: a.suggestions,
    contact: a.contact_name && a.contact_email ? { name: a.contact_name, email: a.contact_email } : null,
  }));

/**
 * The name and e-mail of a person who agreed to be contacted about their ideas go to those who follow the
 * ideas up (`forum.manage`: coordinators, volunteer coordinators); the rest of the staff with `forum.view`
 * (referents, analysts, interpreters, finance) read the ideas without them.
 */
const withContacts = (actor: Actor) => actorCan(actor, 'forum.manage');

export async function feedbackSummary(trx: Tx, actor: Actor, id: string): Promise<FeedbackSummary> {
  const e = await readableFeedback(trx, actor, id);
  const summary = summariseFeedback(await answersOf(trx, e.id), await store.sentCount(trx, e.id));
  if (withContacts(actor)) return summary;
  return { ...summary, comments: summary.comments.map((c) => ({ ...c, contact: null })) };
}

type Col = 'overall' | 'usefulness' | 'again' | 'language' | 'mostUseful' | 'suggestions' | 'contact';

/**
 * The answers as a CSV (one row per answer, no name unless the person asked to be contacted, and then only
 * for `forum.manage`); audited.
 */
export async function feedbackCsv(trx: Tx, actor: Actor, id: string) {
  const e = await readableFeedback(trx, actor, id);
  const answers = await answersOf(trx, e.id);
  const l: Language = actor.language;
  const h = (k: string) => t(l, `forums.feedback.csv.${k}`);
  const columns: ExportColumn<Col>[] = [
    { key: 'overall', header: h('overall'), type: 'number' },
    { key: 'usefulness', header: h('usefulness'), type: 'number' },
    { key: 'again', header: h('again'), type: 'text' },
    { key: 'language', header: h('language'), type: 'text' },
    { key: 'mostUseful', header: h('most_useful'), type: 'text' },
    { key: 'suggestions', header: h('suggestions'), type: 'text' },
    ...(withContacts(actor)
      ? [{ key: 'contact' as const, header: h('contact'), type: 'text' as const }]
      : []),
  ];
  const rows: ExportRow<Col>[] = answers.map((a) => ({
    overall: a.overall,
    usefulness: a.usefulness,
    again: t(l, `forums.feedback.again.${a.again}`),
    language: a.language.toUpperCase(),
    mostUseful: a.mostUseful,
    suggestions: a.suggestions,
    contact: a.contact ? `${a.contact.name} <${a.contact.email}>` : null,
  }));
  await audit(trx, {
    action: 'export',
    entity: 'forum_feedback',
    entityId: e.id,
    detail: { eventId: e.id, rows: rows.length },
  });
  // Semicolons for every language: FR and NL spreadsheet settings use the comma for decimals.
  const body = toCsv(columns, rows, { separator: ';', decimal: l === 'en' ? '.' : ',' });
  return { filename: `feedback-${e.id.slice(0, 8)}.csv`, body };
}
