import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import {
  type ModuleInput,
  ModuleInput as ModuleSchema,
  type ModuleView,
  moduleProblems,
} from '../../../../common/formative/module-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { type Option, Select, TextArea, TextField } from '../../../app/ui/fields';
import { fieldErrors, useFormativeWords } from '../partnerships/words';

type Draft = Record<'unitId' | 'code' | 'nameFr' | 'nameNl' | 'descriptionFr' | 'descriptionNl', string>;

const draftOf = (m: ModuleView | null, unitId: string): Draft => ({
  unitId: m?.unitId ?? unitId,
  code: m?.code ?? '',
  nameFr: m?.nameFr ?? '',
  nameNl: m?.nameNl ?? '',
  descriptionFr: m?.descriptionFr ?? '',
  descriptionNl: m?.descriptionNl ?? '',
});

const bodyOf = (d: Draft): ModuleInput => ({
  unitId: d.unitId,
  code: d.code.trim(),
  nameFr: d.nameFr.trim(),
  nameNl: d.nameNl.trim(),
  descriptionFr: d.descriptionFr.trim() || null,
  descriptionNl: d.descriptionNl.trim() || null,
});

/**
 * A module's form, to create one in the unit shown or to edit one (which may move it to another unit).
 * The shared schema and rules check it before sending, as the API will.
 */
export function ModuleDialog({
  module: m,
  unitId,
  units,
}: {
  module: ModuleView | null;
  unitId: string;
  units: Option[];
}) {
  const w = useFormativeWords();
  const intl = useIntl();
  const create = useEndpointMutation(api.createModule, [api.modules, api.options]);
  const update = useEndpointMutation(api.updateModule, [api.modules, api.options]);
  const [d, setD] = useState<Draft>(() => draftOf(m, unitId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof Draft) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const name = m ? w.name(m) : '';
  return (
    <FormDialog
      trigger={
        m ? (
          <Button variant="secondary" aria-label={w.mod('edit.open_of', { module: name })}>
            {w.mod('edit.open')}
          </Button>
        ) : (
          <Button>{w.mod('new.open')}</Button>
        )
      }
      title={m ? w.mod('edit.title') : w.mod('new.title')}
      submitLabel={m ? w.mod('save') : w.mod('create')}
      isSubmitDisabled={create.isPending || update.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const body = bodyOf(d);
        // Later entries win: the rule's message replaces the schema's on the same field.
        const problems = [
          ...schemaErrors(ModuleSchema, body),
          ...moduleProblems(body),
          // A unit not chosen yet is missing rather than malformed.
          ...(body.unitId ? [] : [{ path: 'unitId', code: 'validation.required' }]),
        ];
        setErrors(
          Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
        );
        if (problems.length) return false;
        if (m) await update.mutateAsync({ params: { id: m.id }, body });
        else {
          await create.mutateAsync({ body });
          setD(draftOf(null, d.unitId));
        }
        return true;
      }}
    >
      <Select
        label={w.mod('field.unit')}
        value={d.unitId || null}
        onChange={set('unitId')}
        options={units}
        isRequired
        error={errors.unitId}
      />
      <TextField
        label={w.mod('field.code')}
        description={w.mod('field.code_hint')}
        value={d.code}
        onChange={set('code')}
        maxLength={40}
        isRequired
        error={errors.code}
      />
      <TextField
        label={w.mod('field.name_fr')}
        value={d.nameFr}
        onChange={set('nameFr')}
        maxLength={200}
        isRequired
        error={errors.nameFr}
      />
      <TextField
        label={w.mod('field.name_nl')}
        value={d.nameNl}
        onChange={set('nameNl')}
        maxLength={200}
        isRequired
        error={errors.nameNl}
      />
      <TextArea
        label={w.mod('field.description_fr')}
        value={d.descriptionFr}
        onChange={set('descriptionFr')}
        error={errors.descriptionFr}
      />
      <TextArea
        label={w.mod('field.description_nl')}
        value={d.descriptionNl}
        onChange={set('descriptionNl')}
        error={errors.descriptionNl}
      />
    </FormDialog>
  );
}

/** Deletes a module no plan uses, after confirmation. */
export function DeleteModuleDialog({ module: m }: { module: ModuleView }) {
  const w = useFormativeWords();
  const remove = useEndpointMutation(api.deleteModule, [api.modules, api.options]);
  const name = w.name(m);
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" aria-label={w.mod('delete_of', { module: name })}>
          {w.mod('delete')}
        </Button>
      }
      title={w.mod('delete.title')}
      submitLabel={w.mod('delete.confirm')}
      variant="danger"
      isSubmitDisabled={remove.isPending}
      onSubmit={async () => {
        await remove.mutateAsync({ params: { id: m.id } });
        return true;
      }}
    >
      <p>{w.mod('delete.body', { module: name })}</p>
    </FormDialog>
  );
}
