import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { urlOf } from '../../../../common/kernel/endpoint';
import { observatoryEndpoints as api } from '../../../../common/observatory/endpoints';
import {
  IMPORT_FORMATS,
  type ImportCommitView,
  type ImportMapping,
  type ImportPreviewView,
  type ImportSettings,
} from '../../../../common/observatory/import-schemas';
import { observatoryLink } from '../../../../common/observatory/links';
import { invalidate, useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox, Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { W } from '../words';
import { PreviewTables } from './PreviewTables';
import { type UploadProgress, uploadWithProgress } from './upload';

/** The file and its settings as one multipart body: the settings first, so the server reads them before the file. */
function send<T>(
  href: string,
  file: File,
  settings: ImportSettings,
  onProgress: (p: UploadProgress) => void,
): Promise<T> {
  const body = new FormData();
  body.append('settings', JSON.stringify(settings));
  body.append('file', file, file.name);
  return uploadWithProgress<T>(href, body, onProgress);
}

/** The upload's progress bar (labelled, with its percentage), then the server's reading of the file. */
function Progress({ progress }: { progress: UploadProgress | null }) {
  const id = useId();
  const intl = useIntl();
  if (!progress) return null;
  if (progress.phase === 'processing')
    return (
      <p role="status">
        <FormattedMessage id={W('import.reading')} />
      </p>
    );
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="field">
      <label htmlFor={id}>
        <FormattedMessage id={W('import.uploading')} />
      </label>
      <progress id={id} max={100} value={percent} />
      {/* The bar says its value to screen readers; the figure is for the eye. */}
      <span aria-hidden="true"> {intl.formatNumber(percent / 100, { style: 'percent' })}</span>
    </div>
  );
}

/**
 * Importing an official file: choose it, name its vintage, see what would be written (format recognised,
 * columns mapped onto data elements, values per element and period, every problem by line and column), then
 * import all of it or nothing. The mapping chosen is saved for the next file of the same source.
 */
export function ImportPage() {
  const intl = useIntl();
  const qc = useQueryClient();
  const inputId = useId();
  const catalogue = useEndpoint(api.catalogue, {});
  const [file, setFile] = useState<File | null>(null);
  const [vintage, setVintage] = useState('');
  const [geoVintage, setGeoVintage] = useState('');
  const [format, setFormat] = useState<string>('auto');
  const [skipUnknown, setSkipUnknown] = useState(false);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [done, setDone] = useState<ImportCommitView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  if (catalogue.isLoading) return <Loading />;
  if (!catalogue.data) return <ErrorAlert error={catalogue.error} />;
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: W(id) }, values);

  const settings = (withMapping: ImportMapping | null): ImportSettings => ({
    format: format === 'auto' ? null : (format as ImportSettings['format']),
    vintage: vintage.trim(),
    geoVintage: geoVintage.trim() || null,
    skipUnknown,
    mapping: withMapping,
  });
  const check = () => {
    const errors: Record<string, string> = {};
    if (!file) errors.file = t('import.file_required');
    if (!vintage.trim()) errors.vintage = intl.formatMessage({ id: 'validation.required' });
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  };
  const run = async (what: 'preview' | 'commit', withMapping: ImportMapping | null) => {
    if (!check() || !file) return;
    setBusy(true);
    setProgress({ phase: 'uploading', fraction: 0 });
    setError(null);
    setDone(null);
    try {
      if (what === 'preview') {
        const p = await send<ImportPreviewView>(
          urlOf(api.previewImport, {}),
          file,
          settings(withMapping),
          setProgress,
        );
        setPreview(p);
        setMapping(p.mapping);
      } else {
        const r = await send<ImportCommitView>(
          urlOf(api.commitImport, {}),
          file,
          settings(withMapping),
          setProgress,
        );
        setDone(r);
        setPreview(null);
        await invalidate(qc, api.catalogue);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className="stack">
      <p className="no-print">
        <Link to={observatoryLink.href()}>
          <FormattedMessage id={W('back')} />
        </Link>
      </p>
      <PageHeader title={t('import.title')} description={t('import.intro')} />
      <Card title={<FormattedMessage id={W('import.file')} />}>
        <div className="stack">
          <div className="field">
            <label htmlFor={inputId}>
              <FormattedMessage id={W('import.file_label')} />
            </label>
            <input
              id={inputId}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fieldErrors.file ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setMapping(null);
                setDone(null);
              }}
            />
            {fieldErrors.file && <p className="field-error">{fieldErrors.file}</p>}
          </div>
          <div className="row">
            <TextField
              label={t('import.vintage')}
              description={t('import.vintage_hint')}
              value={vintage}
              onChange={setVintage}
              maxLength={60}
              error={fieldErrors.vintage}
              isRequired
            />
            <TextField
              label={t('import.geo_vintage')}
              description={t('import.geo_vintage_hint')}
              value={geoVintage}
              onChange={setGeoVintage}
              maxLength={60}
            />
            <Select
              label={t('import.format')}
              value={format}
              onChange={(v) => setFormat(v)}
              options={[
                { id: 'auto', label: t('import.format_auto') },
                ...IMPORT_FORMATS.map((f) => ({ id: f, label: t(`import.format_name.${f}`) })),
              ]}
            />
          </div>
          <Checkbox isSelected={skipUnknown} onChange={setSkipUnknown}>
            <FormattedMessage id={W('import.skip_unknown')} />
          </Checkbox>
          <div className="row">
            <Button variant="secondary" onPress={() => void run('preview', mapping)} isDisabled={busy}>
              <FormattedMessage id={W('import.preview')} />
            </Button>
          </div>
          {busy && <Progress progress={progress} />}
          <ErrorAlert error={error} />
          {done && (
            <Alert tone="success" title={t('import.done', { values: done.values, replaced: done.replaced })}>
              <Link to={observatoryLink.href()}>
                <FormattedMessage id={W('back')} />
              </Link>
            </Alert>
          )}
        </div>
      </Card>
      {preview && mapping && (
        <PreviewTables
          preview={preview}
          mapping={mapping}
          elements={catalogue.data.elements}
          busy={busy}
          onMapping={(m) => {
            setMapping(m);
            void run('preview', m);
          }}
          onCommit={() => void run('commit', mapping)}
        />
      )}
    </div>
  );
}
