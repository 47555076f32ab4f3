import { describe, expect, it } from 'vitest';
import {
  type AgreementDocumentInput,
  agreementDocument,
  documentLanguages,
} from '../../../../common/placements/agreement-document';
import { catalogueTranslate, pageCount, pdfInfo, pdfRuns, pdfText, sampleInput } from './fixtures.testing';
import { renderAgreementPdf } from './render';

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
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
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
    expect(text.replace(/\s+/g, ' ')).toContain('5 € par jour');
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

describe('languages and names (issue 9, item 7)', () => {
  const MARGIN = 56;
  const texts = {
    tasks: { fr: 'Réparation de vélos et accueil des clients', nl: 'Fietsen herstellen en klanten onthalen' },
    schedule: { fr: 'Lundi–jeudi 8 h 30–16 h', nl: null },
  };

  it('prints each column in its own language, and marks text that exists only in the other one', async () => {
    const runs = pdfRuns(await render(sampleInput({ texts }), 'nl', 'FR-HDF'));
    const run = (text: string) => runs.find((r) => r.text.includes(text));
    // Dutch on the left, French on the right, each on the same line as the other.
    expect(run('Fietsen herstellen')?.x).toBe(MARGIN);
    expect(run('Réparation de vélos et accueil')?.x).toBeGreaterThan(MARGIN + 200);
    expect(run('Réparation de vélos et accueil')?.y).toBe(run('Fietsen herstellen')?.y);
    // The schedule exists in French only: the Dutch column says so, in Dutch, beside the French text.
    const mark = run('[Tekst alleen in het Frans beschikbaar]');
    const schedule = run('Lundi–jeudi 8 h 30–16 h');
    expect(mark?.x).toBe(MARGIN);
    expect(schedule?.x).toBeGreaterThan(MARGIN + 200);
    expect(Math.abs((mark?.y ?? 0) - (schedule?.y ?? 99))).toBeLessThan(2);
    // No French free text in the Dutch column.
    expect(runs.filter((r) => r.x === MARGIN && /Réparation|Lundi/.test(r.text))).toEqual([]);
  });

  it('embeds a font that prints every name, Ł, ő, ș and č included', async () => {
    const name = 'Łucja Ősz-Ștefănescu Čapek';
    const pdf = await render(
      sampleInput({ person: { name, birthDate: '1988-04-12', participantCode: null } }),
      'nl',
      'FR-HDF',
    );
    const text = pdfText(pdf);
    expect(text).toContain(`${name}\n${name}`);
    // '?' was Helvetica's stand-in; U+0000 is what the font's .notdef glyph reads back as.
    expect(text).not.toContain('?');
    expect(text).not.toContain('\u0000');
    expect(pdfInfo(pdf, 'Title')).toContain('Overeenkomst');
  });

  it('has a glyph for every message of the agreement-pdf catalogue in French and Dutch', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const lang of ['fr', 'nl'] as const) {
      const messages: Record<string, string> = JSON.parse(
        readFileSync(
          join(import.meta.dirname, `../../../../i18n/placements/agreements/pdf/${lang}.json`),
          'utf8',
        ),
      );
      const all = Object.values(messages).join(' ');
      const text = pdfText(await render(sampleInput({ tasks: all }), lang, 'FR-HDF'));
      expect(text).not.toContain('\u0000');
      expect(text.replace(/\s+/g, '')).toContain(all.replace(/\s+/g, '').slice(0, 400));
    }
  });
});

describe('page breaks', () => {
  const sentence = 'Tri, réparation et remise en état de vélos d’occasion. ';
  /** Runs of the page body: page footers (under the bottom margin) left out. */
  const bodyRuns = async (n: number, language: 'fr' | 'nl') =>
    pdfRuns(await render(sampleInput({ tasks: sentence.repeat(n) || null }), language, 'FR-HDF')).filter(
      (r) => r.y > 50,
    );

  it('keeps the signature block on one page and every label or heading with what follows, at any length', async () => {
    for (const language of ['nl', 'fr'] as const)
      for (let n = 0; n <= 64; n += 4) {
        const runs = await bodyRuns(n, language);
        const where = `${language}, ${n} sentences`;
        // The block: its heading, the three roles and their statuses (French in either layout).
        const block = runs.filter((r) =>
          [
            'Signatures',
            'La personne',
            'Pour le centre d’origine',
            'Pour l’organisation d’accueil',
            'Signature pas encore demandée',
          ].includes(r.text.trim()),
        );
        expect(block.length, where).toBe(7);
        expect(new Set(block.map((r) => r.page)).size, where).toBe(1);
        // A bold run (title, heading, subheading, label) is followed by its text on the same page.
        runs.forEach((r, i) => {
          if (!r.bold) return;
          const next = runs.slice(i + 1).find((x) => !x.bold);
          expect(next?.page, `${where}: "${r.text}" on page ${r.page + 1}`).toBe(r.page);
        });
      }
  }, 120_000);
});
