import { FormattedMessage, useIntl } from 'react-intl';
import type { Tone } from '../../../../common/kernel/workflow';
import {
  type ActionView,
  type PlacementView,
  TransitionBody,
} from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { call, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert } from '../../../app/ui/feedback';
import { TextArea } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { SendForSignatureDialog } from './SendForSignatureDialog';

/** A change of substance after signature happens by editing the terms (the server then asks new signatures). */
const BY_EDITING = new Set(['amend']);

/**
 * What the actor may do now. Actions whose conditions fail stay visible but disabled, with the reasons
 * listed under them, so the user knows what to fix rather than wondering where the button went. Each
 * button looks as the workflow's tone says (next step, other option, step back or out).
 */
export function ActionsCard({
  placement: p,
  onChanged,
}: {
  placement: PlacementView;
  onChanged: () => void;
}) {
  // The page reloads the agreement and its lists through `onChanged`.
  const run = useEndpointMutation(placementsEndpoints.transition);
  const actions = p.actions.filter((a) => !BY_EDITING.has(a.action));
  if (!actions.length) return null;
  return (
    <Card title={<FormattedMessage id="placements.agreements.actions.title" />}>
      <ErrorAlert error={run.error} />
      <ul className="stack">
        {actions.map((a) => (
          <li key={a.action} className="stack">
            {a.blockedBy.length > 0 ? (
              <BlockedAction action={a} />
            ) : a.reasonRequired ? (
              <ReasonDialog placementId={p.id} action={a.action} tone={a.tone} onDone={onChanged} />
            ) : a.action === 'send_for_signature' ? (
              // Sending asks every signatory at once (issue 9, item 3): how each signs is chosen first.
              <SendForSignatureDialog
                placementId={p.id}
                referentUserId={p.referentUserId}
                tone={a.tone}
                onDone={onChanged}
              />
            ) : (
              <Button
                variant={a.tone}
                onPress={() =>
                  run.mutate({ params: { id: p.id }, body: { action: a.action } }, { onSuccess: onChanged })
                }
                isDisabled={run.isPending}
              >
                <FormattedMessage id={`placements.agreements.action.${a.action}`} />
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function BlockedAction({ action: a }: { action: ActionView }) {
  const id = `blocked-${a.action}`;
  return (
    <>
      <Button variant="secondary" isDisabled aria-describedby={id}>
        <FormattedMessage id={`placements.agreements.action.${a.action}`} />
      </Button>
      <div id={id} className="muted">
        <FormattedMessage id="placements.agreements.actions.blocked" />
        <ul>
          {a.blockedBy.map((g) => (
            <li key={g}>
              <FormattedMessage id={`placements.agreements.guard.${g}`} />
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/** Refusing, interrupting or cancelling needs a reason the other parties will read. */
function ReasonDialog({
  placementId,
  action,
  tone,
  onDone,
}: {
  placementId: string;
  action: string;
  tone: Tone;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useForm(TransitionBody, { action, reason: '' });
  const label = intl.formatMessage({ id: `placements.agreements.action.${action}` });
  return (
    <FormDialog
      trigger={<Button variant={tone}>{label}</Button>}
      title={label}
      submitLabel={<FormattedMessage id="placements.agreements.actions.confirm" />}
      // The confirmation keeps the warning of a step back; anything else confirms plainly.
      variant={tone === 'danger' ? 'danger' : 'primary'}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        await call(placementsEndpoints.transition, {
          params: { id: placementId },
          body: { action, reason: form.values.reason.trim() },
        });
        onDone();
        return true;
      }}
    >
      <TextArea
        label={intl.formatMessage({ id: 'placements.agreements.actions.reason' })}
        description={<FormattedMessage id="placements.agreements.actions.reason_hint" />}
        value={form.values.reason}
        onChange={form.set('reason')}
        error={form.errors.reason}
        isRequired
      />
    </FormDialog>
  );
}
