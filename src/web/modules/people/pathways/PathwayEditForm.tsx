import { FormattedMessage, useIntl } from 'react-intl';
import { pathwaysApi } from '../../../../common/people/endpoints';
import {
  PATHWAY_MODULES,
  type PathwayDetail,
  PathwayPatchBody,
} from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { errorUnder } from './format';
import { usePathwayChange, useReferentOptions } from './usePathway';

/** Changes modules, referents and entry date of a pathway. */
export function PathwayEditForm({ p, onClose }: { p: PathwayDetail; onClose: () => void }) {
  const intl = useIntl();
  const referents = useReferentOptions(true);
  const form = useForm(PathwayPatchBody, {
    entryOn: p.entryOn,
    modules: p.modules as string[],
    referentUserIds: p.referents.map((r) => r.id),
  });
  const save = usePathwayChange(
    (body: PathwayPatchBody) => call(pathwaysApi.update, { params: { id: p.id }, body }),
    onClose,
  );
  // Referents named on the pathway stay listed even if they no longer hold the role.
  const options = [
    ...(referents.data?.items ?? []),
    ...p.referents.filter((r) => !referents.data?.items.some((u) => u.id === r.id)),
  ].map((u) => ({ id: u.id, label: u.displayName }));
  return (
    <Form
      validationBehavior="aria"
      className="stack no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) save.mutate(form.body() as PathwayPatchBody, { onError: form.fromApiError });
      }}
    >
      <ErrorAlert error={save.error} />
      <DateField
        label={intl.formatMessage({ id: 'people.pathways.field.entry_on' })}
        isRequired
        value={form.values.entryOn}
        onChange={form.set('entryOn')}
        error={form.errors.entryOn}
      />
      <CheckboxGroup
        label={intl.formatMessage({ id: 'people.pathways.field.modules' })}
        value={form.values.modules}
        onChange={form.set('modules')}
        error={form.errors.modules}
        options={PATHWAY_MODULES.map((m) => ({
          id: m,
          label: intl.formatMessage({ id: `people.pathways.enum.module.${m}` }),
        }))}
      />
      <CheckboxGroup
        label={intl.formatMessage({ id: 'people.pathways.field.referents' })}
        description={intl.formatMessage({ id: 'people.pathways.field.referents_hint' })}
        value={form.values.referentUserIds}
        onChange={form.set('referentUserIds')}
        error={errorUnder(form.errors, 'referentUserIds')}
        options={options}
      />
      <div className="row">
        <Button type="submit" isDisabled={save.isPending}>
          <FormattedMessage id="common.save" />
        </Button>
        <Button variant="ghost" onPress={onClose}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
