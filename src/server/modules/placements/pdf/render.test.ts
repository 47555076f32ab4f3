import { describe, expect, it } from 'vitest';
import {
  type AgreementDocumentInput,
  agreementDocument,
  documentLanguages,
} from '../../../../common/placements/agreement-document';
import { catalogueTranslate, pageCount, pdfInfo, pdfText, sampleInput } from './fixtures.testing';
import { renderAgreementPdf } from './render';
import { isWinAnsi, toWinAnsi } from './win-ansi';

const creationDate = new Date('2026-11-23T10:15:00Z');
const render = (input: AgreementDocumentInput, language: 'fr' | 'nl', hostRegion: string, compress = false) =>
  renderAgreementPdf(agreementDocument(input, documentLanguages(language, hostRegion), catalogueTranslate), {
    creationDate,
    compress,
  });

describe('agreement PDF rendering', () => {
  it('writes an A4 PDF with its metadata: title, author, language, creation date', async () => {
    const pdf = await render(sampleInput(), 'nl', 'FR-HDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    expect(pdfInfo(pdf, 'Title')).toBe(
      'Overeenkomst voor een grensoverschrijdende werkplekstage / Convention de mise en situation professionnelle transfrontalière – 3F2A9C1B',
    );
    expect(pdfInfo(pdf, 'Author')).toBe('samen');
    expect(pdfInfo(pdf, 'CreationDate')).toBe('D:20261123101500Z');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (nl-BE)');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toContain('/BaseFont /Helvetica');
  });

  it('sets both languages side by side, numbers the pages and keeps accents, œ, ’, « » and €', async () => {
    const pdf = await render(sampleInput(), 'nl', 'FR-HDF');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toContain('Artikel 1 – De partijen');
    expect(text).toContain('Article 1 – Les parties');
    expect(text).toContain(`Pagina 1 van ${pages}`);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    expect(text).toContain('12 rue de l’Œuvre, 59100 Roubaix, France');
    expect(text).toContain('Chantier vélos « Pile », Robaais');
    expect(text).toContain('5 € par jour');
    expect(text).toContain('België');
    expect(text).not.toContain('?');
  });

  it('writes a single-language document with labels beside their values', async () => {
    const pdf = await render(sampleInput(), 'fr', 'FR-HDF');
    const text = pdfText(pdf);
    expect(pdf.toString('latin1')).toContain('/Lang (fr-BE)');
    expect(text).toContain('Article 1 – Les parties');
    expect(text).not.toContain('Artikel');
    expect(text).toMatch(/Page 1 sur \d/);
    expect(pdfInfo(pdf, 'Title')).toBe(
      'Convention de mise en situation professionnelle transfrontalière – 3F2A9C1B',
    );
  });

  it('is reproducible for a given creation date, and compressed by default', async () => {
    const a = await render(sampleInput(), 'fr', 'BE-VLG', true);
    const b = await render(sampleInput(), 'fr', 'BE-VLG', true);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(a.length).toBeLessThan((await render(sampleInput(), 'fr', 'BE-VLG')).length);
  });

  it('flows very long free text over several pages in both layouts', async () => {
    const tasks = `${'Tri, réparation et remise en état de vélos d’occasion. '.repeat(90)}Fin des missions.`;
    for (const [language, region] of [
      ['fr', 'FR-HDF'],
      ['nl', 'FR-HDF'],
    ] as const) {
      const short = pageCount(await render(sampleInput(), language, region));
      const pdf = await render(sampleInput({ tasks }), language, region);
      expect(pageCount(pdf)).toBeGreaterThan(short);
      expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('vélos d’occasion. Fin des missions.');
    }
  });
});

describe('WinAnsi text', () => {
  it('keeps French and Dutch letters and typography, and replaces what Helvetica cannot show', () => {
    expect(toWinAnsi('Été, œuvre, l’accès « ici » – 5 € · België, geïndividualiseerd')).toBe(
      'Été, œuvre, l’accès « ici » – 5 € · België, geïndividualiseerd',
    );
    // Intl's narrow no-break space (fr-FR "1 234,5") becomes a no-break space; other scripts show '?'.
    expect(toWinAnsi('1\u202f234,5')).toBe('1\u00a0234,5');
    expect(toWinAnsi('a\u2011b − c')).toBe('a-b - c');
    expect(toWinAnsi('Łódź 😀')).toBe('?ód? ?');
  });

  it('can write every message of the agreement-pdf catalogue in French and Dutch', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const lang of ['fr', 'nl']) {
      const messages: Record<string, string> = JSON.parse(
        readFileSync(
          join(import.meta.dirname, `../../../../i18n/placements/agreements/pdf/${lang}.json`),
          'utf8',
        ),
      );
      const bad = Object.entries(messages).filter(([, m]) => [...m].some((ch) => !isWinAnsi(ch)));
      expect(bad).toEqual([]);
    }
  });
});
