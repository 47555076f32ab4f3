import { localized } from '../../../../common/i18n/locales';
import type { BoardPdfQuery } from '../../../../common/observatory/board-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { followupsOf } from './followups';
import { type BoardDocument, renderBoardPdf } from './pdf';
import { publicBoardView, shownOnly } from './public';
import { B, groupChoices } from './service';
import * as store from './store';
import { tileViews } from './tiles';

/** A board's PDF for a signed-in reader (any board it may read) or for anyone (a published board). */

export interface PdfFile {
  filename: string;
  body: Buffer;
}

export async function boardPdf(trx: Tx, actor: Actor, code: string, query: BoardPdfQuery): Promise<PdfFile> {
  requirePermission(actor, 'observatory.view');
  const b = await store.findBoard(trx, code);
  if (!b) throw notFound(B('unknown_board'));
  if (query.group && !(await store.groupExists(trx, query.group))) throw notFound(B('unknown_group'));
  const language = query.lang ?? (actor.language === 'nl' ? 'nl' : 'fr');
  const reader = { language, orgId: actor.orgId };
  const { group, tiles } = await tileViews(trx, reader, b, {
    period: query.period ?? b.period,
    group: query.group ?? b.group_code,
  });
  const doc: BoardDocument = {
    code: b.code,
    language,
    title: localized(language, b.title_fr, b.title_nl),
    description: localized(language, b.description_fr, b.description_nl) || null,
    theme: b.theme,
    organisation: localized(language, b.org_name_fr, b.org_name_nl),
    group: group ? ((await groupChoices(trx, language)).find((g) => g.code === group) ?? null) : null,
    period: query.period ?? b.period,
    publishedAt: b.published_at === null ? null : new Date(b.published_at).toISOString(),
    // The map views carry no hidden figure; stripped again, as for the public page.
    tiles: tiles.map((x) => ({ ...x, map: shownOnly(x.map) })),
    followups: await followupsOf(trx, reader, b.id),
  };
  return { filename: `${b.code}-${language}.pdf`, body: await renderBoardPdf(doc, new Date()) };
}

/** Without login: what the public page shows, as a PDF. */
export async function publicBoardPdf(
  trx: Tx,
  found: store.BoardRow,
  language: 'fr' | 'nl',
): Promise<PdfFile> {
  const view = await publicBoardView(trx, found, language);
  return { filename: `${view.code}-${language}.pdf`, body: await renderBoardPdf(view, new Date()) };
}
