/**
 * A map as a standalone SVG file: the drawn map (its colours set as attributes, so no stylesheet is
 * needed), a white background, and under it the legend and what every export carries (indicator, period,
 * sources, vintages, caveat), wrapped to the map's width.
 */
const NS = 'http://www.w3.org/2000/svg';
const LINE = 15;

function wrap(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export function standaloneSvg(
  svg: SVGSVGElement,
  caption: { legend: Array<{ colour: string; text: string }>; lines: string[] },
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , width = 640, height = 480] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const doc = copy.ownerDocument;
  const el = (name: string, attrs: Record<string, string | number>) => {
    const e = doc.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const chars = Math.max(40, Math.floor(width / 6.2));
  const text = caption.lines.flatMap((l) => wrap(l, chars));
  const total = height + 12 + (caption.legend.length + text.length) * LINE + 8;
  copy.setAttribute('xmlns', NS);
  copy.setAttribute('viewBox', `0 0 ${width} ${total}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(total));
  copy.removeAttribute('class');
  copy.insertBefore(el('rect', { x: 0, y: 0, width, height: total, fill: '#ffffff' }), copy.firstChild);
  let y = height + 12;
  for (const item of caption.legend) {
    copy.appendChild(
      el('rect', { x: 8, y: y - 9, width: 14, height: 10, fill: item.colour, stroke: '#5c6670' }),
    );
    const t = el('text', {
      x: 28,
      y,
      'font-family': 'DejaVu Sans, sans-serif',
      'font-size': 11,
      fill: '#1f2328',
    });
    t.textContent = item.text;
    copy.appendChild(t);
    y += LINE;
  }
  for (const line of text) {
    const t = el('text', {
      x: 8,
      y,
      'font-family': 'DejaVu Sans, sans-serif',
      'font-size': 11,
      fill: '#1f2328',
    });
    t.textContent = line;
    copy.appendChild(t);
    y += LINE;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function downloadSvg(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
