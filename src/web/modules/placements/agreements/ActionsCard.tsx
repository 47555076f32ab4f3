import { useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  type ActionView,
  type PlacementView,
  TransitionBody,
} from '../../../common/placements/agreement-schemas';
import { post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { FormDialog } from '../../app/ui/FormDialog';
import { ErrorAlert } from '../../app/ui/feedback';
import { TextArea } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card } from '../../app/ui/layout';

/** Actions that end or undo something are shown as such. */
const DANGER = new Set(['cancel', 'interrupt', 'refuse_host', 'return_to_draft']);
/** A change of substance after signature happens by editing the terms (the server then asks new signatures). */
const BY_EDITING = new Set(['amend']);

const transition = (id: string, body: TransitionBody) =>
  post<unknown>(`/api/placements/${encodeURIComponent(id)}/transitions`, body);

/**
 * What the actor may do now. Actions whose conditions fail stay visible but disabled, with the reasons
 * listed under them, so the user knows what to fix rather than wondering where the button went.
 */
export function ActionsCard({
  placement: p,
  onChanged,
}: {
  placement: PlacementView;
  onChanged: () => void;
}) {
  const run = useMutation({
    mutationFn: (action: string) => transition(p.id, { action }),
    onSuccess: onChanged,
  });
  const actions = p.actions.filter((a) => !BY_EDITING.has(a.action));
  if (!actions.length) return null;
  return (
    <Card title={<FormattedMessage id="agreementScreens.actions.title" />}>
      <ErrorAlert error={run.error} />
      <ul className="stack">
        {actions.map((a) => (
          <li key={a.action} className="stack">
            {a.blockedBy.length > 0 ? (
              <BlockedAction action={a} />
            ) : a.reasonRequired ? (
              <ReasonDialog placementId={p.id} action={a.action} onDone={onChanged} />
            ) : (
              <Button
                variant={DANGER.has(a.action) ? 'danger' : 'primary'}
                onPress={() => run.mutate(a.action)}
                isDisabled={run.isPending}
              >
                <FormattedMessage id={`agreements.action.${a.action}`} />
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
        <FormattedMessage id={`agreements.action.${a.action}`} />
      </Button>
      <div id={id} className="muted">
        <FormattedMessage id="agreementScreens.actions.blocked" />
        <ul>
          {a.blockedBy.map((g) => (
            <li key={g}>
              <FormattedMessage id={`agreements.guard.${g}`} />
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
  onDone,
}: {
  placementId: string;
  action: string;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useForm(TransitionBody, { action, reason: '' });
  const label = intl.formatMessage({ id: `agreements.action.${action}` });
  const variant = DANGER.has(action) ? 'danger' : 'primary';
  return (
    <FormDialog
      trigger={<Button variant={variant}>{label}</Button>}
      title={label}
      submitLabel={<FormattedMessage id="agreementScreens.actions.confirm" />}
      variant={variant}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        await transition(placementId, { action, reason: form.values.reason.trim() });
        onDone();
        return true;
      }}
    >
      <TextArea
        label={intl.formatMessage({ id: 'agreementScreens.actions.reason' })}
        description={<FormattedMessage id="agreementScreens.actions.reason_hint" />}
        value={form.values.reason}
        onChange={form.set('reason')}
        error={form.errors.reason}
        isRequired
      />
    </FormDialog>
  );
}
