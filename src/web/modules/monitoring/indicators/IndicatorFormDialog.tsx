import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { INDICATOR_BREAKDOWNS } from '../../../../common/monitoring/characteristics';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { INDICATOR_UNITS, type RuleParamSpecs } from '../../../../common/monitoring/rules';
import { EU_CODES, type IndicatorBoard, type IndicatorView } from '../../../../common/monitoring/schemas';
import { ApiError } from '../../../app/api';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Checkbox, CheckboxGroup, Select, TextArea, TextField } from '../../../app/ui/fields';
import { bodyOf, defaultParams, emptyState, type FormState, NONE, stateOf } from './form-state';

/**
 * The lead coordinator defines an indicator: its codes, labels and definitions in three languages, kind
 * and unit, baseline, target and milestones, the action it belongs to, and how it is counted — a rule
 * the modules offer, with its parameters, or by hand. The server checks the rule's parameters and the
 * milestones against the programme; its refusals land on the fields.
 */
export function IndicatorFormDialog({
  board,
  indicator,
  trigger,
}: {
  board: IndicatorBoard;
  indicator?: IndicatorView;
  trigger: ReactNode;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const rules = useEndpoint(api.rules, {});
  const create = useEndpointMutation(api.create, [api.board]);
  const update = useEndpointMutation(api.update, [api.board]);
  const [s, setState] = useState<FormState>(() => (indicator ? stateOf(indicator) : emptyState()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const msg = (id: string) => intl.formatMessage({ id: `monitoring.indicators.form.${id}` });
  const set =
    <K extends keyof FormState>(k: K) =>
    (v: FormState[K]) =>
      setState((x) => ({ ...x, [k]: v }));
  const rule = rules.data?.items.find((r) => r.code === s.ruleCode);
  const specs = (rule?.params ?? null) as RuleParamSpecs | null;
  const option = (prefix: string) => (id: string) => ({
    id,
    label: intl.formatMessage({ id: `${prefix}${id}` }),
  });

  return (
    <FormDialog
      trigger={trigger}
      title={msg(indicator ? 'title_edit' : 'title_new')}
      submitLabel={msg('submit')}
      isSubmitDisabled={create.isPending || update.isPending}
      onError={(e) => {
        if (e instanceof ApiError) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
      }}
      onSubmit={async () => {
        const { body, problems } = bodyOf(s, specs, rule?.profile === true);
        setErrors(Object.fromEntries(problems.map((p) => [p, msg('invalid')])));
        if (problems.length) return false;
        if (indicator) await update.mutateAsync({ params: { id: indicator.id }, body });
        else await create.mutateAsync({ params: { id: board.programme.id }, body });
        return true;
      }}
    >
      <div className="ind-form-grid">
        <TextField label={msg('code')} value={s.code} onChange={set('code')} isRequired error={errors.code} />
        <Select
          label={msg('eu_code')}
          value={s.euCode}
          onChange={set('euCode')}
          options={[{ id: NONE, label: msg('none') }, ...EU_CODES.map((c) => ({ id: c, label: c }))]}
        />
        <Select
          label={msg('kind')}
          value={s.kind}
          onChange={set('kind')}
          options={['output', 'result'].map(option('monitoring.indicators.kind.'))}
        />
        <Select
          label={msg('action')}
          value={s.actionId}
          onChange={set('actionId')}
          error={errors.actionId}
          options={[
            { id: NONE, label: msg('none') },
            ...board.actions.map((a) => ({
              id: a.id,
              label: `${a.code} · ${localized(language, a.titleFr, a.titleNl)}`,
            })),
          ]}
        />
      </div>
      <TextField
        label={msg('label_fr')}
        value={s.labelFr}
        onChange={set('labelFr')}
        isRequired
        error={errors.labelFr}
      />
      <TextField
        label={msg('label_nl')}
        value={s.labelNl}
        onChange={set('labelNl')}
        isRequired
        error={errors.labelNl}
      />
      <TextField
        label={msg('label_en')}
        value={s.labelEn}
        onChange={set('labelEn')}
        isRequired
        error={errors.labelEn}
      />
      <TextArea label={msg('definition_fr')} value={s.definitionFr} onChange={set('definitionFr')} />
      <TextArea label={msg('definition_nl')} value={s.definitionNl} onChange={set('definitionNl')} />
      <TextArea label={msg('definition_en')} value={s.definitionEn} onChange={set('definitionEn')} />
      <div className="ind-form-grid">
        <TextField
          label={msg('baseline')}
          value={s.baseline}
          onChange={set('baseline')}
          inputMode="numeric"
          error={errors.baseline}
        />
        <TextField
          label={msg('target')}
          value={s.target}
          onChange={set('target')}
          inputMode="numeric"
          isRequired
          error={errors.target}
        />
      </div>
      <Select
        label={msg('rule')}
        value={s.ruleCode || NONE}
        error={errors.ruleCode}
        onChange={(code) => {
          const r = rules.data?.items.find((x) => x.code === code);
          setState((x) => ({
            ...x,
            ruleCode: r ? r.code : '',
            unit: r ? r.unit : x.unit,
            params: r ? defaultParams(r.params as RuleParamSpecs) : {},
          }));
        }}
        options={[
          { id: NONE, label: msg('manual') },
          ...(rules.data?.items ?? []).map((r) => ({
            id: r.code,
            label: intl.formatMessage({ id: r.labelKey }),
          })),
        ]}
      />
      <Select
        label={msg('unit')}
        value={s.unit}
        onChange={set('unit')}
        isDisabled={!!rule}
        error={errors.unit}
        options={INDICATOR_UNITS.map(option('monitoring.indicators.unit.'))}
      />
      {specs &&
        Object.entries(specs).map(([name, spec]) => {
          const label = intl.formatMessage({ id: `monitoring.indicators.param.${name}` });
          const error = errors[`ruleParams.${name}`];
          const v = s.params[name];
          const put = (value: string | boolean | string[]) =>
            setState((x) => ({ ...x, params: { ...x.params, [name]: value } }));
          if (spec.kind === 'integer')
            return (
              <TextField
                key={name}
                label={label}
                value={typeof v === 'string' ? v : ''}
                onChange={put}
                inputMode="numeric"
                error={error}
              />
            );
          if (spec.kind === 'boolean')
            return (
              <Checkbox key={name} isSelected={v === true} onChange={put}>
                {label}
              </Checkbox>
            );
          return (
            <CheckboxGroup
              key={name}
              label={label}
              value={Array.isArray(v) ? v : []}
              onChange={put}
              error={error}
              options={spec.options.map(option('monitoring.indicators.option.'))}
            />
          );
        })}
      <CheckboxGroup
        label={msg('breakdowns')}
        value={s.breakdowns}
        onChange={set('breakdowns')}
        error={errors.breakdowns}
        description={msg(rule?.profile ? 'breakdowns_hint' : 'breakdowns_partner_only')}
        options={INDICATOR_BREAKDOWNS.filter((k) => k === 'partner' || rule?.profile).map(
          option('monitoring.indicators.breakdown.'),
        )}
      />
      <fieldset className="stack">
        <legend>{msg('milestones')}</legend>
        {s.milestones.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
          <div key={i} className="ind-form-grid">
            <DateField
              label={msg('milestone_date')}
              value={m.dueOn}
              min={board.programme.startsOn}
              max={board.programme.endsOn}
              error={errors[`milestones.${i}.dueOn`]}
              onChange={(dueOn) =>
                setState((x) => ({
                  ...x,
                  milestones: x.milestones.map((y, j) => (j === i ? { ...y, dueOn } : y)),
                }))
              }
            />
            <TextField
              label={msg('milestone_target')}
              value={m.target}
              inputMode="numeric"
              error={errors[`milestones.${i}.target`]}
              onChange={(target) =>
                setState((x) => ({
                  ...x,
                  milestones: x.milestones.map((y, j) => (j === i ? { ...y, target } : y)),
                }))
              }
            />
            <Button
              variant="ghost"
              onPress={() => setState((x) => ({ ...x, milestones: x.milestones.filter((_, j) => j !== i) }))}
            >
              <FormattedMessage id="monitoring.indicators.form.milestone_remove" />
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onPress={() =>
            setState((x) => ({ ...x, milestones: [...x.milestones, { dueOn: '', target: '' }] }))
          }
        >
          <FormattedMessage id="monitoring.indicators.form.milestone_add" />
        </Button>
      </fieldset>
    </FormDialog>
  );
}
