import { ApiError, apiHeaders } from '../../../app/api';

/** Where an upload is: sending the file (a fraction from 0 to 1), then the server reading it. */
export type UploadProgress = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

/**
 * POSTs a multipart body with XMLHttpRequest, whose upload events say how much of the file has left (fetch
 * gives no upload progress); answers like api(): the JSON answer, or an ApiError already translated.
 */
export function uploadWithProgress<T>(
  href: string,
  body: FormData,
  onProgress: (p: UploadProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', href);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress({ phase: 'uploading', fraction: e.loaded / e.total });
    };
    // All sent: the server now reads and checks the file.
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new ApiError(0, 'errors.network', ''));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; fields?: [] } } | null = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const e = data?.error;
        reject(new ApiError(xhr.status, e?.code ?? 'errors.internal', e?.message ?? '', e?.fields ?? []));
      }
    };
    xhr.send(body);
  });
}
