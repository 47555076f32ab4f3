import type { HoursSummary, OrgRef, VolunteerAssignment } from './schemas';

/**
 * A volunteer's hours of one calendar year, per organisation and per event / initiative / free activity
 * (issue 13: "assignments with hours"). Sums are in hundredths so that quarter hours add up exactly;
 * lines are ordered by hours, most first, then by name.
 */
export function hoursSummary(
  assignments: ReadonlyArray<VolunteerAssignment>,
  year: number,
  orgName: (o: OrgRef) => string,
): HoursSummary {
  const mine = assignments.filter((a) => a.assignedOn.startsWith(`${year}-`));
  const orgs = new Map<string, { org: OrgRef; cents: number }>();
  const acts = new Map<
    string,
    { kind: 'event' | 'initiative' | 'activity'; id: string | null; title: string; cents: number }
  >();
  let total = 0;
  for (const a of mine) {
    const cents = Math.round(a.hours * 100);
    total += cents;
    const o = orgs.get(a.org.id) ?? { org: a.org, cents: 0 };
    o.cents += cents;
    orgs.set(a.org.id, o);
    const act = a.eventId
      ? { kind: 'event' as const, id: a.eventId, title: a.eventTitle ?? '' }
      : a.initiativeId
        ? { kind: 'initiative' as const, id: a.initiativeId, title: a.initiativeTitle ?? '' }
        : { kind: 'activity' as const, id: null, title: (a.activityTitle ?? '').trim() };
    const key = `${act.kind}:${act.id ?? act.title.toLocaleLowerCase('fr')}`;
    const line = acts.get(key) ?? { ...act, cents: 0 };
    line.cents += cents;
    acts.set(key, line);
  }
  const byHours =
    <T extends { cents: number }>(name: (x: T) => string) =>
    (x: T, y: T) =>
      y.cents - x.cents || name(x).localeCompare(name(y), 'fr');
  return {
    year,
    total: total / 100,
    byOrganisation: [...orgs.values()]
      .sort(byHours((x) => orgName(x.org)))
      .map((x) => ({ org: x.org, hours: x.cents / 100 })),
    byActivity: [...acts.values()]
      .sort(byHours((x) => x.title))
      .map(({ cents, ...x }) => ({ ...x, hours: cents / 100 })),
  };
}
