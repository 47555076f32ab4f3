import { ApiError } from '../../../app/api';

/**
 * Downloads a file the API builds (an export) with the session cookie, so that a refusal shows as an
 * error on the page instead of a JSON page in a new tab.
 */
export async function downloadFile(url: string, language: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'x-samen-language': language } });
  } catch {
    throw new ApiError(0, 'errors.network', '');
  }
  if (!res.ok) {
    const data = res.headers.get('content-type')?.includes('application/json') ? await res.json() : null;
    throw new ApiError(res.status, data?.error?.code ?? 'errors.internal', data?.error?.message ?? '');
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(href);
}
