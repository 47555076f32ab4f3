import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { actionRuleErrors } from '../../../../common/network/programme-structure-rules';
import {
  ACTION_KINDS,
  ACTION_RECORD_KINDS,
  type ActionInput,
  type ActionKind,
  ActionsBody,
} from '../../../../common/network/programme-structure-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { call, invalidate } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';
import { useFieldErrors } from './useFieldErrors';

interface Row {
  key: string;
  id?: string;
  code: string;
  kind: ActionKind;
  titleFr: string;
  titleNl: string;
  titleEn: string;
  defaultFor: string[];
  inUse: boolean;
}

let fresh = 0;

/** The lead's ordered list of actions: add, move, rename, delete (not one records are attributed to). */
export function ActionsEditor({ programme: p }: { programme: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const client = useQueryClient();
  const label = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [rows, setRows] = useState<Row[]>(() =>
    p.actions.map((a) => ({ ...a, key: a.id, titleEn: a.titleEn ?? '' })),
  );
  const { errors, show, showApi } = useFieldErrors();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const change = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const out = [...rs];
      const [r] = out.splice(i, 1);
      out.splice(i + by, 0, r as Row);
      return out;
    });
  const add = () =>
    setRows((rs) => [
      ...rs,
      {
        key: `new-${++fresh}`,
        code: `${rs[0]?.code.replace(/[0-9]+$/, '') || 'A'}${rs.length + 1}`,
        kind: rs[0]?.kind ?? 'action',
        titleFr: '',
        titleNl: '',
        titleEn: '',
        defaultFor: [],
        inUse: false,
      },
    ]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const actions: ActionInput[] = rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      code: r.code.trim(),
      kind: r.kind,
      titleFr: r.titleFr.trim(),
      titleNl: r.titleNl.trim(),
      titleEn: r.titleEn.trim() || null,
      defaultFor: r.defaultFor as ActionInput['defaultFor'],
    }));
    const problems = [
      ...schemaErrors(ActionsBody, { actions }),
      ...actionRuleErrors(
        actions,
        p.actions.map((a) => ({ id: a.id, code: a.code, inUse: a.inUse })),
      ),
    ];
    show(problems);
    if (problems.length) return;
    try {
      const next = await call(programmesApi.replaceActions, { params: { id: p.id }, body: { actions } });
      setRows(next.actions.map((a) => ({ ...a, key: a.id, titleEn: a.titleEn ?? '' })));
      await invalidate(client, programmesApi.get);
      setSaved(true);
    } catch (e) {
      setError(e);
      showApi(e);
    }
  };

  return (
    <Card title={<FormattedMessage id="network.programmes.actions.title" />}>
      <p className="muted">
        <FormattedMessage id="network.programmes.actions.intro" />
      </p>
      <ErrorAlert error={error} />
      {errors.actions && <Alert tone="error" title={errors.actions} />}
      {saved && <Alert tone="success" title={<FormattedMessage id="network.programmes.actions.saved" />} />}
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ol className="stack">
          {rows.map((r, i) => {
            const name = r.code || String(i + 1);
            const at = (k: string) => errors[`actions.${i}.${k}`];
            return (
              <li key={r.key} className="card">
                {at('id') && (
                  <p className="field-error" role="alert">
                    {at('id')}
                  </p>
                )}
                <div className="grid-2">
                  <TextField
                    label={label('network.programmes.actions.code', { n: i + 1 })}
                    value={r.code}
                    onChange={(v) => change(i, { code: v })}
                    error={at('code')}
                    maxLength={12}
                    isRequired
                  />
                  <Select
                    label={label('network.programmes.actions.kind', { code: name })}
                    value={r.kind}
                    onChange={(v) => change(i, { kind: v as ActionKind })}
                    options={ACTION_KINDS.map((k) => ({
                      id: k,
                      label: label(`network.programmes.enum.action_kind.${k}`),
                    }))}
                  />
                  <TextField
                    label={label('network.programmes.actions.title_fr', { code: name })}
                    value={r.titleFr}
                    onChange={(v) => change(i, { titleFr: v })}
                    error={at('titleFr')}
                    isRequired
                  />
                  <TextField
                    label={label('network.programmes.actions.title_nl', { code: name })}
                    value={r.titleNl}
                    onChange={(v) => change(i, { titleNl: v })}
                    error={at('titleNl')}
                    isRequired
                  />
                  <TextField
                    label={label('network.programmes.actions.title_en', { code: name })}
                    value={r.titleEn}
                    onChange={(v) => change(i, { titleEn: v })}
                    error={at('titleEn')}
                  />
                </div>
                <CheckboxGroup
                  label={label('network.programmes.actions.default_for_label', { code: name })}
                  value={r.defaultFor}
                  onChange={(v) => change(i, { defaultFor: v })}
                  error={at('defaultFor')}
                  options={ACTION_RECORD_KINDS.map((k) => ({ id: k, label: f.recordKind(k) }))}
                />
                <div className="row">
                  <Button variant="ghost" isDisabled={i === 0} onPress={() => move(i, -1)}>
                    {label('network.programmes.actions.up', { code: name })}
                  </Button>
                  <Button variant="ghost" isDisabled={i === rows.length - 1} onPress={() => move(i, 1)}>
                    {label('network.programmes.actions.down', { code: name })}
                  </Button>
                  {r.inUse ? (
                    <span className="muted">
                      <FormattedMessage id="network.programmes.actions.in_use" />
                    </span>
                  ) : (
                    <Button variant="ghost" onPress={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                      {label('network.programmes.actions.remove', { code: name })}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        <div className="row">
          <Button variant="secondary" onPress={add}>
            <FormattedMessage id="network.programmes.actions.add" />
          </Button>
          <Button type="submit">
            <FormattedMessage id="network.programmes.actions.save" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}
