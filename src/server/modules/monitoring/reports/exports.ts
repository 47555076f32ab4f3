import type { Language } from '../../../../common/i18n/locales';
import type { ExportQuery } from '../../../../common/monitoring/report-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { renderReportPdf } from './pdf';
import { viewReport } from './service';
import { renderReportXlsx } from './xlsx';

export type ReportFormat = 'pdf' | 'xlsx';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name without anything a header or a file system could trip on. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'report';

/**
 * A report version as a file in the language asked (the reader's by default): whoever may read the
 * version may export it — it holds aggregates only (ADR 0019).
 */
export async function exportReport(
  trx: Tx,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  id: string,
  query: ExportQuery,
  format: ReportFormat,
) {
  const view = await viewReport(trx, actor, id, query.version);
  const language: Language = query.language ?? actor.language;
  const f = view.figures;
  const filename = `${safe(f.programme.acronym)}_${safe(f.period.label)}_v${view.version.number}_${language}.${format}`;
  const body =
    format === 'pdf'
      ? await renderReportPdf({
          language,
          figures: f,
          narratives: view.narratives,
          version: view.version,
          exact: view.exact,
          creationDate: deps.clock.now(),
        })
      : await renderReportXlsx(language, f);
  return { filename, contentType: CONTENT_TYPES[format], body };
}
