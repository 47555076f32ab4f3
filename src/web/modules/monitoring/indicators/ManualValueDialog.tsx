import { FormattedMessage, useIntl } from 'react-intl';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { ManualValueInput } from '../../../../common/monitoring/schemas';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { TextArea, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';

/**
 * The lead coordinator types a manual indicator's value: a number, the day it was true, and its evidence
 * (a link to the document, or a note naming it). A correction is a newer value; none is overwritten.
 */
export function ManualValueDialog({ indicatorId, today }: { indicatorId: string; today: string }) {
  const intl = useIntl();
  const add = useEndpointMutation(api.addValue, [api.board]);
  const form = useForm(ManualValueInput, { value: '', asOf: today, evidenceUrl: '', evidenceNote: '' });
  const msg = (id: string) => intl.formatMessage({ id: `monitoring.indicators.value_form.${id}` });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary">
          <FormattedMessage id="monitoring.indicators.value_form.open" />
        </Button>
      }
      title={<FormattedMessage id="monitoring.indicators.value_form.title" />}
      submitLabel={<FormattedMessage id="monitoring.indicators.value_form.submit" />}
      isSubmitDisabled={add.isPending}
      onError={form.fromApiError}
      onSubmit={async () => {
        const v = form.values;
        const body = {
          value: Number(v.value),
          asOf: v.asOf,
          evidenceUrl: v.evidenceUrl.trim() || null,
          evidenceNote: v.evidenceNote.trim() || null,
        };
        if (!/^\d+$/.test(v.value.trim())) {
          form.setErrors({ value: msg('value_number') });
          return false;
        }
        if (!body.evidenceUrl && !body.evidenceNote) {
          form.setErrors({ evidenceUrl: msg('evidence_required') });
          return false;
        }
        await add.mutateAsync({ params: { id: indicatorId }, body });
        return true;
      }}
    >
      <TextField
        label={msg('value')}
        value={form.values.value}
        onChange={form.set('value')}
        inputMode="numeric"
        isRequired
        error={form.errors.value}
      />
      <DateField
        label={msg('as_of')}
        value={form.values.asOf}
        onChange={form.set('asOf')}
        max={today}
        isRequired
        error={form.errors.asOf}
      />
      <TextField
        label={msg('evidence_url')}
        type="url"
        value={form.values.evidenceUrl}
        onChange={form.set('evidenceUrl')}
        error={form.errors.evidenceUrl}
      />
      <TextArea
        label={msg('evidence_note')}
        value={form.values.evidenceNote}
        onChange={form.set('evidenceNote')}
        error={form.errors.evidenceNote}
      />
    </FormDialog>
  );
}
