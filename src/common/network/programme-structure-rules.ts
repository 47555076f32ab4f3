import type { FieldError } from '../validation/errors';
import type { ActionInput, MilestoneInput } from './programme-structure-schemas';
import { WEBSITE_PATTERN } from './programme-structure-schemas';

/**
 * Pure rules of a programme's structure, shared by the API (to refuse) and the lead's forms (to warn
 * before sending). Errors are `network.programmes.errors.*` keys, translated on either side.
 */

const E = 'network.programmes.errors';
const WEBSITE = new RegExp(WEBSITE_PATTERN);

/** An https address the page may link to: the pattern, a parsable URL, and no user:password@ part. */
export function websiteError(url: string | null | undefined): string | null {
  if (!url) return null;
  if (!url.startsWith('https://')) return `${E}.website_https`;
  if (url.length > 500 || !WEBSITE.test(url)) return `${E}.website_invalid`;
  try {
    const u = new URL(url);
    if (u.username || u.password) return `${E}.website_invalid`;
  } catch {
    return `${E}.website_invalid`;
  }
  return null;
}

const blank = (s: string | null | undefined, min = 2) => typeof s === 'string' && s.trim().length < min;

/**
 * The action list as the lead wants it: codes unique (whatever the case), titles not blank once trimmed,
 * ids only of this programme's actions, one default action per record kind, and no action dropped while
 * records are attributed to it.
 */
export function actionRuleErrors(
  actions: readonly ActionInput[],
  current: readonly { id: string; code: string; inUse: boolean }[],
): FieldError[] {
  const out: FieldError[] = [];
  const known = new Map(current.map((a) => [a.id, a]));
  const codes = new Map<string, number>();
  const defaults = new Map<string, number>();
  const kept = new Set<string>();
  actions.forEach((a, i) => {
    const code = a.code.trim().toUpperCase();
    if (!code) out.push({ path: `actions.${i}.code`, code: 'validation.required' });
    else if (codes.has(code)) out.push({ path: `actions.${i}.code`, code: `${E}.action_code_taken` });
    codes.set(code, i);
    for (const k of ['titleFr', 'titleNl', 'titleEn'] as const)
      if (blank(a[k]))
        out.push({ path: `actions.${i}.${k}`, code: 'validation.min_length', params: { limit: 2 } });
    if (a.id) {
      const id = a.id.toLowerCase();
      if (!known.has(id)) out.push({ path: `actions.${i}.id`, code: `${E}.action_unknown` });
      else if (kept.has(id)) out.push({ path: `actions.${i}.id`, code: `${E}.action_unknown` });
      kept.add(id);
    }
    for (const kind of a.defaultFor ?? []) {
      if (defaults.has(kind))
        out.push({ path: `actions.${i}.defaultFor`, code: `${E}.action_default_taken`, params: { kind } });
      defaults.set(kind, i);
    }
  });
  for (const a of current)
    if (!kept.has(a.id) && a.inUse)
      out.push({ path: 'actions', code: `${E}.action_in_use`, params: { code: a.code } });
  return out;
}

/** Milestones: labels not blank once trimmed, ids only of this programme's milestones, each id once. */
export function milestoneRuleErrors(
  milestones: readonly MilestoneInput[],
  currentIds: ReadonlySet<string>,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  milestones.forEach((m, i) => {
    for (const k of ['labelFr', 'labelNl', 'labelEn'] as const)
      if (blank(m[k]))
        out.push({ path: `milestones.${i}.${k}`, code: 'validation.min_length', params: { limit: 2 } });
    if (m.id) {
      const id = m.id.toLowerCase();
      if (!currentIds.has(id) || seen.has(id))
        out.push({ path: `milestones.${i}.id`, code: `${E}.milestone_unknown` });
      seen.add(id);
    }
  });
  return out;
}

/** Milestones in time order (same day: by French label), as the timeline shows them. */
export function timeline<T extends { occursOn: string; labelFr: string }>(milestones: readonly T[]): T[] {
  return [...milestones].sort(
    (a, b) => a.occursOn.localeCompare(b.occursOn) || a.labelFr.localeCompare(b.labelFr, 'fr'),
  );
}

/** A title or label in the reader's language: English falls back to French, since it is optional. */
export function inLanguage(
  v: { fr: string; nl: string; en: string | null },
  language: string,
): { text: string; lang: 'fr' | 'nl' | 'en' } {
  if (language === 'nl') return { text: v.nl, lang: 'nl' };
  if (language === 'en' && v.en) return { text: v.en, lang: 'en' };
  return { text: v.fr, lang: 'fr' };
}
