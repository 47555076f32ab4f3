import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { BodyOf } from '../../../../common/kernel/endpoint';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import {
  EVALUATION_CRITERIA,
  type EvaluationKind,
  SCORE_MAX,
  SCORE_MIN,
} from '../../../../common/placements/followup-rules';
import {
  EvaluationBody,
  type EvaluationView,
  type FollowUpView,
} from '../../../../common/placements/followup-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Form, Select, TextArea } from '../../../app/ui/fields';
import { defaultDay } from './format';
import { useFollowUpChange } from './useFollowUp';
import { given, useBodyCheck } from './validate';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

/** Records (or corrects) one tripartite evaluation: the five scores, who was there, and the comments. */
export function EvaluationForm({
  f,
  kind,
  e,
  onDone,
}: {
  f: FollowUpView;
  kind: EvaluationKind;
  e?: EvaluationView;
  onDone: () => void;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const { check, fromApi } = useBodyCheck();
  const [v, setV] = useState({
    heldOn: e?.heldOn ?? defaultDay(f),
    scores: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, e ? String(e.scores[c]) : ''])),
    personPresent: e?.personPresent ?? true,
    referentPresent: e?.referentPresent ?? true,
    tutorPresent: e?.tutorPresent ?? true,
    strengths: e?.strengths ?? '',
    improvements: e?.improvements ?? '',
    nextSteps: e?.nextSteps ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    <K extends keyof typeof v>(k: K) =>
    (x: (typeof v)[K]) =>
      setV((s) => ({ ...s, [k]: x }));
  const save = useFollowUpChange(
    f.placementId,
    (body: BodyOf<typeof placementsEndpoints.saveEvaluation>) =>
      call(placementsEndpoints.saveEvaluation, { params: { id: f.placementId, kind }, body }),
    onDone,
  );
  const submit = () => {
    const body = {
      heldOn: v.heldOn,
      scores: Object.fromEntries(Object.entries(v.scores).map(([c, s]) => [c, s ? Number(s) : undefined])),
      personPresent: v.personPresent,
      referentPresent: v.referentPresent,
      tutorPresent: v.tutorPresent,
      strengths: given(v.strengths),
      improvements: given(v.improvements),
      nextSteps: given(v.nextSteps),
    };
    const found = check(EvaluationBody, JSON.parse(JSON.stringify(body)));
    setErrors(found);
    // Sent only once the schema accepted it (every score given): the cast names what was checked.
    if (!Object.keys(found).length)
      save.mutate(body as BodyOf<typeof placementsEndpoints.saveEvaluation>, {
        onError: (x) => setErrors(fromApi(x)),
      });
  };
  return (
    <Form
      className="stack"
      aria-label={intl.formatMessage(
        { id: 'placements.followup.evaluations.form' },
        { kind: label(`placements.followup.evaluation_kind.${kind}`) },
      )}
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <ErrorAlert error={save.error} />
      <DateField
        label={label('placements.followup.field.held_on')}
        isRequired
        value={v.heldOn}
        onChange={set('heldOn')}
        error={errors.heldOn}
      />
      <div className="grid-2">
        {EVALUATION_CRITERIA.map((c) => (
          <Select
            key={c}
            label={label(`placements.followup.criterion.${c}`)}
            value={v.scores[c] || null}
            onChange={(s) => setV((x) => ({ ...x, scores: { ...x.scores, [c]: s } }))}
            options={SCORES.map((s) => ({ id: s, label: label(`placements.followup.score.${s}`) }))}
            error={errors[`scores.${c}`]}
            isRequired
          />
        ))}
      </div>
      <fieldset className="stack">
        <legend>
          <FormattedMessage id="placements.followup.field.present_parties" />
        </legend>
        <Checkbox isSelected={v.personPresent} onChange={set('personPresent')}>
          <FormattedMessage id="placements.followup.field.person_present" />
        </Checkbox>
        <Checkbox isSelected={v.referentPresent} onChange={set('referentPresent')}>
          <FormattedMessage id="placements.followup.field.referent_present" />
        </Checkbox>
        <Checkbox isSelected={v.tutorPresent} onChange={set('tutorPresent')}>
          <FormattedMessage id="placements.followup.field.tutor_present" />
        </Checkbox>
      </fieldset>
      <TextArea
        label={label('placements.followup.field.strengths')}
        value={v.strengths}
        onChange={set('strengths')}
        error={errors.strengths}
      />
      <TextArea
        label={label('placements.followup.field.improvements')}
        value={v.improvements}
        onChange={set('improvements')}
        error={errors.improvements}
      />
      <TextArea
        label={label('placements.followup.field.next_steps')}
        value={v.nextSteps}
        onChange={set('nextSteps')}
        error={errors.nextSteps}
      />
      <div className="row">
        <Button type="submit" isDisabled={save.isPending}>
          <FormattedMessage id="placements.followup.evaluations.save" />
        </Button>
        {e && (
          <Button variant="ghost" onPress={onDone}>
            <FormattedMessage id="common.cancel" />
          </Button>
        )}
      </div>
    </Form>
  );
}
