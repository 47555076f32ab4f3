import { useState } from 'react';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import {
  type PartnershipView,
  type PlanItemView,
  PROGRESS_LEVELS,
  type ProgressLevel,
} from '../../../../common/formative/schemas';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card } from '../../../app/ui/layout';
import { fieldErrors, useFormativeWords } from './words';

/** The learning plan: per module, hours done against planned (a bar), the level, percentage and comment. */
export function PlanSection({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const t = v.totals;
  return (
    <Card title={w.plan('title')}>
      <p>{w.plan('hint')}</p>
      <div className="formative-total">
        <p>
          {w.plan('total', {
            done: w.hours(t.doneHours),
            planned: w.hours(t.plannedHours),
            percent: t.hoursPercent,
          })}
        </p>
        <progress max={100} value={t.hoursPercent} aria-label={w.plan('title')} />
      </div>
      <ul className="formative-modules">
        {v.plan.map((i) => (
          <li key={i.id} className="formative-module">
            <h3>{w.name(i)}</h3>
            <p>{w.plan('hours', { done: w.hours(i.doneHours), planned: w.hours(i.plannedHours) })}</p>
            <progress max={100} value={i.hoursPercent} aria-label={w.plan('bar', { module: w.name(i) })} />
            {i.level === null ? (
              <p className="muted">{w.plan('no_progress')}</p>
            ) : (
              <>
                <p>{w.plan('state', { level: w.plan(`level.${i.level}`), percent: i.percent ?? 0 })}</p>
                {i.comment && <p>{i.comment}</p>}
                {i.progressAt && (
                  <p className="muted">
                    {w.plan('progress_by', { name: i.progressByName ?? '—', day: f.day(i.progressAt) })}
                  </p>
                )}
              </>
            )}
            {v.me.canRecord && <ProgressDialog partnershipId={v.partnership.id} item={i} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The tutor (or the trainee) records where the trainee stands on one module. */
export function ProgressDialog({ partnershipId, item }: { partnershipId: string; item: PlanItemView }) {
  const w = useFormativeWords();
  const save = useEndpointMutation(api.progress, [api.view]);
  const [level, setLevel] = useState<ProgressLevel>(item.level ?? 'discovering');
  const [percent, setPercent] = useState(item.percent === null ? '' : String(item.percent));
  const [comment, setComment] = useState(item.comment ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const title = w.plan('progress.open_of', { module: w.name(item) });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" aria-label={title}>
          {w.plan('progress.open')}
        </Button>
      }
      title={title}
      submitLabel={w.plan('progress.save')}
      isSubmitDisabled={save.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const n = Number(percent.trim());
        if (percent.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) {
          setErrors({ percent: w.plan('progress.percent_invalid') });
          return false;
        }
        await save.mutateAsync({
          params: { id: partnershipId, itemId: item.id },
          body: { level, percent: n, comment: comment.trim() || null },
        });
        return true;
      }}
    >
      <Select
        label={w.plan('level')}
        value={level}
        onChange={(x) => setLevel(x as ProgressLevel)}
        options={PROGRESS_LEVELS.map((l) => ({ id: l, label: w.plan(`level.${l}`) }))}
        isRequired
      />
      <TextField
        label={w.plan('percent')}
        inputMode="numeric"
        value={percent}
        onChange={setPercent}
        maxLength={3}
        isRequired
        error={errors.percent}
      />
      <TextArea label={w.plan('comment')} value={comment} onChange={setComment} error={errors.comment} />
    </FormDialog>
  );
}
