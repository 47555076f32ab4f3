import type { FastifyReply } from 'fastify';

/** A file name as a quoted header parameter can carry it: letters, digits, dot, dash and underscore. */
export const asciiFilename = (name: string) => name.replace(/[^\w.-]/g, '_');

/**
 * Sends a file someone uploaded (a programme document, an expenditure proof) so that the browser never
 * renders it: a download under its name, its recorded type, no sniffing, a sandbox if opened anyway.
 */
export function sendUploadedFile(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; content: Buffer | Uint8Array },
) {
  const ascii = asciiFilename(file.filename);
  return reply
    .header('content-type', file.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
