import type { Ref } from 'react';
import type { RankingEntry } from '../../../../../common/observatory/board-chart-schemas';

/**
 * A ranking as horizontal bars in an inline SVG, highest first; the hidden territories at the end, with
 * a mark and no bar (their value is not known here). The data table beside it is the accessible
 * alternative.
 */

const W = 560;
const ROW = 18;
const LABEL = 190;
const VALUE = 70;

export function RankingChart({
  entries,
  label,
  format,
  hiddenMark,
  svgRef,
}: {
  entries: RankingEntry[];
  label: string;
  format: (v: number) => string;
  hiddenMark: string;
  svgRef: Ref<SVGSVGElement>;
}) {
  const max = Math.max(0, ...entries.map((e) => e.value ?? 0)) || 1;
  const H = entries.length * ROW + 8;
  const text = { fontSize: 10, fill: '#1f2328', fontFamily: 'DejaVu Sans, sans-serif' };
  return (
    <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="obs-chart">
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      {entries.map((e, i) => {
        const top = 4 + i * ROW;
        const name = e.name.length > 30 ? `${e.name.slice(0, 29)}…` : e.name;
        return (
          <g key={e.code}>
            <text x={LABEL - 6} y={top + 12} textAnchor="end" {...text}>
              {e.rank === null ? '' : `${e.rank}. `}
              {name}
            </text>
            {e.value === null ? (
              <text x={LABEL} y={top + 12} {...text} fill="#6b7280" fontStyle="italic">
                {hiddenMark}
              </text>
            ) : (
              <>
                <rect
                  x={LABEL}
                  y={top + 2}
                  width={Math.max(1, (e.value / max) * (W - LABEL - VALUE))}
                  height={ROW - 5}
                  fill={e.country === 'FR' ? '#1f5fa8' : '#c2571a'}
                />
                <text x={LABEL + (e.value / max) * (W - LABEL - VALUE) + 4} y={top + 12} {...text}>
                  {format(e.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
