import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The typeface the agreement is printed in: DejaVu Sans (Bitstream Vera licence, DejaVu changes in the
 * public domain), from the dejavu-fonts-ttf package. PDFKit's built-in Helvetica only writes WinAnsi, so a
 * name such as "Łukasz" or "Ștefan" printed as "?"; DejaVu covers the whole Latin Extended range. PDFKit
 * embeds only the glyphs a document uses, and names the subset from the font's id, so the output stays
 * reproducible.
 */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique' } as const;

const FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  Sans: 'DejaVuSans.ttf',
  'Sans-Bold': 'DejaVuSans-Bold.ttf',
  'Sans-Oblique': 'DejaVuSans-Oblique.ttf',
};

const require = createRequire(import.meta.url);
let loaded: Map<string, Buffer> | null = null;

/** The font files, read once per process. */
function fontFiles(): Map<string, Buffer> {
  loaded ??= new Map(
    Object.entries(FILES).map(([name, file]) => [
      name,
      readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
    ]),
  );
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
}

/** Line breaks as PDFKit expects them; a tab would print as a missing glyph. */
export const printable = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
