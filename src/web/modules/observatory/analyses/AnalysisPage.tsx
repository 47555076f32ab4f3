import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { analysisEndpoints as api } from '../../../../common/observatory/analysis-endpoints';
import {
  ANALYSIS_PDF_LANGUAGES,
  type AnalysisSection,
  type AnalysisView,
} from '../../../../common/observatory/analysis-schemas';
import { analysesLink, analysisEditLink, analysisLink } from '../../../../common/observatory/links';
import { hrefOf, useEndpoint } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { Tile } from '../boards/Tile';
import { useObsWords, W } from '../words';
import '../observatory.css';
import './analyses.css';

const VERSION = /^([1-9][0-9]{0,3}|draft)$/;

/** One version of a local analysis (the latest published by default), its other versions, its PDF. */
export function AnalysisPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const w = useObsWords();
  const asked = analysisLink.read(location.search).version;
  const version = asked && VERSION.test(asked) ? asked : undefined;
  const q = useEndpoint(api.view, { params: { id }, query: version ? { version } : {} });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const a = q.data;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={analysesLink.href()}>
          <FormattedMessage id={W('analyses.back')} />
        </Link>
      </p>
      <PageHeader
        title={a.title}
        description={a.organisation}
        actions={
          a.canEdit &&
          a.draft !== null && (
            <LinkButton variant="secondary" to={analysisEditLink.href({ id: a.id })}>
              {w.msg('analyses.edit_draft', { n: a.draft })}
            </LinkButton>
          )
        }
      />
      <VersionFacts a={a} />
      {a.version.status === 'draft' && (
        <Alert tone="warning" title={w.msg('analyses.draft_warning_title')}>
          <FormattedMessage id={W('analyses.draft_warning')} />
        </Alert>
      )}
      <VersionSwitch a={a} />
      <PdfDownload a={a} />
      {a.sections.length === 0 ? (
        <EmptyState title={w.msg('analyses.no_sections')} />
      ) : (
        a.sections.map((s) => <SectionView key={s.id} s={s} />)
      )}
    </div>
  );
}

function VersionFacts({ a }: { a: AnalysisView }) {
  const w = useObsWords();
  const intl = useIntl();
  const v = a.version;
  return (
    <div className="stack">
      <p className="description">
        {[
          w.msg('analyses.version', { n: v.number }),
          v.publishedAt
            ? w.msg('analyses.published_on', { date: intl.formatDate(v.publishedAt, { dateStyle: 'long' }) })
            : w.msg('analyses.status.draft'),
          ...(v.publishedBy ? [v.publishedBy] : []),
          w.msg('analyses.territory', { name: a.territory }),
        ].join(' · ')}
      </p>
      {v.note && <p className="obs-analysis-body">{v.note}</p>}
    </div>
  );
}

function VersionSwitch({ a }: { a: AnalysisView }) {
  const w = useObsWords();
  const intl = useIntl();
  if (a.versions.length < 2) return null;
  return (
    <nav className="obs-analysis-versions no-print" aria-label={w.msg('analyses.versions')}>
      <span>
        <FormattedMessage id={W('analyses.versions')} />:
      </span>
      {a.versions.map((v) => (
        <Link
          key={v.number}
          to={analysisLink.href({ id: a.id }, { version: String(v.number) })}
          aria-current={v.number === a.version.number ? 'page' : undefined}
        >
          {w.msg('analyses.version', { n: v.number })} (
          {v.publishedAt
            ? intl.formatDate(v.publishedAt, { dateStyle: 'medium' })
            : w.msg('analyses.status.draft')}
          )
        </Link>
      ))}
    </nav>
  );
}

function PdfDownload({ a }: { a: AnalysisView }) {
  const w = useObsWords();
  const { language } = useLanguage();
  const [lang, setLang] = useState<(typeof ANALYSIS_PDF_LANGUAGES)[number]>(language);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setError(null);
    setBusy(true);
    try {
      await downloadFile(
        hrefOf(api.pdf, { params: { id: a.id, number: a.version.number }, query: { lang } }),
        language,
        { fallbackName: 'analysis.pdf' },
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row no-print">
      <Select
        label={w.msg('analyses.pdf_language')}
        value={lang}
        onChange={(v) => setLang(v as typeof lang)}
        options={ANALYSIS_PDF_LANGUAGES.map((l) => ({ id: l, label: w.msg(`analyses.language.${l}`) }))}
      />
      <Button variant="secondary" isDisabled={busy} onPress={() => void get()}>
        {w.msg('analyses.pdf', { n: a.version.number })}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}

export const themeLabel = (w: ReturnType<typeof useObsWords>, t: string) =>
  t === 'general' ? w.msg('analyses.theme_general') : w.theme(t);

function SectionView({ s }: { s: AnalysisSection }) {
  const w = useObsWords();
  return (
    <Card>
      <section className="obs-analysis-section" aria-labelledby={`section-${s.id}`}>
        <p className="description">{themeLabel(w, s.theme)}</p>
        <h2 id={`section-${s.id}`}>{s.heading}</h2>
        {s.body && <p className="obs-analysis-body">{s.body}</p>}
        {s.tile && (
          <Tile tile={{ kind: s.tile.kind, map: s.tile.map, ranking: null, series: null, compare: null }} />
        )}
      </section>
    </Card>
  );
}
