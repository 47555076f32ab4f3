import { ApiError } from '../../../app/api';

/**
 * Sends one file as multipart/form-data, reporting the share already sent (0–1) while it goes, since
 * fetch() cannot report upload progress. Resolves with the JSON answer, rejects with an ApiError.
 */
export function uploadFile<T>(
  url: string,
  file: File,
  headers: Record<string, string>,
  onProgress: (sent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'errors.network', ''));
    xhr.onload = () => {
      let data: { error?: { code: string; message: string; fields?: [] } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const e = data?.error;
        reject(new ApiError(xhr.status, e?.code ?? 'errors.internal', e?.message ?? '', e?.fields ?? []));
      }
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
