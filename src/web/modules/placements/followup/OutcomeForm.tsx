import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { BodyOf } from '../../../../common/kernel/endpoint';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { CONTRACT_TYPES, OUTCOME_SITUATIONS } from '../../../../common/placements/followup-rules';
import {
  type FollowUpView,
  OutcomeBody,
  type OutcomeSlot,
} from '../../../../common/placements/followup-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, Select, TextArea } from '../../../app/ui/fields';
import { useFollowUpChange } from './useFollowUp';
import { given, useBodyCheck } from './validate';

/** Records (or corrects) one outcome: a job asks for its contract, a drop-out for its reason. */
export function OutcomeForm({ f, slot, onDone }: { f: FollowUpView; slot: OutcomeSlot; onDone: () => void }) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const { check, fromApi } = useBodyCheck();
  const o = slot.outcome;
  const [v, setV] = useState({
    observedOn: o?.observedOn ?? f.today,
    situation: o?.situation ?? '',
    contractType: o?.contractType ?? '',
    dropOutReason: o?.dropOutReason ?? '',
    note: o?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const save = useFollowUpChange(
    f.placementId,
    (body: BodyOf<typeof placementsEndpoints.saveOutcome>) =>
      call(placementsEndpoints.saveOutcome, { params: { id: f.placementId, kind: slot.kind }, body }),
    onDone,
  );
  const submit = () => {
    // Only a job carries a contract and only a drop-out a reason: the other answers are not sent.
    const body = {
      observedOn: v.observedOn,
      situation: v.situation || undefined,
      contractType: v.situation === 'job' ? v.contractType || undefined : undefined,
      dropOutReason: v.situation === 'drop_out' ? given(v.dropOutReason) : undefined,
      note: given(v.note),
    };
    const found = check(OutcomeBody, JSON.parse(JSON.stringify(body)));
    if (v.situation === 'job' && !body.contractType) found.contractType = label('validation.required');
    if (v.situation === 'drop_out' && !body.dropOutReason) found.dropOutReason = label('validation.required');
    setErrors(found);
    // Sent only once the schema accepted it (a situation chosen): the cast names what was checked.
    if (!Object.keys(found).length)
      save.mutate(body as BodyOf<typeof placementsEndpoints.saveOutcome>, {
        onError: (x) => setErrors(fromApi(x)),
      });
  };
  return (
    <Form
      className="stack"
      aria-label={label(`placements.followup.outcome_kind.${slot.kind}`)}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorAlert error={save.error} />
      <DateField
        label={label('placements.followup.field.observed_on')}
        isRequired
        value={v.observedOn}
        onChange={set('observedOn')}
        error={errors.observedOn}
      />
      <Select
        label={label('placements.followup.field.situation')}
        value={v.situation || null}
        onChange={set('situation')}
        options={OUTCOME_SITUATIONS.map((s) => ({
          id: s,
          label: label(`placements.followup.situation.${s}`),
        }))}
        error={errors.situation}
        isRequired
      />
      {v.situation === 'job' && (
        <Select
          label={label('placements.followup.field.contract_type')}
          value={v.contractType || null}
          onChange={set('contractType')}
          options={CONTRACT_TYPES.map((c) => ({
            id: c,
            label: label(`placements.followup.contract_type.${c}`),
          }))}
          error={errors.contractType}
          isRequired
        />
      )}
      {v.situation === 'drop_out' && (
        <TextArea
          label={label('placements.followup.field.drop_out_reason')}
          value={v.dropOutReason}
          onChange={set('dropOutReason')}
          error={errors.dropOutReason}
          isRequired
        />
      )}
      <TextArea
        label={label('placements.followup.field.note')}
        value={v.note}
        onChange={set('note')}
        error={errors.note}
      />
      <div className="row">
        <Button type="submit" isDisabled={save.isPending}>
          <FormattedMessage id="placements.followup.outcomes.save" />
        </Button>
        {o && (
          <Button variant="ghost" onPress={onDone}>
            <FormattedMessage id="common.cancel" />
          </Button>
        )}
      </div>
    </Form>
  );
}
