import { ApiError } from './api';

/** Saves a blob as a file, as a link the person clicked would. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(href);
}

/**
 * Downloads a file the API builds (an export, a PDF) and saves it, so that a refusal shows as an error on
 * the page instead of a JSON page in a new tab. `init` adds to the same-origin request (a POST body that
 * keeps a token out of the URL, for instance).
 */
export async function downloadFile(
  url: string,
  language: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; fallbackName?: string } = {},
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        'x-samen-language': language,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError(0, 'errors.network', '');
  }
  if (!res.ok) {
    const data = res.headers.get('content-type')?.includes('application/json') ? await res.json() : null;
    throw new ApiError(res.status, data?.error?.code ?? 'errors.internal', data?.error?.message ?? '');
  }
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
    init.fallbackName ??
    'export';
  saveBlob(await res.blob(), name);
}
