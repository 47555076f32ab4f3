import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { reportEndpoints as api } from '../../../../common/monitoring/report-endpoints';
import {
  GENERAL_NARRATIVE,
  type Narrative,
  type ReportView,
} from '../../../../common/monitoring/report-schemas';
import { useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { TextArea } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';

const pick = (language: string, fr: string, nl: string, en?: string | null) =>
  language === 'nl' ? nl : language === 'en' ? (en ?? fr) : fr;

/** The narrative of the report and of each action: written by the lead in FR and/or NL, read by all. */
export function Narratives({ v }: { v: ReportView }) {
  const { language } = useLanguage();
  const intl = useIntl();
  const keys = [
    { key: GENERAL_NARRATIVE, title: intl.formatMessage({ id: 'monitoring.reports.general' }) },
    ...v.figures.actions.map((a) => ({
      key: a.id,
      title: `${a.code} – ${pick(language, a.titleFr, a.titleNl, a.titleEn)}`,
    })),
  ];
  return (
    <Card title={<FormattedMessage id="monitoring.reports.narratives" />}>
      <div className="stack">
        {v.canEdit && (
          <p className="muted">
            <FormattedMessage id="monitoring.reports.narratives_help" />
          </p>
        )}
        {keys.map((k) =>
          v.canEdit ? (
            <NarrativeEditor
              key={`${v.version.number}-${k.key}`}
              reportId={v.report.id}
              k={k}
              n={v.narratives[k.key]}
            />
          ) : (
            <NarrativeText key={k.key} title={k.title} n={v.narratives[k.key]} />
          ),
        )}
      </div>
    </Card>
  );
}

function NarrativeText({ title, n }: { title: string; n: Narrative | undefined }) {
  const { language } = useLanguage();
  const order = language === 'nl' ? (['nl', 'fr', 'en'] as const) : (['fr', 'nl', 'en'] as const);
  const shown = order.map((l) => ({ l, text: n?.[l] ?? null })).filter((x) => x.text);
  return (
    <section className="report-narrative">
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="monitoring.reports.narrative.none" />
        </p>
      ) : (
        shown.map((x) => (
          <div key={x.l} lang={x.l}>
            {x.l !== language && (
              <p className="muted">
                <FormattedMessage id={`monitoring.reports.pdf.written_in.${x.l}`} />
              </p>
            )}
            <p className="report-narrative__text">{x.text}</p>
          </div>
        ))
      )}
    </section>
  );
}

function NarrativeEditor({
  reportId,
  k,
  n,
}: {
  reportId: string;
  k: { key: string; title: string };
  n: Narrative | undefined;
}) {
  const intl = useIntl();
  const save = useEndpointMutation(api.saveNarrative, [api.view]);
  const [fr, setFr] = useState(n?.fr ?? '');
  const [nl, setNl] = useState(n?.nl ?? '');
  const [en, setEn] = useState(n?.en ?? '');
  const [saved, setSaved] = useState(false);
  // A region named by its action: the same three fields repeat for every action.
  const heading = useId();
  const label = (l: string) => intl.formatMessage({ id: `monitoring.reports.narrative.${l}` });
  // Any change hides the "saved" note until it is saved again.
  const edit = (set: (x: string) => void) => (x: string) => {
    set(x);
    setSaved(false);
  };
  return (
    <section className="report-narrative stack" aria-labelledby={heading}>
      <h3 id={heading}>{k.title}</h3>
      <div className="report-narrative__langs">
        <TextArea label={label('fr')} value={fr} onChange={edit(setFr)} />
        <TextArea label={label('nl')} value={nl} onChange={edit(setNl)} />
      </div>
      <TextArea label={label('en')} value={en} onChange={edit(setEn)} />
      <ErrorAlert error={save.error} />
      {saved && <Alert tone="success" title={<FormattedMessage id="monitoring.reports.narrative.saved" />} />}
      <div className="row">
        <Button
          variant="secondary"
          isDisabled={save.isPending}
          onPress={async () => {
            await save.mutateAsync({
              params: { id: reportId },
              body: { key: k.key, fr: fr.trim() || null, nl: nl.trim() || null, en: en.trim() || null },
            });
            setSaved(true);
          }}
        >
          <FormattedMessage id="monitoring.reports.narrative.save" />
          <span className="visually-hidden"> – {k.title}</span>
        </Button>
      </div>
    </section>
  );
}
