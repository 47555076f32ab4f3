import type { Actor } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import * as events from '../store';
import { organiserEvent } from './checkin';
import { renderAttendanceSheet } from './sheet-pdf';

/** The attendance sheet of an organiser's event: the confirmed registrations by name, then blank rows. */
export const DEFAULT_BLANK_ROWS = 10;

const bilingual = (fr: string, nl: string) => (!nl || fr === nl ? fr : `${fr} / ${nl}`);

export async function attendanceSheet(
  trx: Tx,
  actor: Actor,
  id: string,
  blank: number | undefined,
  now: Date,
) {
  const e = await organiserEvent(trx, actor, id);
  const partners = await events.partnersOf(trx, [e.id]);
  const rows = (await events.registrationsOf(trx, e.id))
    .filter((r) => r.status === 'confirmed' || r.status === 'attended')
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const body = await renderAttendanceSheet(
    {
      titleFr: e.title_fr,
      titleNl: e.title_nl,
      startsAt: new Date(e.starts_at),
      endsAt: new Date(e.ends_at),
      place: e.venue ?? e.online_url ?? '',
      organisers: [
        bilingual(e.org_name_fr ?? '', e.org_name_nl ?? ''),
        ...partners.map((p) => p.short_name || bilingual(p.name_fr, p.name_nl)),
      ].filter(Boolean),
    },
    rows.map((r) => ({ name: r.name, organisation: r.organisation })),
    blank ?? DEFAULT_BLANK_ROWS,
    now,
  );
  // It names the registrants: who printed it, and how many names it held, stays in the audit log.
  await audit(trx, {
    action: 'export',
    entity: 'forum_registrations',
    entityId: e.id,
    detail: { eventId: e.id, rows: rows.length, document: 'attendance_sheet' },
  });
  return { filename: `attendance-${e.id.slice(0, 8)}.pdf`, body };
}
