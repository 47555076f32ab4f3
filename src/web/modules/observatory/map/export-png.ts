import { saveBlob } from '../../../app/download';

/**
 * A standalone SVG (see export-svg.ts) rasterised to PNG in the browser: the SVG is drawn on a canvas at
 * `scale` times its size (2: sharp enough for a slide or a printed report). No server round trip, so a
 * map or chart never leaves the analyst's machine to become an image.
 */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const tag = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const attr = (name: string, fallback: number) =>
    Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(tag)?.[1] ?? fallback);
  const width = attr('width', 640);
  const height = attr('height', 480);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg_not_drawable'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no_canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png_failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a file to download (an SVG's text or a PNG's bytes). */
export const downloadBlob = (filename: string, blob: Blob) => saveBlob(blob, filename);
