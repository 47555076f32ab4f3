import { type RefObject, useState } from 'react';
import { Button } from '../../../../app/ui/Button';
import { downloadBlob, svgToPng } from '../../map/export-png';
import { standaloneSvg } from '../../map/export-svg';
import { useObsWords } from '../../words';

/**
 * "SVG" and "PNG" downloads of a chart: the drawn chart with, under it, its legend and what every export
 * carries (indicator, period(s), sources, vintages, caveat), made in the browser.
 */
export function ChartExport({
  svg,
  filename,
  legend,
  lines,
}: {
  svg: RefObject<SVGSVGElement | null>;
  filename: string;
  legend: Array<{ colour: string; text: string }>;
  lines: string[];
}) {
  const w = useObsWords();
  const [failed, setFailed] = useState(false);
  const text = () => (svg.current ? standaloneSvg(svg.current, { legend, lines }) : null);
  return (
    <div className="row no-print">
      <Button
        variant="secondary"
        aria-label={w.msg('boards.chart.download_svg', { name: filename })}
        onPress={() => {
          const t = text();
          if (t) downloadBlob(`${filename}.svg`, new Blob([t], { type: 'image/svg+xml;charset=utf-8' }));
        }}
      >
        {w.msg('boards.chart.svg')}
      </Button>
      <Button
        variant="secondary"
        aria-label={w.msg('boards.chart.download_png', { name: filename })}
        onPress={() => {
          const t = text();
          setFailed(false);
          if (t)
            void svgToPng(t)
              .then((png) => downloadBlob(`${filename}.png`, png))
              .catch(() => setFailed(true));
        }}
      >
        {w.msg('boards.chart.png')}
      </Button>
      {failed && <span role="alert">{w.msg('boards.chart.png_failed')}</span>}
    </div>
  );
}
