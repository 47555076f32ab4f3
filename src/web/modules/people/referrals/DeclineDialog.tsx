import { FormattedMessage, useIntl } from 'react-intl';
import { referralsApi } from '../../../../common/people/endpoints';
import { ReferralDeclineBody, type ReferralView } from '../../../../common/people/referral-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { TextArea } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';

/** Declining needs a reason the sender will read; the dialog keeps the focus until sent or cancelled. */
export function DeclineDialog({ id, onDone }: { id: string; onDone: (r: ReferralView) => void }) {
  const intl = useIntl();
  const form = useForm(ReferralDeclineBody, { reason: '' });
  return (
    <FormDialog
      trigger={
        <Button variant="danger">
          <FormattedMessage id="people.referrals.action.decline" />
        </Button>
      }
      title={<FormattedMessage id="people.referrals.decline.title" />}
      submitLabel={<FormattedMessage id="people.referrals.decline.confirm" />}
      variant="danger"
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        onDone(
          await call(referralsApi.decline, { params: { id }, body: { reason: form.values.reason.trim() } }),
        );
        return true;
      }}
    >
      <TextArea
        label={intl.formatMessage({ id: 'people.referrals.decline.reason' })}
        description={<FormattedMessage id="people.referrals.decline.hint" />}
        value={form.values.reason}
        onChange={form.set('reason')}
        error={form.errors.reason}
        isRequired
      />
    </FormDialog>
  );
}
