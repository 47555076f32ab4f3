import { type Language, localized } from '../../../../common/i18n/locales';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { renderAnalysisPdf } from './pdf';
import { pickVersion, readable, versionSummary } from './service';
import * as store from './store';
import { territoryOf, tileOf } from './tiles';

/**
 * A version's PDF, for whoever may read it (a draft: its organisation only, through RLS), in the language
 * asked for (default the reader's); English prints each text in French, the language it has.
 */
export async function exportAnalysisPdf(
  trx: Tx,
  actor: Actor,
  id: string,
  number: number,
  language: Language | undefined,
  options: { compress?: boolean; now?: Date } = {},
) {
  const { analysis: a, versions } = await readable(trx, actor, id);
  const v = pickVersion(versions, number);
  const l = language ?? actor.language;
  const texts = l === 'nl' ? 'nl' : 'fr';
  const reader = { language: l, orgId: actor.orgId };
  const territory = await territoryOf(trx, l, v, a);
  const sections = [];
  for (const s of await store.sectionsOf(trx, v.id))
    sections.push({
      id: s.id,
      theme: s.theme,
      heading: localized(texts, s.heading_fr, s.heading_nl),
      body: localized(texts, s.body_fr, s.body_nl),
      headingFr: s.heading_fr,
      headingNl: s.heading_nl,
      bodyFr: s.body_fr,
      bodyNl: s.body_nl,
      tile: await tileOf(trx, reader, territory, s),
    });
  const title = localized(texts, a.title_fr, a.title_nl);
  const pdf = await renderAnalysisPdf({
    language: l,
    title,
    organisation: localized(texts, a.org_name_fr, a.org_name_nl),
    territory: territory.name,
    version: versionSummary(v),
    sections,
    creationDate: options.now ?? new Date(),
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  const slug = title
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return { filename: `${slug || 'analysis'}-v${v.number}-${l}.pdf`, pdf };
}
