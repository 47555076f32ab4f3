import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  type ActionView,
  type PlacementView,
  TransitionBody,
} from '../../../common/placements/agreement-schemas';
import { post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Form, TextArea } from '../../app/ui/fields';
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
  const [error, setError] = useState<unknown>(null);
  const label = intl.formatMessage({ id: `agreements.action.${action}` });
  return (
    <DialogTrigger>
      <Button variant={DANGER.has(action) ? 'danger' : 'primary'}>{label}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="stack">
            {({ close }) => (
              <>
                <Heading slot="title">{label}</Heading>
                <ErrorAlert error={error} />
                <Form
                  className="stack"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    setError(null);
                    if (!form.validate()) return;
                    try {
                      await transition(placementId, { action, reason: form.values.reason.trim() });
                      close();
                      onDone();
                    } catch (err) {
                      setError(err);
                      form.fromApiError(err);
                    }
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
                  <div className="row">
                    <Button type="submit" variant={DANGER.has(action) ? 'danger' : 'primary'}>
                      <FormattedMessage id="agreementScreens.actions.confirm" />
                    </Button>
                    <Button variant="secondary" onPress={close}>
                      <FormattedMessage id="common.cancel" />
                    </Button>
                  </div>
                </Form>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
