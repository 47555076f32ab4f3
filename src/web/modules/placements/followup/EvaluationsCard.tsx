import { type ReactNode, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import {
  EVALUATION_CRITERIA,
  EVALUATION_KINDS,
  type EvaluationKind,
} from '../../../../common/placements/followup-rules';
import type { EvaluationView, FollowUpView } from '../../../../common/placements/followup-schemas';
import { Button } from '../../../app/ui/Button';
import { Card, Facts } from '../../../app/ui/layout';
import { Reveal } from '../../../app/ui/Reveal';
import { EvaluationForm } from './EvaluationForm';
import { useFollowUpFormat } from './format';

/** The mid-term and final tripartite evaluations: what was scored, or the form to record it. */
export function EvaluationsCard({ f }: { f: FollowUpView }) {
  return (
    <Card title={<FormattedMessage id="placements.followup.evaluations.title" />}>
      <div className="stack">
        {EVALUATION_KINDS.map((kind) => (
          <EvaluationBlock key={kind} f={f} kind={kind} e={f.evaluations.find((x) => x.kind === kind)} />
        ))}
      </div>
    </Card>
  );
}

function EvaluationBlock({ f, kind, e }: { f: FollowUpView; kind: EvaluationKind; e?: EvaluationView }) {
  const fmt = useFollowUpFormat();
  const [editing, setEditing] = useState(false);
  // The final evaluation opens at the midpoint (an interrupted placement may close with it at any time).
  const opensLater = kind === 'final' && f.today < f.midpoint && f.status !== 'interrupted';
  return (
    <div className="stack">
      <h3>
        <FormattedMessage id={`placements.followup.evaluation_kind.${kind}`} />
      </h3>
      {e && !editing && <EvaluationFacts e={e} />}
      {e && !editing && f.canEvaluate && (
        <div className="row">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            <FormattedMessage
              id="placements.followup.evaluations.correct"
              values={{ kind: kindLabel(kind) }}
            />
          </Button>
        </div>
      )}
      {!e && opensLater && (
        <p className="muted">
          <FormattedMessage
            id="placements.followup.evaluations.final_opens"
            values={{ date: fmt.date(f.midpoint) }}
          />
        </p>
      )}
      {!e && !opensLater && !f.canEvaluate && (
        <p className="muted">
          <FormattedMessage id="placements.followup.evaluations.none" />
        </p>
      )}
      {f.canEvaluate && editing && (
        <EvaluationForm f={f} kind={kind} e={e} onDone={() => setEditing(false)} />
      )}
      {/* A new evaluation's form stays closed until asked for: the card first says what was scored. */}
      {f.canEvaluate && !e && !opensLater && (
        <Reveal
          level={4}
          label={<FormattedMessage id="placements.followup.evaluations.open" values={{ kind }} />}
        >
          <EvaluationForm f={f} kind={kind} onDone={() => setEditing(false)} />
        </Reveal>
      )}
    </div>
  );
}

const kindLabel = (kind: EvaluationKind) => (
  <FormattedMessage id={`placements.followup.evaluation_kind.${kind}`} />
);

function EvaluationFacts({ e }: { e: EvaluationView }) {
  const fmt = useFollowUpFormat();
  const yesNo = (b: boolean) => <FormattedMessage id={b ? 'common.yes' : 'common.no'} />;
  return (
    <Facts
      items={[
        [<FormattedMessage key="k" id="placements.followup.field.held_on" />, fmt.date(e.heldOn)],
        ...EVALUATION_CRITERIA.map((c): [ReactNode, ReactNode] => [
          <FormattedMessage key="k" id={`placements.followup.criterion.${c}`} />,
          <FormattedMessage key="v" id={`placements.followup.score.${e.scores[c]}`} />,
        ]),
        [<FormattedMessage key="k" id="placements.followup.field.person_present" />, yesNo(e.personPresent)],
        [
          <FormattedMessage key="k" id="placements.followup.field.referent_present" />,
          yesNo(e.referentPresent),
        ],
        [<FormattedMessage key="k" id="placements.followup.field.tutor_present" />, yesNo(e.tutorPresent)],
        [<FormattedMessage key="k" id="placements.followup.field.strengths" />, e.strengths ?? '—'],
        [<FormattedMessage key="k" id="placements.followup.field.improvements" />, e.improvements ?? '—'],
        [<FormattedMessage key="k" id="placements.followup.field.next_steps" />, e.nextSteps ?? '—'],
      ]}
    />
  );
}
