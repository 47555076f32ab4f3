import { useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { shapesEndpoints } from '../../../../common/observatory/endpoints';
import type { IndicatorMapView, MapCell, MapScale } from '../../../../common/observatory/map-schemas';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { downloadBlob, svgToPng } from './export-png';
import { downloadSvg, standaloneSvg } from './export-svg';
import { bounds, fitBox, isShape, type Position, pathOf, type Shape } from './projection';
import './map.css';

/** A median or stored rate across a merger: neither "no data" nor hidden, so drawn apart (light grey). */
const NOT_COMPARABLE = '#e6e6e6';

/** Sequential blues (ColorBrewer), lightest for the lowest class; indexed by class for 3 to 7 classes. */
const BLUES = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];
export function classColour(klass: number, classes: number): string {
  if (classes <= 1) return BLUES[3]!;
  const i = Math.round((klass * (BLUES.length - 1)) / (classes - 1));
  return BLUES[Math.min(BLUES.length - 1, Math.max(0, i))]!;
}

const WIDTH = 640;

/**
 * One map of an indicator, drawn offline from the stored boundaries: a colour per class for a rate, a
 * bubble per territory for a count; "no data" (white) and "suppressed" (hatched grey) drawn distinctly; a
 * territory without a boundary at its centroid; "not comparable after a merger" in light grey. Each shape
 * names its territory, its value and the old codes carried onto it on hover; for
 * keyboards and screen readers the map is one image whose alternative is the data table beside it.
 */
export function ChoroplethMap({
  view,
  scale,
  label,
  format,
  exportAs,
}: {
  view: IndicatorMapView;
  scale: MapScale;
  label: string;
  format: (cell: MapCell) => string;
  /** The file name and the lines every export carries (indicator, period, sources, caveat). */
  exportAs?: { filename: string; lines: string[] };
}) {
  const intl = useIntl();
  const svgRef = useRef<SVGSVGElement>(null);
  const [pngFailed, setPngFailed] = useState(false);
  const hatch = useId().replace(/:/g, '');
  const cells = view.cells.filter((c) => scale.country === 'all' || c.country === scale.country);
  const byCode = new Map(cells.map((c) => [c.code, c]));
  // The boundaries come apart from the values, under a key that changes with them: read once, kept.
  const key = view.shapesKey ?? '';
  const boundaries = useEndpoint(
    shapesEndpoints.shapes,
    { params: { key } },
    { enabled: !!key, staleTime: Infinity },
  );
  const geometries = useMemo(
    () => new Map((boundaries.data?.shapes ?? []).map((s) => [s.code, s.geometry])),
    [boundaries.data],
  );
  const shapes = view.shapes
    .filter((s) => byCode.has(s.code))
    .map((s) =>
      s.boundary && s.geometry === undefined ? { ...s, geometry: geometries.get(s.code) ?? null } : s,
    );
  // Drawn once the boundaries are there: centroids first, then shapes, would jump the frame.
  const waiting = !!key && boundaries.isPending;
  const drawn = useMemo(() => {
    const polys = shapes.flatMap((s) => (isShape(s.geometry) ? [s.geometry as Shape] : []));
    const points = shapes.flatMap((s) => (s.centroid ? [s.centroid as Position] : []));
    const box = bounds(polys, points);
    if (!box) return null;
    // A single point or a tiny area still gets a readable frame.
    const pad = 0.02;
    const project = fitBox([box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad], WIDTH);
    return { project };
  }, [shapes]);
  if (!drawn || waiting) return null;
  const { project } = drawn;
  // The breaks run from the lowest value to the highest: n + 1 of them for n classes.
  const classes = Math.max(1, scale.breaks.length - 1);
  const max = Math.max(1, ...cells.map((c) => (c.status === 'shown' ? Math.abs(c.value ?? 0) : 0)));
  const fill = (c: MapCell | undefined) =>
    !c || c.status === 'no_data'
      ? '#ffffff'
      : c.status === 'not_comparable'
        ? NOT_COMPARABLE
        : c.status !== 'shown'
          ? `url(#${hatch})`
          : view.kind === 'count'
            ? '#f4f4f4'
            : classColour(c.klass ?? 0, classes);
  const notComparable = cells.some((c) => c.status === 'not_comparable');
  // The map as a standalone SVG: its legend and the lines every export carries (both exports start here).
  const exported = () => {
    if (!svgRef.current || !exportAs) return null;
    const legend = [
      ...(view.kind === 'rate'
        ? Array.from({ length: classes }, (_, k) => ({
            colour: classColour(k, classes),
            text: legendLabel(intl, scale, k),
          }))
        : []),
      { colour: '#ffffff', text: intl.formatMessage({ id: 'observatory.map.no_data' }) },
      { colour: '#bdbdbd', text: intl.formatMessage({ id: 'observatory.map.suppressed' }) },
      ...(notComparable
        ? [{ colour: NOT_COMPARABLE, text: intl.formatMessage({ id: 'observatory.status.not_comparable' }) }]
        : []),
    ];
    return standaloneSvg(svgRef.current, { legend, lines: exportAs.lines });
  };
  return (
    <figure className="obs-map">
      {/* One image for assistive technology: the table below is its accessible alternative. */}
      <svg
        ref={svgRef}
        viewBox={`0 0 ${project.width} ${project.height}`}
        role="img"
        aria-label={`${label}. ${intl.formatMessage({ id: 'observatory.map.see_table' })}`}
        className="obs-map-svg"
      >
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#d9d9d9" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" strokeWidth="2" />
          </pattern>
        </defs>
        {shapes.map((s) => {
          const c = byCode.get(s.code);
          const remapped = c?.remappedFrom?.length
            ? ` – ${intl.formatMessage({ id: 'observatory.map.remapped' }, { codes: c.remappedFrom.join(', ') })}`
            : '';
          const name = c ? `${c.name}: ${format(c)}${remapped}` : s.code;
          if (isShape(s.geometry))
            return (
              <path
                key={s.code}
                d={pathOf(s.geometry, project)}
                fill={fill(c)}
                fillRule="evenodd"
                stroke="#5c6670"
                strokeWidth={0.4}
                className="obs-map-area"
              >
                <title>{name}</title>
              </path>
            );
          if (!s.centroid) return null;
          const [x, y] = project(s.centroid as Position);
          return (
            <circle
              key={s.code}
              cx={x}
              cy={y}
              r={5}
              fill={fill(c)}
              stroke="#5c6670"
              strokeWidth={0.4}
              className="obs-map-point"
            >
              <title>{name}</title>
            </circle>
          );
        })}
        {view.kind === 'count' &&
          cells
            .filter((c) => c.status === 'shown' && c.value !== null)
            .map((c) => {
              const s = shapes.find((x) => x.code === c.code);
              if (!s?.centroid) return null;
              const [x, y] = project(s.centroid as Position);
              const r = 3 + 22 * Math.sqrt(Math.abs(c.value ?? 0) / max);
              return (
                <circle
                  key={`b-${c.code}`}
                  cx={x}
                  cy={y}
                  r={r}
                  fill="rgba(33, 113, 181, 0.55)"
                  stroke="#084594"
                  strokeWidth={0.8}
                  className="obs-map-bubble"
                />
              );
            })}
      </svg>
      <figcaption className="obs-map-legend">
        {view.kind === 'rate' && (
          <ul aria-label={intl.formatMessage({ id: 'observatory.map.legend' })}>
            {Array.from({ length: classes }, (_, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the classes, in order
              <li key={k}>
                <span className="swatch" style={{ background: classColour(k, classes) }} aria-hidden="true" />
                {legendLabel(intl, scale, k)}
              </li>
            ))}
          </ul>
        )}
        <ul>
          <li>
            <span className="swatch swatch-no-data" aria-hidden="true" />
            {intl.formatMessage({ id: 'observatory.map.no_data' })}
          </li>
          <li>
            <span className="swatch swatch-suppressed" aria-hidden="true" />
            {intl.formatMessage({ id: 'observatory.map.suppressed' })}
          </li>
          {notComparable && (
            <li>
              <span className="swatch" style={{ background: NOT_COMPARABLE }} aria-hidden="true" />
              {intl.formatMessage({ id: 'observatory.status.not_comparable' })}
            </li>
          )}
        </ul>
        {exportAs && (
          <div className="row no-print">
            <Button
              variant="secondary"
              onPress={() => {
                const text = exported();
                if (text) downloadSvg(exportAs.filename, text);
              }}
            >
              {intl.formatMessage({ id: 'observatory.map.export_svg' })}
            </Button>
            <Button
              variant="secondary"
              onPress={async () => {
                const text = exported();
                if (!text) return;
                setPngFailed(false);
                try {
                  downloadBlob(exportAs.filename.replace(/\.svg$/, '') + '.png', await svgToPng(text));
                } catch {
                  // A browser that cannot draw the SVG on a canvas: the SVG export still works.
                  setPngFailed(true);
                }
              }}
            >
              {intl.formatMessage({ id: 'observatory.map.export_png' })}
            </Button>
            {pngFailed && (
              <span role="alert" className="description">
                {intl.formatMessage({ id: 'observatory.map.export_png_failed' })}
              </span>
            )}
          </div>
        )}
      </figcaption>
    </figure>
  );
}

function legendLabel(intl: ReturnType<typeof useIntl>, scale: MapScale, k: number): string {
  const n = (v: number) => intl.formatNumber(v, { maximumFractionDigits: 1 });
  const lower = scale.breaks[k];
  const upper = scale.breaks[k + 1];
  if (lower === undefined) return intl.formatMessage({ id: 'observatory.map.all' });
  if (upper === undefined || upper === lower) return n(lower);
  return intl.formatMessage({ id: 'observatory.map.between' }, { from: n(lower), to: n(upper) });
}
