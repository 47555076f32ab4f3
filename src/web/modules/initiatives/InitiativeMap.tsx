import type { InitiativeSummary } from '../../../common/initiatives/schemas';
import { mapPoints } from './map-points';
import { useInitiativeWords } from './words';

/**
 * The initiatives by municipality on a plain SVG: one dot per municipality at the centroid the territory
 * list holds (the observatory's map is not shared through its face), sized by the number of initiatives.
 * Choosing a dot filters the list by that municipality.
 */
export function InitiativeMap({
  items,
  selected,
  onSelect,
}: {
  items: readonly InitiativeSummary[];
  selected?: string;
  onSelect: (code: string | undefined) => void;
}) {
  const w = useInitiativeWords();
  const points = mapPoints(items, 480, 300);
  if (points.length === 0) return <p className="muted">{w.m('map.empty')}</p>;
  return (
    <svg
      viewBox="0 0 480 300"
      role="img"
      aria-label={w.m('map.label')}
      style={{ width: '100%', maxWidth: 480, border: '1px solid #ccc', background: '#f7f9fb' }}
    >
      {points.map((p) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG mark has no button element
        <g
          key={p.code}
          role="button"
          tabIndex={0}
          aria-label={w.m('map.point', { name: p.name, count: p.count })}
          aria-pressed={selected === p.code}
          onClick={() => onSelect(selected === p.code ? undefined : p.code)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') onSelect(selected === p.code ? undefined : p.code);
          }}
          style={{ cursor: 'pointer' }}
        >
          <circle
            cx={p.x}
            cy={p.y}
            r={6 + 3 * p.count}
            fill={p.crossBorder ? '#1f7a4d' : '#2c5d8f'}
            fillOpacity={selected && selected !== p.code ? 0.35 : 0.8}
          />
          <text x={p.x + 10 + 3 * p.count} y={p.y + 4} fontSize="12">
            {p.name} ({p.count})
          </text>
        </g>
      ))}
    </svg>
  );
}
