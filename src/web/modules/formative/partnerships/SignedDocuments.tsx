import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import type { PartnershipView } from '../../../../common/formative/schemas';
import { programmesApi } from '../../../../common/network/endpoints';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from '../../../../common/network/programme-documents';
import { ApiError } from '../../../app/api';
import { call, hrefOf, invalidate } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FileUploadField, postFile } from '../../../app/ui/FileUploadField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { Card } from '../../../app/ui/layout';
import { useFormativeWords } from './words';

const ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/**
 * The signed convention and funding order: documents of the partnership's programme, downloaded by both
 * parties (the programme's partners), attached or detached by the lead's coordinator.
 */
export function SignedDocuments({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const intl = useIntl();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const id = v.partnership.id;
  const programmeId = v.partnership.programme.id;
  const refresh = () => invalidate(client, api.view, programmesApi.get);
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? intl.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
      : intl.formatNumber(bytes / (1024 * 1024), {
          style: 'unit',
          unit: 'megabyte',
          maximumFractionDigits: 1,
        });
  // The server decides from the bytes; this only spares a useless upload.
  const refused = (file: File) => {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    const code = !DOCUMENT_TYPES[ext]
      ? 'network.programmes.errors.document_type'
      : file.size === 0 || file.size > DOCUMENT_MAX_BYTES
        ? 'network.programmes.errors.document_size'
        : null;
    return code ? new ApiError(400, code, intl.formatMessage({ id: code })) : null;
  };

  return (
    <Card title={w.doc('title')}>
      <p className="muted">{w.doc('intro')}</p>
      <ErrorAlert error={error} />
      <ul className="formative-modules">
        {v.documents.map((d) => {
          const kind = w.doc(`kind.${d.kind}`);
          return (
            <li key={d.kind} className="formative-module">
              <h3>{kind}</h3>
              {d.document ? (
                <p>
                  <a
                    href={hrefOf(programmesApi.documentFile, {
                      params: { id: programmeId, documentId: d.document.id },
                    })}
                    download
                  >
                    {d.document.filename}
                  </a>{' '}
                  <span className="muted">
                    {w.doc('meta', { size: size(d.document.sizeBytes), day: f.day(d.document.createdAt) })}
                  </span>
                </p>
              ) : (
                <p className="muted">{w.doc('none')}</p>
              )}
              {v.me.canAttach && (
                <div className="row">
                  <FileUploadField
                    label={w.doc('file')}
                    ariaLabel={w.doc('file_of', { kind })}
                    accept={ACCEPT}
                    uploading={w.doc('uploading')}
                    onFile={async (file) => {
                      const problem = refused(file);
                      setError(problem);
                      if (problem) return;
                      try {
                        await postFile(hrefOf(api.attachDocument, { params: { id, kind: d.kind } }), file);
                        await refresh();
                      } catch (e) {
                        setError(e);
                      }
                    }}
                  />
                  {d.document && (
                    <Button
                      variant="ghost"
                      aria-label={w.doc('detach_of', { name: d.document.filename })}
                      onPress={async () => {
                        setError(null);
                        try {
                          await call(api.detachDocument, { params: { id, kind: d.kind } });
                          await refresh();
                        } catch (e) {
                          setError(e);
                        }
                      }}
                    >
                      {w.doc('detach')}
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {v.me.canAttach && (
        <p className="description">
          {w.doc('hint')} {w.doc('detached_note')}
        </p>
      )}
    </Card>
  );
}
