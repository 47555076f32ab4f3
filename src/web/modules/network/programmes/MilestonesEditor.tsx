import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { milestoneRuleErrors, timeline } from '../../../../common/network/programme-structure-rules';
import { type MilestoneInput, MilestonesBody } from '../../../../common/network/programme-structure-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { call, invalidate } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Form, TextArea, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { useFieldErrors } from './useFieldErrors';

interface Row {
  key: string;
  id?: string;
  occursOn: string;
  labelFr: string;
  labelNl: string;
  labelEn: string;
  note: string;
}

let fresh = 0;
const toRows = (p: ProgrammeDetail): Row[] =>
  timeline(p.milestones).map((m) => ({ ...m, key: m.id, labelEn: m.labelEn ?? '', note: m.note ?? '' }));

/** The lead's dated milestones, saved as a whole and shown in time order. */
export function MilestonesEditor({ programme: p }: { programme: ProgrammeDetail }) {
  const intl = useIntl();
  const client = useQueryClient();
  const label = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [rows, setRows] = useState<Row[]>(() => toRows(p));
  const { errors, show, showApi } = useFieldErrors();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const change = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    setError(null);
    setSaved(false);
    const milestones: MilestoneInput[] = rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      occursOn: r.occursOn,
      labelFr: r.labelFr.trim(),
      labelNl: r.labelNl.trim(),
      labelEn: r.labelEn.trim() || null,
      note: r.note.trim() || null,
    }));
    const problems = [
      ...schemaErrors(MilestonesBody, { milestones }),
      ...milestoneRuleErrors(milestones, new Set(p.milestones.map((m) => m.id))),
    ];
    show(problems);
    if (problems.length) return;
    try {
      const next = await call(programmesApi.replaceMilestones, {
        params: { id: p.id },
        body: { milestones },
      });
      setRows(toRows(next));
      await invalidate(client, programmesApi.get);
      setSaved(true);
    } catch (e) {
      setError(e);
      showApi(e);
    }
  };

  return (
    <Card title={<FormattedMessage id="network.programmes.milestones.title" />}>
      <p className="muted">
        <FormattedMessage id="network.programmes.milestones.intro" />
      </p>
      <ErrorAlert error={error} />
      {saved && (
        <Alert tone="success" title={<FormattedMessage id="network.programmes.milestones.saved" />} />
      )}
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ol className="stack">
          {rows.map((r, i) => {
            const at = (k: string) => errors[`milestones.${i}.${k}`];
            const n = { n: i + 1 };
            return (
              <li key={r.key} className="card">
                {at('id') && (
                  <p className="field-error" role="alert">
                    {at('id')}
                  </p>
                )}
                <div className="grid-2">
                  <DateField
                    label={label('network.programmes.milestones.date', n)}
                    value={r.occursOn}
                    onChange={(v) => change(i, { occursOn: v })}
                    error={at('occursOn')}
                    isRequired
                  />
                  <TextField
                    label={label('network.programmes.milestones.label_fr', n)}
                    value={r.labelFr}
                    onChange={(v) => change(i, { labelFr: v })}
                    error={at('labelFr')}
                    isRequired
                  />
                  <TextField
                    label={label('network.programmes.milestones.label_nl', n)}
                    value={r.labelNl}
                    onChange={(v) => change(i, { labelNl: v })}
                    error={at('labelNl')}
                    isRequired
                  />
                  <TextField
                    label={label('network.programmes.milestones.label_en', n)}
                    value={r.labelEn}
                    onChange={(v) => change(i, { labelEn: v })}
                    error={at('labelEn')}
                  />
                </div>
                <TextArea
                  label={label('network.programmes.milestones.note', n)}
                  value={r.note}
                  onChange={(v) => change(i, { note: v })}
                  error={at('note')}
                />
                <Button variant="ghost" onPress={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  {label('network.programmes.milestones.remove', n)}
                </Button>
              </li>
            );
          })}
        </ol>
        <div className="row">
          <Button
            variant="secondary"
            onPress={() =>
              setRows((rs) => [
                ...rs,
                { key: `new-${++fresh}`, occursOn: '', labelFr: '', labelNl: '', labelEn: '', note: '' },
              ])
            }
          >
            <FormattedMessage id="network.programmes.milestones.add" />
          </Button>
          <Button type="submit">
            <FormattedMessage id="network.programmes.milestones.save" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}
