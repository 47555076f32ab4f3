import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ReferralDeclineBody, type ReferralView } from '../../../common/people/referral-schemas';
import { post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Form, TextArea } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';

/** Declining needs a reason the sender will read; the dialog keeps the focus until sent or cancelled. */
export function DeclineDialog({ id, onDone }: { id: string; onDone: (r: ReferralView) => void }) {
  const intl = useIntl();
  const form = useForm(ReferralDeclineBody, { reason: '' });
  const [error, setError] = useState<unknown>(null);
  return (
    <DialogTrigger>
      <Button variant="danger">
        <FormattedMessage id="referrals.action.decline" />
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="stack">
            {({ close }) => (
              <>
                <Heading slot="title">
                  <FormattedMessage id="referrals.decline.title" />
                </Heading>
                <ErrorAlert error={error} />
                <Form
                  className="stack"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    setError(null);
                    if (!form.validate()) return;
                    try {
                      onDone(await post<ReferralView>(`/api/referrals/${id}/decline`, form.body()));
                      close();
                    } catch (err) {
                      setError(err);
                      form.fromApiError(err);
                    }
                  }}
                >
                  <TextArea
                    label={intl.formatMessage({ id: 'referrals.decline.reason' })}
                    description={<FormattedMessage id="referrals.decline.hint" />}
                    value={form.values.reason}
                    onChange={form.set('reason')}
                    error={form.errors.reason}
                    isRequired
                  />
                  <div className="row">
                    <Button type="submit" variant="danger">
                      <FormattedMessage id="referrals.decline.confirm" />
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
