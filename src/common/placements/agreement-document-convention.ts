/**
 * The convention's structured terms in the agreement document (issue 9, item 9): the placement's aim and
 * job code (purpose), the day-by-day timetable (schedule), the protective equipment and the emergency
 * contact (terms). Pure, like agreement-document.ts, which calls these with its message helpers.
 */
import type { AgreementLanguage, DocumentItem, MessageValues, Pair } from './agreement-document-types';
import type { JobCodeKind, PlacementAim, TimetableDay } from './convention-terms';
import { sortedTimetable } from './convention-terms';

/** What the document prints of the structured terms; each null when not recorded. */
export interface ConventionFacts {
  aim: PlacementAim | null;
  jobCode: { kind: JobCodeKind; code: string } | null;
  /** Null: the agreement predates the structured timetable and keeps its free-text schedule. */
  timetable: readonly TimetableDay[] | null;
  protectiveEquipment: string | null;
  /**
   * The reader's side may see it (the server decides: the home centre always, the host while the
   * agreement runs; ADR 0013, amendment). The person signs the document that gives it to the host.
   */
  emergencyContact: { name: string; phone: string; relation: string | null } | null;
}

/** The builder's helpers agreement-document.ts passes in (the same closures its own articles use). */
export interface DocumentKit {
  msg: (key: string, values?: (lang: AgreementLanguage, locale: string) => MessageValues) => Pair;
  both: (f: (lang: AgreementLanguage, locale: string) => string) => Pair;
  field: (id: string, value: Pair | string) => DocumentItem;
}

/** 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days. */
const weekday = (day: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/** Aim and job code, in the purpose article. */
export function conventionPurposeItems(
  c: ConventionFacts | null | undefined,
  kit: DocumentKit,
): DocumentItem[] {
  if (!c) return [];
  return [
    ...(c.aim ? [kit.field('aim', kit.msg(`value.aim.${c.aim}`))] : []),
    ...(c.jobCode
      ? [
          kit.field(
            'job_code',
            kit.msg(`value.job_code.${c.jobCode.kind}`, () => ({ code: c.jobCode!.code })),
          ),
        ]
      : []),
  ];
}

/** One line per working day, or null when there is no timetable (the free-text schedule is printed). */
export function timetableItems(
  c: ConventionFacts | null | undefined,
  kit: DocumentKit,
): DocumentItem[] | null {
  if (!c?.timetable?.length) return null;
  return sortedTimetable(c.timetable).map((d) => ({
    kind: 'field' as const,
    id: `timetable_${d.day}`,
    label: kit.both((_, locale) => {
      const name = weekday(d.day, locale);
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    }),
    value: kit.msg(d.breakMinutes ? 'value.timetable_day_break' : 'value.timetable_day', () => ({
      from: d.from,
      to: d.to,
      minutes: d.breakMinutes ?? 0,
    })),
  }));
}

/** Protective equipment and the emergency contact, in the terms article. */
export function conventionSafetyItems(
  c: ConventionFacts | null | undefined,
  kit: DocumentKit,
): DocumentItem[] {
  if (!c) return [];
  const contact = c.emergencyContact;
  return [
    ...(c.protectiveEquipment?.trim() ? [kit.field('protective_equipment', c.protectiveEquipment)] : []),
    ...(contact
      ? [
          kit.field(
            'emergency_contact',
            contact.relation
              ? `${contact.name} (${contact.relation}), ${contact.phone}`
              : `${contact.name}, ${contact.phone}`,
          ),
        ]
      : []),
  ];
}
