import { type ReactNode, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { Button } from './Button';
import { ErrorAlert } from './feedback';
import { Form } from './fields';

/**
 * A modal form opened by a button: title, the server's error, fields, submit and cancel. The dialog keeps
 * the focus until it is sent or cancelled. `onSubmit` validates and sends; it returns false to stay open
 * (a field is wrong) and throws the API error, which is shown and handed to `onError` (field errors).
 */
export function FormDialog({
  trigger,
  title,
  submitLabel,
  variant = 'primary',
  isSubmitDisabled,
  onSubmit,
  onError,
  children,
}: {
  trigger: ReactNode;
  title: ReactNode;
  submitLabel: ReactNode;
  variant?: 'primary' | 'danger';
  isSubmitDisabled?: boolean;
  onSubmit: () => Promise<boolean>;
  onError?: (error: unknown) => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<unknown>(null);
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="stack">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <ErrorAlert error={error} />
                <Form
                  className="stack"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    setError(null);
                    try {
                      if (await onSubmit()) close();
                    } catch (err) {
                      setError(err);
                      onError?.(err);
                    }
                  }}
                >
                  {children}
                  <div className="row">
                    <Button type="submit" variant={variant} isDisabled={isSubmitDisabled}>
                      {submitLabel}
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
