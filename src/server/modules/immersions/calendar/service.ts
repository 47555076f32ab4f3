import { type Language, localized } from '../../../../common/i18n/locales';
import {
  CALENDAR_MAX_DAYS,
  CALENDAR_STATUSES,
  type CalendarItem,
  type CalendarQuery,
  type CalendarView,
  PENDING_STATUSES,
} from '../../../../common/immersions/calendar-schemas';
import type { ImmersionKind } from '../../../../common/immersions/request-rules';
import type { RequestStatus } from '../../../../common/immersions/request-workflow';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * The three immersion calendars as one answer: the reader's own immersions (pending ones included, marked),
 * those hosted by the teams or services the reader belongs to, and a programme's.
 */

const E = (code: string) => `immersions.calendar.errors.${code}`;
const DAY_MS = 86_400_000;
export const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const span = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

export const orgName = (lang: Language, fr: string, nl: string, short: string | null) =>
  short || localized(lang, fr, nl);
const unitName = (lang: Language, fr: string | null, nl: string | null) => localized(lang, fr, nl) || null;

/** The window asked for: by default from a week ago to three months ahead; at most CALENDAR_MAX_DAYS. */
function window(q: CalendarQuery, today: string) {
  const from = q.from ?? addDays(today, -7);
  const to = q.to ?? addDays(from, 97);
  if (to < from) throw validationFailed([{ path: '/to', code: E('window_order') }]);
  if (span(from, to) > CALENDAR_MAX_DAYS)
    throw validationFailed([{ path: '/to', code: E('window_too_long') }]);
  return { from, to };
}

const partyItem = (lang: Language, r: store.PartyRow): CalendarItem => ({
  requestId: r.id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  kind: r.kind as ImmersionKind,
  status: r.status as RequestStatus,
  pending: (PENDING_STATUSES as readonly string[]).includes(r.status),
  hostOrgName: orgName(lang, r.host_org_fr, r.host_org_nl, r.host_org_short),
  unitName: unitName(lang, r.unit_fr, r.unit_nl),
  visitorOrgName: orgName(lang, r.visitor_org_fr, r.visitor_org_nl, r.visitor_org_short),
  // Both parties see the professional's name (the definer function answers a party only).
  visitorName: r.visitor_name,
  visitors: 1,
});

export async function calendar(trx: Tx, deps: Deps, actor: Actor, q: CalendarQuery): Promise<CalendarView> {
  requirePermission(actor, 'immersion.view');
  if (!actor.orgId) throw forbidden();
  const orgId = actor.orgId;
  const scope = q.scope ?? 'mine';
  const { from, to } = window(q, deps.clock.today());
  const lang = actor.language;
  const programmes = await store.memberProgrammes(trx, orgId);
  const base = { scope, from, to, programmes };
  if (scope === 'mine' || scope === 'team') {
    const rows = await store.partyImmersions(trx, {
      orgId,
      ...(scope === 'mine' ? { visitor: actor.userId } : { teamOf: actor.userId }),
      statuses: scope === 'mine' ? [...CALENDAR_STATUSES, ...PENDING_STATUSES] : CALENDAR_STATUSES,
      from,
      to,
    });
    return { ...base, programmeId: null, items: rows.map((r) => partyItem(lang, r)) };
  }
  const programmeId = q.programmeId ?? programmes[0]?.id ?? null;
  if (!programmeId) return { ...base, programmeId: null, items: [] };
  if (!programmes.some((p) => p.id === programmeId)) throw notFound();
  // A programme member is not a party to the other partners' immersions: it sees which organisations send
  // and host, when, and how many professionals, which is what coordinating the action needs, but never
  // who goes (a name would tell a partner about another organisation's staff without their agreement).
  const rows = await store.programmeImmersions(trx, programmeId, from, to);
  return {
    ...base,
    programmeId,
    items: rows.map((r) => ({
      requestId: null,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      kind: r.kind as ImmersionKind,
      status: r.status as RequestStatus,
      pending: false,
      hostOrgName: orgName(lang, r.host_org_fr, r.host_org_nl, r.host_org_short),
      unitName: unitName(lang, r.unit_fr, r.unit_nl),
      visitorOrgName: orgName(lang, r.visitor_org_fr, r.visitor_org_nl, r.visitor_org_short),
      visitorName: null,
      visitors: r.visitors,
    })),
  };
}
