import { type ReactNode, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { FollowUpView, OutcomeSlot } from '../../../../common/placements/followup-schemas';
import { Button } from '../../../app/ui/Button';
import { Card, Facts } from '../../../app/ui/layout';
import { Reveal } from '../../../app/ui/Reveal';
import { useFollowUpFormat } from './format';
import { OutcomeForm } from './OutcomeForm';

/**
 * The person's situation at the exit (within 4 weeks of the end) and 6 months later. Home centre only: it
 * concerns the person's life after the placement.
 */
export function OutcomesCard({ f, slots }: { f: FollowUpView; slots: OutcomeSlot[] }) {
  return (
    <Card title={<FormattedMessage id="placements.followup.outcomes.title" />}>
      <div className="stack">
        {slots.map((s) => (
          <OutcomeBlock key={s.kind} f={f} slot={s} />
        ))}
      </div>
    </Card>
  );
}

function OutcomeBlock({ f, slot }: { f: FollowUpView; slot: OutcomeSlot }) {
  const fmt = useFollowUpFormat();
  const [editing, setEditing] = useState(false);
  const o = slot.outcome;
  return (
    <div className="stack">
      <h3>
        <FormattedMessage id={`placements.followup.outcome_kind.${slot.kind}`} />
      </h3>
      {!slot.opensOn && (
        <p className="muted">
          <FormattedMessage id="placements.followup.outcomes.after_end" />
        </p>
      )}
      {slot.opensOn && !o && (
        <p className="muted">
          <FormattedMessage
            id={slot.open ? 'placements.followup.outcomes.due_by' : 'placements.followup.outcomes.opens_on'}
            values={{ date: fmt.date(slot.open ? slot.dueBy : slot.opensOn) }}
          />{' '}
          {slot.open && slot.dueBy && f.today > slot.dueBy && (
            <span className="tag tag--warning">
              <FormattedMessage id="placements.followup.outcomes.overdue" />
            </span>
          )}
        </p>
      )}
      {o && !editing && (
        <Facts
          items={[
            [<FormattedMessage key="k" id="placements.followup.field.observed_on" />, fmt.date(o.observedOn)],
            [
              <FormattedMessage key="k" id="placements.followup.field.situation" />,
              <FormattedMessage key="v" id={`placements.followup.situation.${o.situation}`} />,
            ],
            ...(o.contractType
              ? [
                  [
                    <FormattedMessage key="k" id="placements.followup.field.contract_type" />,
                    <FormattedMessage key="v" id={`placements.followup.contract_type.${o.contractType}`} />,
                  ] as [ReactNode, ReactNode],
                ]
              : []),
            ...(o.dropOutReason
              ? [
                  [
                    <FormattedMessage key="k" id="placements.followup.field.drop_out_reason" />,
                    o.dropOutReason,
                  ] as [ReactNode, ReactNode],
                ]
              : []),
            [<FormattedMessage key="k" id="placements.followup.field.note" />, o.note ?? '—'],
          ]}
        />
      )}
      {o && !editing && slot.open && (
        <div className="row">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            <FormattedMessage id="placements.followup.outcomes.correct" />
          </Button>
        </div>
      )}
      {slot.open && editing && <OutcomeForm f={f} slot={slot} onDone={() => setEditing(false)} />}
      {/* A new outcome's form stays closed until asked for, like every entry form of the follow-up. */}
      {slot.open && !o && (
        <Reveal
          level={4}
          label={<FormattedMessage id="placements.followup.outcomes.open" values={{ kind: slot.kind }} />}
        >
          <OutcomeForm f={f} slot={slot} onDone={() => setEditing(false)} />
        </Reveal>
      )}
    </div>
  );
}
