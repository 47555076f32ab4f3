import { describe, expect, it } from 'vitest';
import { checkProof, PROOF_MAX_BYTES } from './expenditure-proofs';

const PDF = new TextEncoder().encode('%PDF-1.7\nfictional invoice\n');

describe('checkProof', () => {
  it('accepts a PDF recognised from its bytes, keeping its name', () => {
    expect(checkProof('Factuur NB-2025-0412.pdf', PDF)).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      filename: 'Factuur NB-2025-0412.pdf',
    });
  });

  it('refuses empty, oversized, badly named and disguised files', () => {
    expect(checkProof('a.pdf', new Uint8Array())).toEqual({ ok: false, code: 'proof_empty' });
    expect(checkProof('a.pdf', new Uint8Array(PROOF_MAX_BYTES + 1))).toEqual({
      ok: false,
      code: 'proof_size',
    });
    expect(checkProof('fac\u0007tuur.pdf', PDF)).toEqual({ ok: false, code: 'proof_name' });
    expect(checkProof('factuur\n.pdf', PDF)).toEqual({ ok: false, code: 'proof_name' });
    expect(checkProof('dir/', PDF)).toEqual({ ok: false, code: 'proof_name' });
    expect(checkProof('page.pdf', new TextEncoder().encode('<html><script>1</script>'))).toEqual({
      ok: false,
      code: 'proof_type',
    });
    expect(checkProof('page.html', PDF)).toEqual({ ok: false, code: 'proof_type' });
  });
});
