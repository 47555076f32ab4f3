import { toCsv } from '../../../../common/export/cells';
import { type ExportQuery, OVERVIEW_EXPORT_MAX_ROWS } from '../../../../common/placements/overview-schemas';
import type { Actor } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { badRequest } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { toXlsx } from '../../../platform/xlsx';
import { today } from '../today';
import { exportColumns, exportRow } from './export-table';
import * as store from './store';
import { overviewFilter, overviewOrder, overviewProgramme } from './view-overview';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The programme's placements under the overview's filters as a CSV or XLSX file, in the reader's
 * language. Every export is audited with its filters and row count (the file leaves the platform).
 */
export async function exportOverview(
  trx: Tx,
  actor: Actor,
  programmeId: string,
  q: ExportQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const programme = await overviewProgramme(trx, actor, programmeId, 'placement.export');
  const filter = overviewFilter(q);
  const counts = await store.countProgrammePlacements(trx, programmeId, filter);
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > OVERVIEW_EXPORT_MAX_ROWS)
    throw badRequest('placements.overview.errors.export_too_large', { max: OVERVIEW_EXPORT_MAX_ROWS });
  const items = await store.listProgrammePlacements(
    trx,
    programmeId,
    filter,
    overviewOrder(q, actor),
    null,
    0,
  );

  const language = actor.language;
  const columns = exportColumns(language);
  const rows = items.map((i) => exportRow(i, language));
  await audit(trx, {
    action: 'export',
    entity: 'placements',
    entityId: programmeId,
    detail: { programmeId, format, filters: q, rows: rows.length },
  });

  const base = `${(programme.acronym ?? 'programme').replace(/[^\w-]+/g, '_')}-placements-${await today(trx)}`;
  if (format === 'csv')
    return {
      filename: `${base}.csv`,
      contentType: CONTENT_TYPES.csv,
      // Semicolons for every language: FR and NL spreadsheet settings use the comma for decimals.
      body: toCsv(columns, rows, { separator: ';', decimal: language === 'en' ? '.' : ',' }),
    };
  return {
    filename: `${base}.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: await toXlsx(t(language, 'placements.overview.sheet_name'), columns, rows),
  };
}
