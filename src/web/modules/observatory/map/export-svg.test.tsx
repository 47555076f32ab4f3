import { describe, expect, it } from 'vitest';
import { standaloneSvg } from './export-svg';

describe('a map as a standalone SVG file', () => {
  it('keeps the drawing, adds a white background, the legend and the lines every export carries', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 640 400');
    svg.setAttribute('class', 'obs-map-svg');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M0,0L10,0L10,10Z');
    path.setAttribute('fill', '#2171b5');
    svg.appendChild(path);
    const out = standaloneSvg(svg, {
      legend: [{ colour: '#eff3ff', text: 'de 13,1 à 27,1' }],
      lines: [
        'Bénéficiaires d’un revenu minimum – Les deux côtés',
        `Réserve : ${'Le RSA se compte par foyer, le RIS par personne. '.repeat(4)}`,
      ],
    });
    expect(out.startsWith('<?xml')).toBe(true);
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out).toContain('fill="#2171b5"');
    expect(out).toContain('de 13,1 à 27,1');
    expect(out).toContain('Bénéficiaires d’un revenu minimum');
    expect(out).not.toContain('class="obs-map-svg"');
    // The long caveat is wrapped under the map, which grew to hold it.
    expect((out.match(/<text /g) ?? []).length).toBeGreaterThan(3);
    const viewBox = /viewBox="0 0 640 (\d+)"/.exec(out);
    expect(Number(viewBox?.[1])).toBeGreaterThan(400);
    // The page's own element is left untouched.
    expect(svg.getAttribute('viewBox')).toBe('0 0 640 400');
  });
});
