import type { PracticeLanguage, PracticeSource, PracticeTheme } from '../../../../common/practices/schemas';
import type { Tx } from '../../../platform/db/context';
import { badRequest } from '../../../platform/errors';
import { insertSheet, type VersionFields } from './store';

/** What another module hands over to start a sheet from its own record (an immersion report, a project). */
export interface DraftFromSource {
  /** The organisation that will own the sheet: the caller's transaction must act for it (RLS). */
  orgId: string;
  userId: string | null;
  sourceKind: Exclude<PracticeSource, 'direct'>;
  /** The report's or project's id (no foreign key: the caller's module owns it); null if not yet known. */
  sourceId: string | null;
  /** The language the fields are written in: the sheet's original version. */
  language: PracticeLanguage;
  fields: VersionFields;
  themes?: readonly PracticeTheme[];
  programmeId?: string | null;
  partnerOrgIds?: readonly string[];
}

/**
 * Creates a draft practice sheet from another module's record, in the caller's transaction, and returns
 * its id and reference (to link to `practiceLink`). The draft is its organisation's alone until a
 * `practice.publish` holder publishes it; the caller checks its own permission to act. Themes default to
 * social activation when the source has none (the writer changes them on the sheet).
 */
export async function draftPracticeFromSource(
  trx: Tx,
  d: DraftFromSource,
): Promise<{ id: string; reference: string }> {
  const title = d.fields.title?.trim();
  const description = d.fields.description?.trim();
  if (!title || title.length < 2 || !description)
    throw badRequest('practices.sheets.errors.original_missing');
  const version = {
    context: null,
    objectives: null,
    targetPublic: null,
    partners: null,
    resources: null,
    results: null,
    difficulties: null,
    contact: null,
    ...d.fields,
    title: title.slice(0, 200),
    description: description.slice(0, 8000),
  };
  return insertSheet(trx, {
    orgId: d.orgId,
    userId: d.userId,
    sourceKind: d.sourceKind,
    sourceId: d.sourceId,
    input: {
      originalLanguage: d.language,
      fr: d.language === 'fr' ? version : null,
      nl: d.language === 'nl' ? version : null,
      themes: d.themes?.length ? [...d.themes] : ['social_activation'],
      tags: [],
      partnerOrgIds: [...(d.partnerOrgIds ?? [])],
      programmeId: d.programmeId ?? null,
      contactEmail: null,
      contactPublic: false,
    },
  });
}

/**
 * The sheet drawn from another module's record, as the caller's transaction sees it (RLS: a draft only to
 * its organisation), the first one drawn; undefined when there is none (never drawn, or a draft deleted).
 */
export async function practiceFromSource(
  trx: Tx,
  sourceKind: Exclude<PracticeSource, 'direct'>,
  sourceId: string,
): Promise<{ id: string; reference: string; status: string } | undefined> {
  return trx
    .selectFrom('practice_sheets')
    .select(['id', 'reference', 'status'])
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
