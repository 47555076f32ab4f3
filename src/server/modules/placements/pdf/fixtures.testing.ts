import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { formattingLocale } from '../../../../common/i18n/locales';
import type { AgreementDocumentInput, Translate } from '../../../../common/placements/agreement-document';

/** Test helpers: this namespace's catalogue on its own, a sample agreement, and reading text back from a PDF. */

const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../../i18n/placements/agreements/pdf/${lang}.json`),
      'utf8',
    ),
  );
const catalogues = { fr: catalogue('fr'), nl: catalogue('nl') };

/** Formats like the server's t(), from the agreement-pdf catalogue only. */
export const catalogueTranslate: Translate = (language, key, values, country) => {
  const message = catalogues[language][key];
  if (message === undefined) return key;
  return String(new IntlMessageFormat(message, formattingLocale(language, country)).format(values));
};

export const sampleInput = (over: Partial<AgreementDocumentInput> = {}): AgreementDocumentInput => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'awaiting_signatures',
  version: 1,
  home: {
    nameFr: 'CPAS de Courtrai',
    nameNl: 'OCMW Kortrijk',
    country: 'BE',
    street: 'Budastraat 27',
    postalCode: '8500',
    municipality: { fr: 'Courtrai', nl: 'Kortrijk' },
    businessId: 'KBO 0212.345.678',
  },
  host: {
    nameFr: 'Atelier du Pile',
    nameNl: 'Atelier du Pile',
    country: 'FR',
    street: '12 rue de l’Œuvre',
    postalCode: '59100',
    municipality: { fr: 'Roubaix', nl: 'Robaais' },
    businessId: 'SIRET 123 456 789 00012',
  },
  person: { name: 'Lucie Fictivelle', birthDate: '1988-04-12', participantCode: 'ABCD-EFGH-JKLM' },
  signatory: 'person',
  representativeName: null,
  siteName: 'Chantier vélos « Pile »',
  siteMunicipality: { fr: 'Roubaix', nl: 'Robaais' },
  municipalityCode: 'FR-59512',
  programme: { fr: 'SAM – SAM Eurométropole', nl: 'SAM – SAM Eurometropool' },
  tasks: 'Réparation de vélos ; coût remboursé : 5 € par jour.',
  schedule: 'Lundi–jeudi 8 h 30–16 h',
  hoursPerWeek: 27.5,
  startsOn: '2027-01-04',
  endsOn: '2027-03-28',
  referentName: 'Camille Référente',
  tutor: { assigned: true, name: null },
  accidentInsuranceRef: 'ETHIAS-AT-123',
  liabilityInsuranceRef: null,
  sharedFields: ['identity', 'languages'],
  readerSide: 'home',
  basis: 'consent',
  signatures: [],
  generatedAt: new Date('2026-11-23T10:15:00Z'),
  ...over,
});

/** A PDFKit file's objects by number: the dictionary text, and the stream's bytes when it has one. */
function pdfObjects(pdf: Buffer): Map<string, { dict: string; stream: Buffer | null }> {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const streamAt = raw.indexOf('\nstream\n', start);
    const endAt = raw.indexOf('\nendobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = raw.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const from = streamAt + '\nstream\n'.length;
      objects.set(m[1] ?? '', { dict, stream: pdf.subarray(from, from + length) });
    } else objects.set(m[1] ?? '', { dict: raw.slice(start, endAt), stream: null });
  }
  return objects;
}

/** Glyph code to text, from a font's ToUnicode CMap (PDFKit writes bfrange arrays). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const r of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
    const from = Number.parseInt(r[1] ?? '0', 16);
    [...(r[2] ?? '').matchAll(/<([0-9a-f ]*)>/g)].forEach((e, i) => {
      const units = (e[1] ?? '').split(' ').map((u) => Number.parseInt(u, 16));
      map.set(from + i, String.fromCharCode(...units));
    });
  }
  return map;
}

/** One line of text as drawn: its page (from 0), font (F1…, bold or not), size and position on the page. */
export interface PdfRun {
  page: number;
  font: string;
  bold: boolean;
  size: number;
  /** From the left edge, and from the bottom of the page, as PDF coordinates go. */
  x: number;
  y: number;
  text: string;
}

/**
 * The text runs of an uncompressed PDFKit file, page by page: each TJ array is one line, decoded through
 * its font's ToUnicode map (embedded fonts write glyph numbers), kerning gaps dropped.
 */
export function pdfRuns(pdf: Buffer): PdfRun[] {
  const objects = pdfObjects(pdf);
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  const pagesTree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const pageIds = [
    ...(/\/Kids \[([^\]]*)\]/.exec(pagesTree?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g),
  ].map((k) => k[1] ?? '');
  const fonts = new Map<string, { bold: boolean; map: Map<number, string> | null }>();
  const runs: PdfRun[] = [];
  pageIds.forEach((pageId, page) => {
    const pageDict = objects.get(pageId)?.dict ?? '';
    const resources = objects.get(ref(pageDict, 'Resources') ?? '')?.dict ?? '';
    for (const f of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2] ?? '')?.dict ?? '';
      const cmap = objects.get(ref(font, 'ToUnicode') ?? '')?.stream;
      fonts.set(f[1] ?? '', {
        bold: /\/BaseFont \/[^\s/]*Bold/.test(font),
        map: cmap ? toUnicode(cmap.toString('latin1')) : null,
      });
    }
    const content = objects.get(ref(pageDict, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
    let font = '';
    let size = 0;
    let x = 0;
    let y = 0;
    const ops =
      /\/(F\d+) ([\d.]+) Tf|1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)*)\] TJ/g;
    for (const op of content.matchAll(ops)) {
      if (op[1]) [font, size] = [op[1], Number(op[2])];
      else if (op[3]) [x, y] = [Number(op[3]), Number(op[4])];
      else {
        const f = fonts.get(font);
        const hex = [...(op[5] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1] ?? '').join('');
        const text = f?.map
          ? (hex.match(/.{4}/g) ?? []).map((g) => f.map?.get(Number.parseInt(g, 16)) ?? '\u0000').join('')
          : Buffer.from(hex, 'hex').toString('latin1');
        runs.push({ page, font, bold: f?.bold ?? false, size, x, y, text });
      }
    }
  });
  return runs;
}

/** The text lines an uncompressed PDFKit file shows, in the order drawn. */
export const pdfText = (pdf: Buffer): string =>
  pdfRuns(pdf)
    .map((r) => r.text)
    .join('\n');

/** A string entry of the Info dictionary (Title, Author…), decoded from PDFKit's literal or UTF-16 form. */
export function pdfInfo(pdf: Buffer, key: string): string | null {
  const raw = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw);
  if (!ref) return null;
  const obj = new RegExp(`\\n${ref[1]} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(raw);
  if (!obj) return null;
  const bytes = Buffer.from(obj[1] ?? '', 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

export const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
