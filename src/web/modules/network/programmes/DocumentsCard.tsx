import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmesApi } from '../../../../common/network/endpoints';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  type DocumentView,
} from '../../../../common/network/programme-documents';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { ApiError, api } from '../../../app/api';
import { call, hrefOf, invalidate } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';

const ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** The programme's documents for its partners: downloads for all of them, upload and removal for the lead. */
export function DocumentsCard({ p }: { p: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const client = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const message = (id: string) => new ApiError(400, id, intl.formatMessage({ id }));
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? intl.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
      : intl.formatNumber(bytes / (1024 * 1024), {
          style: 'unit',
          unit: 'megabyte',
          maximumFractionDigits: 1,
        });

  const upload = async () => {
    setError(null);
    // The server decides from the bytes; these checks only spare a useless upload.
    const ext = file?.name.split('.').pop()?.toLowerCase() ?? '';
    if (!file) return setError(message('network.programmes.errors.document_missing'));
    if (!DOCUMENT_TYPES[ext]) return setError(message('network.programmes.errors.document_type'));
    if (file.size === 0 || file.size > DOCUMENT_MAX_BYTES)
      return setError(message('network.programmes.errors.document_size'));
    const body = new FormData();
    body.append('file', file, file.name);
    setBusy(true);
    try {
      await api('POST', hrefOf(programmesApi.uploadDocument, { params: { id: p.id } }), body);
      setFile(null);
      await invalidate(client, programmesApi.get);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (d: DocumentView) => {
    setError(null);
    try {
      await call(programmesApi.deleteDocument, { params: { id: p.id, documentId: d.id } });
      await invalidate(client, programmesApi.get);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card title={<FormattedMessage id="network.programmes.documents.title" />}>
      {!p.seesMilestones && (
        <p className="muted">
          <FormattedMessage id="network.programmes.documents.partners_only" />
        </p>
      )}
      {p.seesMilestones && p.documents.length === 0 && (
        <p className="muted">
          <FormattedMessage id="network.programmes.documents.none" />
        </p>
      )}
      <ErrorAlert error={error} />
      {p.documents.length > 0 && (
        <ul className="stack">
          {p.documents.map((d) => (
            <li key={d.id} className="row">
              <a
                href={hrefOf(programmesApi.documentFile, { params: { id: p.id, documentId: d.id } })}
                download
              >
                {d.filename}
              </a>
              <span className="muted">
                {size(d.sizeBytes)} · {f.date(d.createdAt.slice(0, 10))}
              </span>
              {p.canEdit && (
                <Button variant="ghost" className="no-print" onPress={() => void remove(d)}>
                  {intl.formatMessage({ id: 'network.programmes.documents.remove' }, { name: d.filename })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit && (
        <div className="stack no-print">
          <div className="field">
            <label htmlFor={inputId}>
              <FormattedMessage id="network.programmes.documents.file" />
            </label>
            <input
              id={inputId}
              type="file"
              accept={ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p className="description">
              <FormattedMessage id="network.programmes.documents.hint" />
            </p>
          </div>
          <div className="row">
            <Button onPress={() => void upload()} isDisabled={busy}>
              <FormattedMessage id="network.programmes.documents.upload" />
            </Button>
          </div>
          {busy && (
            <Alert tone="info" title={<FormattedMessage id="network.programmes.documents.uploading" />} />
          )}
        </div>
      )}
    </Card>
  );
}
