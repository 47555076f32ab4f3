import { useState } from 'react';
import {
  ANALYSIS_THEMES,
  ANALYSIS_TILE_KINDS,
  type AnalysisSection,
  type AnalysisTheme,
  type AnalysisTileKind,
  type SectionInput,
} from '../../../../common/observatory/analysis-schemas';
import type { IndicatorView } from '../../../../common/observatory/catalogue-schemas';
import { Button } from '../../../app/ui/Button';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { useObsWords } from '../words';
import { themeLabel } from './AnalysisPage';

/** No tile, or the indicator's latest period (a select's key cannot be empty). */
const NONE = '-';

/** A section of the draft: its theme, heading and text in French and Dutch, and an optional tile. */
export function SectionForm({
  section,
  indicators,
  busy,
  onSave,
  onCancel,
}: {
  section: AnalysisSection | null;
  indicators: IndicatorView[];
  busy: boolean;
  onSave: (input: SectionInput) => void;
  onCancel: () => void;
}) {
  const w = useObsWords();
  const [theme, setTheme] = useState<AnalysisTheme>((section?.theme as AnalysisTheme) ?? 'poverty');
  const [headingFr, setHeadingFr] = useState(section?.headingFr ?? '');
  const [headingNl, setHeadingNl] = useState(section?.headingNl ?? '');
  const [bodyFr, setBodyFr] = useState(section?.bodyFr ?? '');
  const [bodyNl, setBodyNl] = useState(section?.bodyNl ?? '');
  const [indicator, setIndicator] = useState(section?.tile?.indicator ?? NONE);
  const [kind, setKind] = useState<AnalysisTileKind>(section?.tile?.kind ?? 'map');
  const [period, setPeriod] = useState(section?.tile?.period ?? NONE);
  const chosen = indicators.find((i) => i.code === indicator);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          theme,
          headingFr,
          headingNl,
          bodyFr,
          bodyNl,
          tile:
            indicator === NONE
              ? null
              : {
                  indicator,
                  kind,
                  period: period === NONE || !chosen?.periods.includes(period) ? null : period,
                },
        });
      }}
    >
      <Select
        label={w.msg('column.theme')}
        value={theme}
        onChange={(v) => setTheme(v as AnalysisTheme)}
        options={ANALYSIS_THEMES.map((t) => ({ id: t, label: themeLabel(w, t) }))}
      />
      <TextField
        label={w.msg('analyses.field.heading_fr')}
        value={headingFr}
        onChange={setHeadingFr}
        isRequired
        maxLength={200}
      />
      <TextField
        label={w.msg('analyses.field.heading_nl')}
        value={headingNl}
        onChange={setHeadingNl}
        isRequired
        maxLength={200}
      />
      <TextArea label={w.msg('analyses.field.body_fr')} value={bodyFr} onChange={setBodyFr} />
      <TextArea label={w.msg('analyses.field.body_nl')} value={bodyNl} onChange={setBodyNl} />
      <div className="row">
        <Select
          label={w.msg('analyses.field.tile')}
          value={indicator}
          onChange={setIndicator}
          options={[
            { id: NONE, label: w.msg('analyses.no_tile') },
            ...indicators.map((i) => ({ id: i.code, label: i.label })),
          ]}
        />
        {indicator !== NONE && (
          <>
            <Select
              label={w.msg('boards.kind_label')}
              value={kind}
              onChange={(v) => setKind(v as AnalysisTileKind)}
              options={ANALYSIS_TILE_KINDS.map((k) => ({ id: k, label: w.msg(`boards.kind.${k}`) }))}
            />
            <Select
              label={w.msg('periods')}
              value={period}
              onChange={setPeriod}
              options={[
                { id: NONE, label: w.msg('boards.latest') },
                ...(chosen?.periods ?? []).map((p) => ({ id: p, label: p })),
              ]}
            />
          </>
        )}
      </div>
      <div className="row">
        <Button type="submit" isDisabled={busy || !headingFr.trim() || !headingNl.trim()}>
          {w.msg('analyses.save_section')}
        </Button>
        <Button variant="ghost" onPress={onCancel}>
          {w.msg('analyses.cancel')}
        </Button>
      </div>
    </form>
  );
}
