import { type ReactNode, useId, useState } from 'react';
import { api } from '../api';

/** Sends one file as the multipart field `file` (the API's upload routes all read it so). */
export function postFile<T = unknown>(href: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<T>('POST', href, body);
}

/**
 * A file sent as soon as it is chosen: a labelled file input, disabled while the upload runs and emptied
 * after it, with a status line meanwhile. The caller sends (`onFile`) and shows its own errors; the server
 * checks type, size and name.
 */
export function FileUploadField({
  label,
  ariaLabel,
  labelClassName,
  accept,
  uploading,
  onFile,
}: {
  label: ReactNode;
  /** A longer accessible name than the visible label (e.g. which item the file is for). */
  ariaLabel?: string;
  labelClassName?: string;
  accept: string;
  uploading?: ReactNode;
  onFile: (file: File) => Promise<void>;
}) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <div className="field no-print">
      <label htmlFor={inputId} className={labelClassName}>
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        accept={accept}
        disabled={busy}
        aria-label={ariaLabel}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setBusy(true);
          void onFile(file).finally(() => {
            setBusy(false);
            input.value = '';
          });
        }}
      />
      {busy && uploading && (
        <span className="muted" role="status">
          {uploading}
        </span>
      )}
    </div>
  );
}
