import { FormattedMessage, useIntl } from 'react-intl';
import Type from 'typebox';
import { pathwaysApi } from '../../../../common/people/endpoints';
import type { PathwayDetail, PathwayPatchBody } from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, TextArea } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { todayIso } from './format';
import { usePathwayChange } from './usePathway';

/** Closing needs both a date and a reason (the API's PathwayPatchBody allows either to be left out). */
const ExitBody = Type.Object({
  exitOn: Type.String({ format: 'date' }),
  exitReason: Type.String({ minLength: 2, maxLength: 500 }),
});

/** Ends the pathway: exit date (on or after entry) and reason. */
export function ExitForm({ p }: { p: PathwayDetail }) {
  const intl = useIntl();
  const form = useForm(ExitBody, { exitOn: todayIso(), exitReason: '' });
  const close = usePathwayChange((body: PathwayPatchBody) =>
    call(pathwaysApi.update, { params: { id: p.id }, body }),
  );
  return (
    <details className="card no-print">
      <summary>
        <FormattedMessage id="people.pathways.exit.title" />
      </summary>
      <Form
        validationBehavior="aria"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validate()) close.mutate(form.body() as PathwayPatchBody, { onError: form.fromApiError });
        }}
      >
        <p className="muted">
          <FormattedMessage id="people.pathways.exit.hint" />
        </p>
        <ErrorAlert error={close.error} />
        <DateField
          label={intl.formatMessage({ id: 'people.pathways.field.exit_on' })}
          isRequired
          value={form.values.exitOn}
          onChange={form.set('exitOn')}
          error={form.errors.exitOn}
        />
        <TextArea
          label={intl.formatMessage({ id: 'people.pathways.field.exit_reason' })}
          isRequired
          value={form.values.exitReason}
          onChange={form.set('exitReason')}
          error={form.errors.exitReason}
        />
        <div className="row">
          <Button type="submit" variant="danger" isDisabled={close.isPending}>
            <FormattedMessage id="people.pathways.exit.submit" />
          </Button>
        </div>
      </Form>
    </details>
  );
}
