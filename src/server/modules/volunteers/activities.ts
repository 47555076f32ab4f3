import { sql } from 'kysely';
import type { Language } from '../../../common/i18n/locales';
import { localized } from '../../../common/i18n/locales';
import type { Tx } from '../../platform/db/context';

/**
 * What assignments point to, read from the forums and initiatives modules' tables (their own policies
 * decide what the caller sees): titles in the caller's language, and whether the assigning organisation
 * takes part in an event or an initiative.
 */

type Titled = { id: string; title_fr: string; title_nl: string | null };

async function titles(trx: Tx, table: 'forum_events' | 'initiatives', ids: string[], lang: Language) {
  if (!ids.length) return new Map<string, string>();
  const r = await sql<Titled>`select id, title_fr, title_nl from ${sql.table(table)}
    where id = any(${[...new Set(ids)]}::uuid[])`.execute(trx);
  return new Map(r.rows.map((e) => [e.id, localized(lang, e.title_fr, e.title_nl)]));
}

/** A lookup of event and initiative titles for a set of assignments. */
export async function activityTitles(
  trx: Tx,
  rows: ReadonlyArray<{ event_id: string | null; initiative_id: string | null }>,
  lang: Language,
) {
  const [events, initiatives] = await Promise.all([
    titles(
      trx,
      'forum_events',
      rows.flatMap((a) => (a.event_id ? [a.event_id] : [])),
      lang,
    ),
    titles(
      trx,
      'initiatives',
      rows.flatMap((a) => (a.initiative_id ? [a.initiative_id] : [])),
      lang,
    ),
  ]);
  return (kind: 'event' | 'initiative', id: string) =>
    (kind === 'event' ? events : initiatives).get(id) ?? null;
}

/**
 * An event the caller sees and the assigning organisation organises or is a partner of (a cancelled one
 * takes no volunteers): 'unknown', 'not_taking_part' or 'ok'.
 */
export async function eventForAssignment(trx: Tx, eventId: string, orgId: string) {
  const r = await sql<{ status: string; takes_part: boolean }>`select e.status,
      (e.org_id = ${orgId} or exists (select 1 from forum_event_partners p
        where p.event_id = e.id and p.partner_org_id = ${orgId})) as takes_part
    from forum_events e where e.id = ${eventId}`.execute(trx);
  const e = r.rows[0];
  if (!e) return 'unknown' as const;
  if (!e.takes_part || e.status === 'cancelled') return 'not_taking_part' as const;
  return 'ok' as const;
}

/**
 * An initiative the assigning organisation leads or is a partner of (the rule migration 0049's trigger
 * holds too; checked first here for a translated refusal).
 */
export async function initiativeForAssignment(trx: Tx, initiativeId: string, orgId: string) {
  const r = await sql<{ takes_part: boolean }>`select (i.org_id = ${orgId} or exists (
      select 1 from initiative_partners p where p.initiative_id = i.id and p.partner_org_id = ${orgId}))
      as takes_part
    from initiatives i where i.id = ${initiativeId}`.execute(trx);
  const i = r.rows[0];
  if (!i) return 'unknown' as const;
  return i.takes_part ? ('ok' as const) : ('not_taking_part' as const);
}

/** The hours the caller sees of a volunteer's assignments on one day. */
export const sameDayHours = async (trx: Tx, volunteerId: string, day: string) =>
  (
    await trx
      .selectFrom('volunteer_assignments')
      .select('hours')
      .where('volunteer_id', '=', volunteerId)
      .where('assigned_on', '=', day)
      .execute()
  ).map((r) => ({ hours: Number(r.hours) }));
