import type { Ref } from 'react';

/**
 * A line chart as an inline SVG: the periods along the bottom, one line per series, a gap where a point
 * is hidden or missing (never a line drawn through it). Colours are set as attributes so that the
 * exported file needs no stylesheet. The data table next to it is the accessible alternative.
 */

export const LINE_COLOURS = ['#1f5fa8', '#c2571a', '#3c7d3a'];
const W = 560;
const H = 220;
const PAD = { left: 56, right: 16, top: 14, bottom: 28 };

export interface ChartLine {
  label: string;
  values: Array<number | null>;
}

export function LineChart({
  periods,
  lines,
  label,
  format,
  svgRef,
}: {
  periods: string[];
  lines: ChartLine[];
  label: string;
  format: (v: number) => string;
  svgRef: Ref<SVGSVGElement>;
}) {
  const all = lines.flatMap((l) => l.values.filter((v): v is number => v !== null));
  const max = all.length ? Math.max(...all) : 1;
  const min = all.length ? Math.min(0, ...all) : 0;
  const span = max - min || 1;
  const x = (i: number) =>
    PAD.left +
    (periods.length <= 1
      ? (W - PAD.left - PAD.right) / 2
      : (i * (W - PAD.left - PAD.right)) / (periods.length - 1));
  const y = (v: number) => PAD.top + (1 - (v - min) / span) * (H - PAD.top - PAD.bottom);
  const ticks = [min, min + span / 2, max];
  return (
    <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="obs-chart">
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#d0d5da" strokeWidth={0.6} />
          <text
            x={PAD.left - 6}
            y={y(t) + 4}
            textAnchor="end"
            fontSize={10}
            fill="#40464d"
            fontFamily="DejaVu Sans, sans-serif"
          >
            {format(t)}
          </text>
        </g>
      ))}
      {periods.map((p, i) => (
        <text
          key={p}
          x={x(i)}
          y={H - 8}
          textAnchor="middle"
          fontSize={10}
          fill="#40464d"
          fontFamily="DejaVu Sans, sans-serif"
        >
          {p}
        </text>
      ))}
      {lines.map((l, k) => {
        const colour = LINE_COLOURS[k % LINE_COLOURS.length]!;
        // Runs of consecutive known points: a hidden point breaks the line.
        const runs: Array<Array<[number, number]>> = [[]];
        l.values.forEach((v, i) => {
          if (v === null) runs.push([]);
          else runs.at(-1)!.push([x(i), y(v)]);
        });
        return (
          <g key={l.label}>
            {runs
              .filter((r) => r.length > 1)
              .map((r) => (
                <polyline
                  key={r[0]!.join()}
                  points={r.map((pt) => pt.join(',')).join(' ')}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2}
                />
              ))}
            {l.values.map((v, i) =>
              v === null ? null : <circle key={periods[i]} cx={x(i)} cy={y(v)} r={3.5} fill={colour} />,
            )}
          </g>
        );
      })}
    </svg>
  );
}
