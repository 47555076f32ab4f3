import type { Client, TestApp } from '../support/app';

/** A multipart/form-data body: text fields first, then one file part (any bytes). */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; filename: string; bytes: Buffer; contentType?: string } | null,
) {
  const boundary = '----samen-fuzz-boundary-7d1f';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart body as a signed-in client. */
export function postMultipart(t: TestApp, c: Client, url: string, body: ReturnType<typeof multipart>) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'x-samen-language': 'en',
    },
  });
}
