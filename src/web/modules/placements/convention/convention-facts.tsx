import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { weekdayName } from '../../../../common/network/opening-hours';
import { sortedTimetable, type TimetableDay } from '../../../../common/placements/convention-terms';
import type { ConventionSource } from './convention-values';

type Fact = [ReactNode, ReactNode];

/**
 * The convention's structured terms as rows of a Facts list (issue 9, item 9). `schedule`: the row that
 * says when the person works, the timetable day by day, or the free-text schedule of an agreement made
 * before it. `others`: job code, equipment, and for an agreement its aim and emergency contact (the latter
 * only when the reader may see it: the API leaves it out otherwise).
 */
export function useConventionFacts() {
  const intl = useIntl();
  const none = intl.formatMessage({ id: 'common.not_given' });
  const label = (id: string) => <FormattedMessage key={id} id={id} />;
  const day = (d: TimetableDay) => {
    const name = weekdayName(d.day, intl.locale);
    return intl.formatMessage(
      {
        id: d.breakMinutes
          ? 'placements.convention.timetable.slot_break'
          : 'placements.convention.timetable.slot',
      },
      {
        day: name.charAt(0).toLocaleUpperCase(intl.locale) + name.slice(1),
        from: d.from,
        to: d.to,
        minutes: d.breakMinutes ?? 0,
      },
    );
  };
  const schedule = (s: ConventionSource & { schedule: string | null }): Fact =>
    s.timetable?.length
      ? [
          label('placements.convention.timetable.legend'),
          <ul key="timetable">
            {sortedTimetable(s.timetable).map((d) => (
              <li key={d.day}>{day(d)}</li>
            ))}
          </ul>,
        ]
      : [label('placements.offers.field.schedule'), s.schedule ?? none];
  const others = (s: ConventionSource, part: 'offer' | 'agreement'): Fact[] => [
    ...(part === 'agreement'
      ? [
          [
            label('placements.convention.aim.label'),
            s.aim ? intl.formatMessage({ id: `placements.convention.aim.${s.aim}` }) : none,
          ] as Fact,
        ]
      : []),
    [
      label('placements.convention.job_code.label'),
      s.jobCode && s.jobCodeKind
        ? `${intl.formatMessage({ id: `placements.convention.job_code_kind.${s.jobCodeKind}` })} ${s.jobCode}`
        : none,
    ],
    [label('placements.convention.protective_equipment.label'), s.protectiveEquipment ?? none],
    ...(part === 'agreement' && s.emergencyContact
      ? [
          [
            label('placements.convention.emergency.legend'),
            [s.emergencyContact.name, s.emergencyContact.relation, s.emergencyContact.phone]
              .filter(Boolean)
              .join(' · '),
          ] as Fact,
        ]
      : []),
  ];
  return { schedule, others };
}
