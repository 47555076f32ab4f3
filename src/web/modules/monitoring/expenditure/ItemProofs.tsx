import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  type ProofView,
  expenditureProofEndpoints as proofsApi,
} from '../../../../common/monitoring/expenditure-proof-endpoints';
import { PROOF_MAX_BYTES } from '../../../../common/monitoring/expenditure-proofs';
import type { ItemView } from '../../../../common/monitoring/expenditure-schemas';
import { DOCUMENT_TYPES } from '../../../../common/network/programme-documents';
import { ApiError } from '../../../app/api';
import { call, hrefOf, invalidate, useEndpoint } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { FileUploadField, postFile } from '../../../app/ui/FileUploadField';
import { ErrorAlert } from '../../../app/ui/feedback';

const ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');
const E = (code: string) => `monitoring.expenditure.errors.${code}`;

/** The declaration's proof files (one request for every row: the rows share the cached answer). */
export function useProofs(declarationId: string) {
  const q = useEndpoint(proofsApi.list, { params: { id: declarationId } });
  return q.data?.proofs ?? [];
}

/**
 * An item's proof: its reference, and its files — downloads for whoever sees the declaration (the partner,
 * the lead once submitted), and while the declaration is a draft, attaching and removing for the partner.
 */
export function ItemProofs({
  declarationId,
  item,
  canEdit,
  label,
}: {
  declarationId: string;
  item: ItemView;
  canEdit: boolean;
  label: string;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const client = useQueryClient();
  const files = useProofs(declarationId).filter((p) => p.itemId === item.id);
  const [error, setError] = useState<unknown>(null);
  const message = (code: string) => new ApiError(400, E(code), intl.formatMessage({ id: E(code) }));

  const upload = async (file: File) => {
    setError(null);
    // The server decides from the bytes; these checks only spare a useless upload.
    const ext = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
    if (!DOCUMENT_TYPES[ext]) return setError(message('proof_type'));
    if (file.size === 0) return setError(message('proof_empty'));
    if (file.size > PROOF_MAX_BYTES) return setError(message('proof_size'));
    try {
      await postFile(hrefOf(proofsApi.upload, { params: { id: declarationId, itemId: item.id } }), file);
      await invalidate(client, proofsApi.list);
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (p: ProofView) => {
    setError(null);
    try {
      await call(proofsApi.remove, { params: { id: declarationId, proofId: p.id } });
      await invalidate(client, proofsApi.list);
    } catch (e) {
      setError(e);
    }
  };
  const download = async (p: ProofView) => {
    setError(null);
    try {
      await downloadFile(hrefOf(proofsApi.file, { params: { id: declarationId, proofId: p.id } }), language, {
        fallbackName: p.filename,
      });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      {item.proofRef && <span>{item.proofRef}</span>}
      {files.length > 0 && (
        <>
          <span className="muted">
            <FormattedMessage id="monitoring.expenditure.proofs.count" values={{ count: files.length }} />
          </span>
          <ul className="stack">
            {files.map((p) => (
              <li key={p.id} className="row">
                <Button
                  variant="ghost"
                  aria-label={intl.formatMessage(
                    { id: 'monitoring.expenditure.proofs.download' },
                    { name: p.filename },
                  )}
                  onPress={() => void download(p)}
                >
                  {p.filename}
                </Button>
                {canEdit && (
                  <Button
                    variant="ghost"
                    className="no-print"
                    aria-label={intl.formatMessage(
                      { id: 'monitoring.expenditure.proofs.remove' },
                      { name: p.filename },
                    )}
                    onPress={() => void remove(p)}
                  >
                    ✕
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {!item.proofRef && files.length === 0 && !canEdit && <span>—</span>}
      {canEdit && (
        <FileUploadField
          label={<FormattedMessage id="monitoring.expenditure.proofs.attach" />}
          labelClassName="muted"
          ariaLabel={intl.formatMessage({ id: 'monitoring.expenditure.proofs.attach_to' }, { what: label })}
          accept={ACCEPT}
          uploading={<FormattedMessage id="monitoring.expenditure.proofs.uploading" />}
          onFile={upload}
        />
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
