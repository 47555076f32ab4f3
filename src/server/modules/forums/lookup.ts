import type { Tx } from '../../platform/db/context';
import './tables';

/**
 * What another module may know of an event (initiatives' proposals): whether the caller sees it and who
 * organises it. RLS decides visibility; the caller treats another organisation's draft as unknown.
 */
export interface EventOrganiser {
  id: string;
  orgId: string;
  status: 'draft' | 'published' | 'cancelled';
  titleFr: string;
  titleNl: string;
}

export async function eventOrganiser(trx: Tx, eventId: string): Promise<EventOrganiser | undefined> {
  const e = await trx
    .selectFrom('forum_events')
    .select(['id', 'org_id', 'status', 'title_fr', 'title_nl'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  return e
    ? {
        id: e.id,
        orgId: e.org_id,
        status: e.status as EventOrganiser['status'],
        titleFr: e.title_fr,
        titleNl: e.title_nl,
      }
    : undefined;
}
