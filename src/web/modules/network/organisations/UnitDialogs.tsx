import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { unitEndpoints as api } from '../../../../common/network/unit-endpoints';
import {
  UNIT_KINDS,
  UNIT_ROLES,
  UnitInput,
  type UnitMember,
  type UnitView,
  unitProblems,
} from '../../../../common/network/unit-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';

const U = (id: string) => `network.units.${id}`;
const refreshes = [api.list, api.get, api.members];

/** Creates a unit of the organisation, or edits one (`unit`): kind, names in French and Dutch, contact. */
export function UnitDialog({ orgId, unit, name }: { orgId: string; unit?: UnitView; name?: string }) {
  const intl = useIntl();
  const msg = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: U(id) }, values);
  const create = useEndpointMutation(api.create, refreshes);
  const update = useEndpointMutation(api.update, refreshes);
  const form = useForm(UnitInput, {
    kind: unit?.kind ?? 'service',
    nameFr: unit?.nameFr ?? '',
    nameNl: unit?.nameNl ?? '',
    shortName: unit?.shortName ?? '',
    email: unit?.email ?? '',
    phone: unit?.phone ?? '',
  });
  const { values, set, errors } = form;
  return (
    <FormDialog
      trigger={
        unit ? (
          <Button variant="ghost" aria-label={msg('edit', { name: name ?? '' })}>
            <FormattedMessage id="common.edit" />
          </Button>
        ) : (
          <Button>
            <FormattedMessage id={U('add')} />
          </Button>
        )
      }
      title={msg(unit ? 'edit.title' : 'add.title')}
      submitLabel={<FormattedMessage id={unit ? 'common.save' : 'common.create'} />}
      isSubmitDisabled={create.isPending || update.isPending}
      onError={form.fromApiError}
      onSubmit={async () => {
        const body = form.body() as UnitInput;
        const problems = unitProblems(body);
        if (!form.validate()) return false;
        if (problems.length) {
          form.setErrors(
            Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code })])),
          );
          return false;
        }
        if (unit) await update.mutateAsync({ params: { id: unit.id }, body });
        else await create.mutateAsync({ params: { id: orgId }, body });
        if (!unit)
          form.setValues({ kind: 'service', nameFr: '', nameNl: '', shortName: '', email: '', phone: '' });
        return true;
      }}
    >
      <Select
        label={msg('field.kind')}
        value={values.kind}
        onChange={set('kind')}
        options={UNIT_KINDS.map((k) => ({ id: k, label: msg(`kind.${k}`) }))}
        error={errors.kind}
        isRequired
      />
      <TextField
        label={msg('field.name_fr')}
        value={values.nameFr}
        onChange={set('nameFr')}
        error={errors.nameFr}
      />
      <TextField
        label={msg('field.name_nl')}
        value={values.nameNl}
        onChange={set('nameNl')}
        error={errors.nameNl}
      />
      <TextField
        label={msg('field.short_name')}
        description={msg('field.short_name_hint')}
        value={values.shortName}
        onChange={set('shortName')}
        error={errors.shortName}
      />
      <TextField
        label={msg('field.email')}
        type="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label={msg('field.phone')}
        type="tel"
        value={values.phone}
        onChange={set('phone')}
        error={errors.phone}
      />
    </FormDialog>
  );
}

/** Archives a unit after confirmation (restoring is one button in the archived list). */
export function ArchiveUnitDialog({ unit, name }: { unit: UnitView; name: string }) {
  const intl = useIntl();
  const archive = useEndpointMutation(api.archive, refreshes);
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" aria-label={intl.formatMessage({ id: U('archive') }, { name })}>
          <FormattedMessage id={U('archive.submit')} />
        </Button>
      }
      title={<FormattedMessage id={U('archive.title')} />}
      submitLabel={<FormattedMessage id={U('archive.submit')} />}
      variant="danger"
      isSubmitDisabled={archive.isPending}
      onSubmit={async () => {
        await archive.mutateAsync({ params: { id: unit.id }, body: { archived: true } });
        return true;
      }}
    >
      <p>
        <strong>{name}</strong>
      </p>
      <p>
        <FormattedMessage id={U('archive.body')} />
      </p>
    </FormDialog>
  );
}

type Row = Pick<UnitMember, 'userId' | 'displayName' | 'role'>;

/** The members being edited, loaded when the dialog opens (the dialog's content mounts then). */
function MembersEditor({
  unit,
  rows,
  setRows,
  errors,
}: {
  unit: UnitView;
  rows: Row[] | null;
  setRows: (rows: Row[] | null) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const msg = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: U(id) }, values);
  const members = useEndpoint(api.members, { params: { id: unit.id } });
  const staff = useEndpoint(api.staff, { params: { id: unit.orgId } });
  const [pick, setPick] = useState<string | null>(null);
  useEffect(() => {
    if (rows === null && members.data) setRows(members.data.items);
  }, [rows, members.data, setRows]);
  // Closing the dialog forgets unsaved changes: it opens again on what is saved.
  useEffect(() => () => setRows(null), [setRows]);
  if (members.error || staff.error) return <ErrorAlert error={members.error ?? staff.error} />;
  if (!rows || !staff.data) return <Loading />;
  const free = staff.data.items.filter((s) => !rows.some((r) => r.userId === s.userId));
  return (
    <>
      <p className="muted">
        <FormattedMessage id={U('members.intro')} />
      </p>
      {rows.length === 0 && (
        <p>
          <FormattedMessage id={U('members.none')} />
        </p>
      )}
      <ul className="stack">
        {rows.map((r, i) => (
          <li key={r.userId} className="row">
            <span>{r.displayName}</span>
            <Select
              label={msg('members.role', { name: r.displayName })}
              value={r.role}
              onChange={(v) =>
                setRows(rows.map((x) => (x.userId === r.userId ? { ...x, role: v as Row['role'] } : x)))
              }
              options={UNIT_ROLES.map((role) => ({ id: role, label: msg(`role.${role}`) }))}
              error={errors[`members.${i}.userId`]}
            />
            <Button
              variant="ghost"
              aria-label={msg('members.remove', { name: r.displayName })}
              onPress={() => setRows(rows.filter((x) => x.userId !== r.userId))}
            >
              <span aria-hidden="true">✕</span>
            </Button>
          </li>
        ))}
      </ul>
      {free.length > 0 ? (
        <div className="row">
          <Select
            label={msg('members.person')}
            value={pick}
            onChange={setPick}
            options={free.map((s) => ({ id: s.userId, label: s.displayName }))}
          />
          <Button
            variant="secondary"
            isDisabled={!pick}
            onPress={() => {
              const s = free.find((x) => x.userId === pick);
              if (s) setRows([...rows, { userId: s.userId, displayName: s.displayName, role: 'member' }]);
              setPick(null);
            }}
          >
            <FormattedMessage id={U('members.add')} />
          </Button>
        </div>
      ) : (
        <p className="muted">
          <FormattedMessage id={U('members.all_added')} />
        </p>
      )}
    </>
  );
}

/** Who belongs to a unit, chosen among the organisation's active members, each lead or member. */
export function MembersDialog({ unit, name }: { unit: UnitView; name: string }) {
  const intl = useIntl();
  const save = useEndpointMutation(api.setMembers, refreshes);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      trigger={
        <Button variant="ghost" aria-label={intl.formatMessage({ id: U('members') }, { name })}>
          <FormattedMessage id={U('col.members')} />
        </Button>
      }
      title={<FormattedMessage id={U('members.title')} />}
      submitLabel={<FormattedMessage id="common.save" />}
      isSubmitDisabled={save.isPending || rows === null}
      onError={(e) => {
        const fields = (e as { fields?: { path: string; message: string }[] }).fields ?? [];
        setErrors(Object.fromEntries(fields.map((x) => [x.path, x.message])));
      }}
      onSubmit={async () => {
        if (!rows) return false;
        setErrors({});
        await save.mutateAsync({
          params: { id: unit.id },
          body: { members: rows.map((r) => ({ userId: r.userId, role: r.role })) },
        });
        return true;
      }}
    >
      <p>
        <strong>{name}</strong>
      </p>
      <MembersEditor unit={unit} rows={rows} setRows={setRows} errors={errors} />
    </FormDialog>
  );
}
