import Type, { type Static } from 'typebox';

/**
 * Documents attached to a programme: which files are accepted, recognised from their own first bytes and
 * their extension together (never from what the browser claims), and the shape the API lists them in.
 * No HTML, SVG or script-bearing type is accepted, and files are always served as downloads.
 */

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

type Magic = 'pdf' | 'png' | 'jpeg' | 'zip' | 'ole';

/** Extension → media type and the signature its bytes must start with. */
export const DOCUMENT_TYPES: Record<string, { mediaType: string; magic: Magic }> = {
  pdf: { mediaType: 'application/pdf', magic: 'pdf' },
  png: { mediaType: 'image/png', magic: 'png' },
  jpg: { mediaType: 'image/jpeg', magic: 'jpeg' },
  jpeg: { mediaType: 'image/jpeg', magic: 'jpeg' },
  doc: { mediaType: 'application/msword', magic: 'ole' },
  xls: { mediaType: 'application/vnd.ms-excel', magic: 'ole' },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', magic: 'ole' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: 'zip',
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: 'zip' },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: 'zip',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: 'zip' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: 'zip' },
};

const SIGNATURES: Record<Magic, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

/**
 * A file name safe to store and to put in a Content-Disposition header: the last path segment, control
 * characters, quotes and separators replaced, at most 200 characters (keeping the extension).
 */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?;]/g, '_').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

export type DocumentCheck =
  | { ok: true; mediaType: string; filename: string }
  | {
      ok: false;
      code: 'network.programmes.errors.document_type' | 'network.programmes.errors.document_size';
    };

/** Whether a file may be attached: size within limits, an accepted extension and bytes that match it. */
export function checkDocument(filename: string, bytes: Uint8Array): DocumentCheck {
  if (bytes.length === 0 || bytes.length > DOCUMENT_MAX_BYTES)
    return { ok: false, code: 'network.programmes.errors.document_size' };
  const name = safeFilename(filename);
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  const type = DOCUMENT_TYPES[ext];
  if (!name || !type) return { ok: false, code: 'network.programmes.errors.document_type' };
  const sig = SIGNATURES[type.magic];
  if (bytes.length < sig.length || sig.some((b, i) => bytes[i] !== b))
    return { ok: false, code: 'network.programmes.errors.document_type' };
  return { ok: true, mediaType: type.mediaType, filename: name };
}

export const DocumentView = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
});
export type DocumentView = Static<typeof DocumentView>;

export const DocumentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid' }),
});
