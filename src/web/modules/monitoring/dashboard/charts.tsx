import type { ReactNode } from 'react';

/**
 * The dashboard's small charts, drawn by hand in SVG. They are pictures of figures the page also gives
 * in words (a visually hidden table next to each), so the drawings themselves are hidden from screen
 * readers. Each stretches to its container's width: nothing is wider than a 390 px screen.
 */

export type MilestoneMark = { key: string; at: number; status: 'reached' | 'missed' | 'upcoming' };

/** Achieved against a target: a filled bar, a mark per milestone at its share of the target. */
export function TargetBar({
  value,
  target,
  milestones,
}: {
  /** null: hidden (small numbers) or not known yet; the bar is drawn empty with a dashed outline. */
  value: number | null;
  target: number;
  milestones: readonly MilestoneMark[];
}) {
  const share = value === null || target <= 0 ? 0 : Math.min(1, value / target);
  const x = (n: number) => (target <= 0 ? 0 : Math.min(100, Math.max(0, (n / target) * 100)));
  return (
    <svg
      className="dash-target"
      width="100%"
      height="20"
      viewBox="0 0 100 20"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        className={value === null ? 'dash-track dash-track--unknown' : 'dash-track'}
        x="0"
        y="5"
        width="100"
        height="10"
        rx="1"
      />
      {share > 0 && <rect className="dash-fill" x="0" y="5" width={share * 100} height="10" rx="1" />}
      {milestones.map((m) => (
        <line
          key={m.key}
          className={`dash-tick dash-tick--${m.status}`}
          x1={x(m.at)}
          x2={x(m.at)}
          y1="0"
          y2="20"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}

/** One horizontal bar of a grouped chart, scaled against the chart's largest value. */
export function Bar({ value, max, tone }: { value: number; max: number; tone: Series }) {
  const w = max > 0 ? Math.min(100, (Math.max(0, value) / max) * 100) : 0;
  return (
    <svg
      className="dash-bar"
      width="100%"
      height="12"
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="dash-bar-track" x="0" y="0" width="100" height="12" />
      {w > 0 && <rect className={`dash-bar-fill dash-bar-fill--${tone}`} x="0" y="0" width={w} height="12" />}
    </svg>
  );
}

export type Series = 'budget' | 'declared' | 'accepted';

export interface BarGroup {
  key: string;
  label: ReactNode;
  note?: ReactNode;
  bars: { series: Series; name: ReactNode; value: number; text: string }[];
}

/** Groups of horizontal bars (a partner's or a category's budget, declared and accepted), one scale. */
export function GroupedBars({ groups }: { groups: readonly BarGroup[] }) {
  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
  return (
    // The table beside it says the same in words.
    <div className="dash-groups" aria-hidden="true">
      {groups.map((g) => (
        <div key={g.key} className="dash-group">
          <p className="dash-group-label">
            <span>{g.label}</span>
            {g.note && <span className="dash-group-note">{g.note}</span>}
          </p>
          {g.bars.map((b) => (
            <div key={b.series} className="dash-bar-row">
              <span className="dash-bar-name">{b.name}</span>
              <Bar value={b.value} max={max} tone={b.series} />
              <span className="dash-bar-value">{b.text}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** A swatch for a legend, in the colour (and line style) of a series or a milestone mark. */
export function Swatch({ className }: { className: string }) {
  return (
    <svg
      className="dash-swatch"
      width="18"
      height="12"
      viewBox="0 0 18 12"
      aria-hidden="true"
      focusable="false"
    >
      {className.startsWith('dash-tick') ? (
        <line className={className} x1="9" x2="9" y1="0" y2="12" />
      ) : (
        <rect className={className} x="0" y="1" width="18" height="10" />
      )}
    </svg>
  );
}
