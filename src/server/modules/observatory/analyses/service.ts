import { type Language, localized } from '../../../../common/i18n/locales';
import type {
  AnalysisList,
  AnalysisQuery,
  AnalysisSummary,
  AnalysisView,
  VersionSummary,
} from '../../../../common/observatory/analysis-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as mapStore from '../store';
import * as store from './store';
import { territoryOf, tileOf } from './tiles';

/**
 * Reading the local analyses: any reader of the observatory sees every organisation's published versions
 * (the analyses feed the joint work); the organisation also sees its draft. An analyst or coordinator
 * (permission 'observatory.import') of the owning organisation edits the draft (edit.ts).
 */

export const A = (code: string) => `observatory.analyses.errors.${code}`;
export const lang = (l: Language): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const mayEdit = (actor: Actor, a: { org_id: string }) =>
  actorCan(actor, 'observatory.import') && !!actor.orgId && a.org_id === actor.orgId;

export function versionSummary(v: store.VersionRow): VersionSummary {
  return {
    number: v.number,
    status: v.status as VersionSummary['status'],
    publishedAt: iso(v.published_at),
    publishedBy: v.published_by_name ?? null,
    note: v.note,
  };
}

function summaryOf(actor: Actor, a: store.AnalysisRow, versions: store.VersionRow[]): AnalysisSummary {
  const latest = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    id: a.id,
    title: localized(lang(actor.language), a.title_fr, a.title_nl),
    organisation: localized(lang(actor.language), a.org_name_fr, a.org_name_nl),
    latest: latest ? versionSummary(latest) : null,
    draft: draft && a.org_id === actor.orgId ? draft.number : null,
    canEdit: mayEdit(actor, a),
  };
}

export async function groupChoices(trx: Tx, language: Language) {
  return (await mapStore.territoryGroups(trx)).map((g) => ({
    code: g.code,
    name: localized(lang(language), g.name_fr, g.name_nl) || g.code,
  }));
}

export async function listAnalyses(trx: Tx, actor: Actor): Promise<AnalysisList> {
  requirePermission(actor, 'observatory.view');
  const rows = await store.listAnalyses(trx);
  const versions = await store.versionsOf(
    trx,
    rows.map((a) => a.id),
  );
  const items = rows
    .map((a) =>
      summaryOf(
        actor,
        a,
        versions.filter((v) => v.analysis_id === a.id),
      ),
    )
    // Another organisation's analysis shows once a version is published.
    .filter((s) => s.latest !== null || s.draft !== null);
  const canCreate = actorCan(actor, 'observatory.import') && !!actor.orgId;
  return { items, canCreate, groups: canCreate ? await groupChoices(trx, actor.language) : [] };
}

/** The analysis and the versions the caller may read; unknown (or nothing readable) → 404. */
export async function readable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'observatory.view');
  const a = await store.findAnalysis(trx, id);
  if (!a) throw notFound(A('unknown_analysis'));
  const versions = await store.versionsOf(trx, [a.id]);
  if (versions.length === 0) throw notFound(A('unknown_analysis'));
  return { analysis: a, versions };
}

/** The version asked for: a number, 'draft', or by default the latest published (else the own draft). */
export function pickVersion(versions: store.VersionRow[], asked: string | number | undefined) {
  const v =
    asked === undefined
      ? (versions.find((x) => x.status === 'published') ?? versions.find((x) => x.status === 'draft'))
      : asked === 'draft'
        ? versions.find((x) => x.status === 'draft')
        : versions.find((x) => x.number === Number(asked));
  if (!v) throw notFound(A('unknown_version'));
  return v;
}

export async function viewAnalysis(
  trx: Tx,
  actor: Actor,
  id: string,
  query: AnalysisQuery,
): Promise<AnalysisView> {
  const { analysis: a, versions } = await readable(trx, actor, id);
  const v = pickVersion(versions, query.version);
  const territory = await territoryOf(trx, actor.language, v, a);
  const l = lang(actor.language);
  const sections = [];
  for (const s of await store.sectionsOf(trx, v.id))
    sections.push({
      id: s.id,
      theme: s.theme,
      heading: localized(l, s.heading_fr, s.heading_nl),
      body: localized(l, s.body_fr, s.body_nl),
      headingFr: s.heading_fr,
      headingNl: s.heading_nl,
      bodyFr: s.body_fr,
      bodyNl: s.body_nl,
      tile: await tileOf(trx, actor, territory, s),
    });
  return {
    ...summaryOf(actor, a, versions),
    titleFr: a.title_fr,
    titleNl: a.title_nl,
    versions: versions.map(versionSummary),
    version: versionSummary(v),
    group: territory.group,
    territory: territory.name,
    groups: mayEdit(actor, a) ? await groupChoices(trx, actor.language) : [],
    sections,
  };
}
