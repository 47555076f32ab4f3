import { checkDocument, DOCUMENT_MAX_BYTES, safeFilename } from '../network/programme-documents';

/**
 * Proof files of expenditure items (ADR 0018, amendment "proof files"): the same types and size as
 * programme documents, recognised from their own bytes and extension (checkDocument), and a name that is
 * refused — not silently repaired — when it carries control characters.
 */

export const PROOF_MAX_BYTES = DOCUMENT_MAX_BYTES;
export const PROOFS_PER_ITEM = 10;

export type ProofErrorCode = 'proof_empty' | 'proof_size' | 'proof_name' | 'proof_type';
export type ProofCheck =
  | { ok: true; mediaType: string; filename: string }
  | { ok: false; code: ProofErrorCode };

/** Whether a file may be attached as a proof: not empty, at most 10 MB, a clean name, an accepted type. */
export function checkProof(filename: string, bytes: Uint8Array): ProofCheck {
  if (bytes.length === 0) return { ok: false, code: 'proof_empty' };
  if (bytes.length > PROOF_MAX_BYTES) return { ok: false, code: 'proof_size' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(filename) || !safeFilename(filename))
    return { ok: false, code: 'proof_name' };
  const check = checkDocument(filename, bytes);
  if (!check.ok) return { ok: false, code: 'proof_type' };
  return check;
}
