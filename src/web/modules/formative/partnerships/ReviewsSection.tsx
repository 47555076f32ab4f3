import { useState } from 'react';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { reviewEditable, reviewState } from '../../../../common/formative/rules';
import {
  type PartnershipView,
  REVIEW_KINDS,
  type ReviewKind,
  type ReviewView,
} from '../../../../common/formative/schemas';
import { civilDay } from '../../../../common/kernel/clock';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { TextArea } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, Facts } from '../../../app/ui/layout';
import { fieldErrors, useFormativeWords } from './words';

/**
 * The mid-year, end-of-year and final reviews. The trainee and the tutor write them and each signs as
 * themself; once signed, the text is frozen (the server and the database refuse any change).
 */
export function ReviewsSection({ v }: { v: PartnershipView }) {
  return (
    <>
      {REVIEW_KINDS.map((kind) => (
        <ReviewCard key={kind} v={v} kind={kind} review={v.reviews.find((r) => r.kind === kind) ?? null} />
      ))}
    </>
  );
}

function ReviewCard({
  v,
  kind,
  review,
}: {
  v: PartnershipView;
  kind: ReviewKind;
  review: ReviewView | null;
}) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const sign = useEndpointMutation(api.signReview, [api.view]);
  const title = w.rev(`kind.${kind}`);
  const mySignature =
    v.me.role === 'trainee'
      ? review?.traineeSignedAt
      : v.me.role === 'tutor'
        ? review?.tutorSignedAt
        : undefined;
  const canSign = v.me.canRecord && review !== null && mySignature === null;
  return (
    <Card
      title={title}
      actions={
        v.me.canRecord ? (
          <div className="row">
            {reviewEditable(review) && <ReviewDialog v={v} kind={kind} review={review} />}
            {canSign && (
              <Button
                aria-label={w.rev('sign_of', { kind: title })}
                isDisabled={sign.isPending}
                onPress={() => sign.mutate({ params: { id: v.partnership.id, kind } })}
              >
                {w.rev('sign')}
              </Button>
            )}
          </div>
        ) : undefined
      }
    >
      {review === null ? (
        <p className="muted">{w.rev('not_written')}</p>
      ) : (
        <div className="stack formative-review">
          <p>
            <strong>{w.rev(`state.${reviewState(review)}`)}</strong>
          </p>
          <Facts
            items={[
              [w.rev('held_on'), f.day(review.heldOn)],
              [w.rev('strengths'), review.strengths ?? '—'],
              [w.rev('improvements'), review.improvements ?? '—'],
              [w.rev('next_steps'), review.nextSteps ?? '—'],
            ]}
          />
          <ul>
            <li>
              {review.traineeSignedAt
                ? w.rev('trainee_signed', { at: f.dateTime(review.traineeSignedAt) })
                : w.rev('trainee_unsigned')}
            </li>
            <li>
              {review.tutorSignedAt
                ? w.rev('tutor_signed', { at: f.dateTime(review.tutorSignedAt) })
                : w.rev('tutor_unsigned')}
            </li>
          </ul>
          {canSign && <p className="muted">{w.rev('sign_hint')}</p>}
        </div>
      )}
    </Card>
  );
}

function ReviewDialog({
  v,
  kind,
  review,
}: {
  v: PartnershipView;
  kind: ReviewKind;
  review: ReviewView | null;
}) {
  const w = useFormativeWords();
  const save = useEndpointMutation(api.writeReview, [api.view]);
  const today = civilDay(new Date());
  const [heldOn, setHeldOn] = useState(review?.heldOn ?? today);
  const [strengths, setStrengths] = useState(review?.strengths ?? '');
  const [improvements, setImprovements] = useState(review?.improvements ?? '');
  const [nextSteps, setNextSteps] = useState(review?.nextSteps ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const title = w.rev('write_of', { kind: w.rev(`kind.${kind}`) });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary" aria-label={title}>
          {w.rev('write')}
        </Button>
      }
      title={title}
      submitLabel={w.rev('save')}
      isSubmitDisabled={save.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        if (!heldOn) {
          setErrors({ heldOn: w.p('field.required') });
          return false;
        }
        await save.mutateAsync({
          params: { id: v.partnership.id, kind },
          body: {
            heldOn,
            strengths: strengths.trim() || null,
            improvements: improvements.trim() || null,
            nextSteps: nextSteps.trim() || null,
          },
        });
        return true;
      }}
    >
      <DateField
        label={w.rev('held_on')}
        value={heldOn}
        onChange={setHeldOn}
        max={today}
        isRequired
        error={errors.heldOn}
      />
      <TextArea
        label={w.rev('strengths')}
        value={strengths}
        onChange={setStrengths}
        error={errors.strengths}
      />
      <TextArea
        label={w.rev('improvements')}
        value={improvements}
        onChange={setImprovements}
        error={errors.improvements}
      />
      <TextArea
        label={w.rev('next_steps')}
        value={nextSteps}
        onChange={setNextSteps}
        error={errors.nextSteps}
      />
    </FormDialog>
  );
}
