import { localized } from '../../../../common/i18n/locales';
import type { PublicBoardView } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { followupsOf } from './followups';
import { B, groupChoices } from './service';
import * as store from './store';
import { tileViews } from './tiles';

/**
 * A published board for anyone, in FR or NL. Found in the caller's own scope (RLS: anonymous visitors see
 * published boards only), and published checked again here, for a signed-in caller reads every board: an
 * unpublished or unknown board gives the same 404.
 */
export async function findPublished(trx: Tx, code: string): Promise<store.BoardRow> {
  const b = await store.findBoard(trx, code);
  if (!b || b.published_at === null) throw notFound(B('unknown_board'));
  return b;
}

/**
 * Its tiles (charts included: they are built from the same map views), computed in the system scope (the values are readable by signed-in users only): what comes
 * out is the map view, aggregates under the small-number rules, never a row of the store.
 */
export async function publicBoardView(
  trx: Tx,
  found: store.BoardRow,
  language: 'fr' | 'nl',
): Promise<PublicBoardView> {
  // Read again in this transaction: it may have been unpublished in between.
  const b = await findPublished(trx, found.code);
  const reader = { language, orgId: null };
  const { group, tiles } = await tileViews(trx, reader, b, { period: b.period, group: b.group_code });
  const groupName = group ? (await groupChoices(trx, language)).find((g) => g.code === group) : undefined;
  return {
    code: b.code,
    language,
    title: localized(language, b.title_fr, b.title_nl),
    description: localized(language, b.description_fr, b.description_nl) || null,
    theme: b.theme,
    organisation: localized(language, b.org_name_fr, b.org_name_nl),
    group: groupName ?? null,
    period: b.period,
    publishedAt: new Date(b.published_at!).toISOString(),
    tiles: tiles.map((t) => ({
      kind: t.kind,
      map: shownOnly(t.map),
      ranking: t.ranking,
      series: t.series,
      compare: t.compare,
    })),
    // Public policy: each partner's decisions, by organisation (no person, no one may edit here).
    followups: (await followupsOf(trx, reader, b.id)).map((f) => ({ ...f, canEdit: false })),
  };
}

/**
 * The map view with the figures of every hidden cell and total removed. The map view already leaves them
 * out (map.ts); kept here too because a page without login must never depend on another file for it.
 */
export function shownOnly(v: IndicatorMapView): IndicatorMapView {
  return {
    ...v,
    cells: v.cells.map((c) =>
      c.status === 'shown'
        ? c
        : { ...c, numerator: null, denominator: null, value: null, klass: null, relative: null },
    ),
    totals: v.totals.map((x) =>
      x.status === 'shown' ? x : { ...x, numerator: null, denominator: null, value: null },
    ),
  };
}
