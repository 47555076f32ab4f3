import { FormattedMessage, useIntl } from 'react-intl';
import { pathwaysApi } from '../../../../common/people/endpoints';
import { ObjectiveCreateBody } from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { usePathwayChange } from './usePathway';

/** Adds an objective to a pathway or an action to an objective: a title and an optional due date. */
export function TitleForm({ parentId, kind }: { parentId: string; kind: 'objective' | 'action' }) {
  const intl = useIntl();
  // Objectives and actions take the same fields; ActionCreateBody has the same shape.
  const form = useForm(ObjectiveCreateBody, { title: '', dueOn: '' });
  const add = usePathwayChange(
    (body: ObjectiveCreateBody) =>
      call(kind === 'objective' ? pathwaysApi.addObjective : pathwaysApi.addAction, {
        params: { id: parentId },
        body,
      }),
    () => form.setValues({ title: '', dueOn: '' }),
  );
  return (
    <Form
      validationBehavior="aria"
      className="row pathway-add no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) add.mutate(form.body() as ObjectiveCreateBody, { onError: form.fromApiError });
      }}
    >
      <ErrorAlert error={add.error} />
      <TextField
        label={intl.formatMessage({ id: `people.pathways.${kind}.new_title` })}
        isRequired
        value={form.values.title}
        onChange={form.set('title')}
        error={form.errors.title}
      />
      <DateField
        label={intl.formatMessage({ id: 'people.pathways.field.due_on' })}
        value={form.values.dueOn}
        onChange={form.set('dueOn')}
        error={form.errors.dueOn}
      />
      <Button type="submit" variant="secondary" isDisabled={add.isPending}>
        <FormattedMessage id={`people.pathways.${kind}.add`} />
      </Button>
    </Form>
  );
}
