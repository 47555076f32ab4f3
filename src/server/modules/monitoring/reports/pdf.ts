import type { Language } from '../../../../common/i18n/locales';
import {
  GENERAL_NARRATIVE,
  type Narrative,
  type ReportFigures,
  type ReportVersionView,
} from '../../../../common/monitoring/report-schemas';
import { MUTED, openPdf, Printer } from '../../../platform/pdf-printer';
import {
  categoryWord,
  day,
  explanation,
  money,
  narrativeText,
  orgName,
  pair,
  percentBp,
  pick,
  shown,
  unitWord,
  w,
} from './words';

/**
 * A progress report as an A4 PDF in one language, set in the embedded DejaVu Sans so that every name
 * prints: the version's header, the indicators table with how each figure is counted, the narratives per
 * action, then the expenditure per partner and category. A version not submitted says so on every page.
 */

export interface ReportPdfInput {
  language: Language;
  figures: ReportFigures;
  narratives: Record<string, Narrative>;
  version: ReportVersionView;
  /** The lead's exact figures, or the published ones (suppressed). */
  exact: boolean;
  /** Fixed by tests so that the output is reproducible. */
  creationDate: Date;
  compress?: boolean;
}

export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { language: l, figures: f } = input;
  const title = `${w(l, 'pdf.title')} – ${f.programme.acronym} – ${f.period.label}`;
  const { doc, done } = openPdf({
    language: l,
    title,
    creationDate: input.creationDate,
    compress: input.compress ?? true,
  });
  const p = new Printer(doc);

  // ------------------------------------------------------------------------------------------- header
  p.heading(title, 16);
  p.line(pick(l, f.programme.nameFr, f.programme.nameNl));
  p.line(
    w(l, 'pdf.period', { from: day(l, f.period.from), to: day(l, f.period.to) }) +
      ` · ${w(l, 'pdf.programme_period', { from: day(l, f.programme.startsOn), to: day(l, f.programme.endsOn) })}`,
  );
  const v = input.version;
  p.line(
    [
      w(l, 'pdf.version', { n: v.number }),
      w(l, `version_status.${v.status}`),
      w(l, 'pdf.figures_taken', { date: day(l, v.figuresTakenAt) }),
      v.submittedAt ? w(l, 'pdf.submitted', { date: day(l, v.submittedAt), by: v.submittedBy ?? '' }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
    MUTED,
  );
  p.line(w(l, input.exact ? 'pdf.exact_note' : 'pdf.suppression_note'), MUTED, 8);
  p.gap(8);

  // --------------------------------------------------------------------------------------- indicators
  p.heading(w(l, 'pdf.indicators'), 13);
  const N = 0.128;
  const cols = [
    { key: 'indicator', width: 1 - 5 * N },
    { key: 'previous', width: N, right: true },
    { key: 'this_period', width: N, right: true },
    { key: 'cumulative', width: N, right: true },
    { key: 'target', width: N, right: true },
    { key: 'percent', width: N, right: true },
  ];
  p.row(
    cols.map((c) => ({ text: w(l, `col.${c.key}`), width: c.width, right: c.right })),
    true,
  );
  for (const i of f.indicators) {
    const label = `${i.code}${i.euCode ? ` (${i.euCode})` : ''} – ${pick(l, i.labelFr, i.labelNl, i.labelEn)} [${unitWord(l, i.unit)}]`;
    p.row(
      [
        { text: label, width: 1 - 5 * N },
        { text: shown(l, i.previous, i.ruleCode === null), width: N, right: true },
        { text: shown(l, i.thisPeriod, i.ruleCode === null), width: N, right: true },
        { text: shown(l, i.cumulative, i.ruleCode === null), width: N, right: true },
        { text: String(i.target), width: N, right: true },
        { text: i.percent === null ? '–' : `${i.percent} %`, width: N, right: true },
      ],
      false,
      false,
    );
    p.note(`${w(l, 'pdf.how_counted')} ${explanation(l, i)}`);
    const parts = i.byPartner.filter((x) => x.n !== 0);
    if (parts.length)
      p.note(
        `${w(l, 'pdf.by_partner')} ${parts.map((x) => pair(l, orgName(f, l, x.orgId), shown(l, x.n))).join(w(l, 'list_separator'))}`,
      );
    // The rule closes the indicator with its explanation, so that a note never reads as the next one's.
    p.rule();
  }
  p.gap(10);

  // ------------------------------------------------------------------------------------- narratives
  p.heading(w(l, 'pdf.narratives'), 13);
  const keys = [
    { key: GENERAL_NARRATIVE, title: w(l, 'general') },
    ...f.actions.map((a) => ({
      key: a.id,
      title: `${a.code} – ${pick(l, a.titleFr, a.titleNl, a.titleEn)}`,
    })),
  ];
  for (const k of keys) {
    p.subheading(k.title);
    const n = narrativeText(l, input.narratives[k.key]);
    if (!n) p.line(w(l, 'pdf.no_narrative'), MUTED);
    else {
      if (n.language !== l) p.line(w(l, `pdf.written_in.${n.language}`), MUTED, 8);
      p.paragraph(n.text);
    }
    p.gap(6);
  }
  p.gap(10);

  // ------------------------------------------------------------------------------------ expenditure
  p.heading(w(l, 'pdf.expenditure'), 13);
  const a = f.expenditure.absorption;
  p.line(
    a.versionNumber === null
      ? w(l, 'pdf.no_budget')
      : w(l, 'pdf.absorption_total', {
          version: a.versionNumber,
          budget: money(l, a.total.budget),
          accepted: money(l, a.total.accepted),
          rate: percentBp(l, a.total.absorptionBp),
        }),
  );
  const ecols = [
    { key: 'partner_category', width: 0.3 },
    { key: 'budget', width: 0.14, right: true },
    { key: 'declared_period', width: 0.14, right: true },
    { key: 'accepted_period', width: 0.14, right: true },
    { key: 'accepted_cumulative', width: 0.16, right: true },
    { key: 'absorption', width: 0.12, right: true },
  ];
  p.row(
    ecols.map((c) => ({ text: w(l, `col.${c.key}`), width: c.width, right: c.right })),
    true,
  );
  for (const r of f.expenditure.byPartnerCategory)
    p.row([
      { text: `${orgName(f, l, r.orgId)} – ${categoryWord(l, r.category)}`, width: 0.3 },
      { text: money(l, r.budget), width: 0.14, right: true },
      { text: money(l, r.declaredPeriod), width: 0.14, right: true },
      { text: money(l, r.acceptedPeriod), width: 0.14, right: true },
      { text: money(l, r.acceptedCumulative), width: 0.16, right: true },
      { text: percentBp(l, r.absorptionBp), width: 0.12, right: true },
    ]);
  if (f.expenditure.missingDeclarations.length)
    p.note(
      w(l, 'pdf.missing_declarations', {
        partners: f.expenditure.missingDeclarations.map((id) => orgName(f, l, id)).join(', '),
      }),
    );

  p.footers(
    title,
    (n, of) => w(l, 'pdf.page', { n, of }),
    v.status === 'submitted' ? null : w(l, `version_status.${v.status}`),
  );
  doc.end();
  return done;
}
