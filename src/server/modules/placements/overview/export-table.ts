import type { ExportColumn, ExportRow } from '../../../../common/export/cells';
import { type Language, localized } from '../../../../common/i18n/locales';
import type { OverviewItem } from '../../../../common/placements/overview-schemas';
import { t } from '../../../platform/i18n';

const COLUMNS = [
  ['participant_code', 'text'],
  ['home_org', 'text'],
  ['host_org', 'text'],
  ['site', 'text'],
  ['municipality', 'text'],
  ['starts_on', 'date'],
  ['ends_on', 'date'],
  ['ended_on', 'date'],
  ['status', 'text'],
  ['version', 'number'],
  ['attendance', 'percent'],
  ['mid_term', 'text'],
  ['final', 'text'],
  ['exit_situation', 'text'],
  ['six_month_situation', 'text'],
] as const;

export type ExportKey = (typeof COLUMNS)[number][0];

/** The export's columns with headers in the reader's language. */
export const exportColumns = (language: Language): ExportColumn<ExportKey>[] =>
  COLUMNS.map(([key, type]) => ({ key, type, header: t(language, `placements.overview.column.${key}`) }));

/**
 * One placement as an export row: labels translated, dates as ISO dates, the attendance as a ratio.
 * Pseudonymous like the overview: the participant code stands for the person.
 */
export function exportRow(i: OverviewItem, language: Language): ExportRow<ExportKey> {
  const yesNo = (b: boolean) => t(language, b ? 'placements.overview.yes' : 'placements.overview.no');
  const situation = (s: string | null) => (s ? t(language, `placements.overview.situation.${s}`) : null);
  return {
    participant_code: i.participantCode,
    home_org: localized(language, i.homeOrg.nameFr, i.homeOrg.nameNl),
    host_org: localized(language, i.hostOrg.nameFr, i.hostOrg.nameNl),
    site: i.siteName,
    municipality: localized(language, i.municipalityNameFr, i.municipalityNameNl) || i.municipalityCode,
    starts_on: i.startsOn,
    ends_on: i.endsOn,
    ended_on: i.endedOn,
    status: t(language, `placements.agreements.status.${i.status}`),
    version: i.version,
    attendance: i.attendanceRate,
    mid_term: yesNo(i.midTermDone),
    final: yesNo(i.finalDone),
    exit_situation: situation(i.exitSituation),
    six_month_situation: situation(i.sixMonthSituation),
  };
}
