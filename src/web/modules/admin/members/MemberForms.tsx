import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { MEMBERSHIP_ROLES } from '../../../../common/access/permissions';
import { membersApi } from '../../../../common/admin/endpoints';
import { AddMemberBody, type MemberView, PatchMemberBody } from '../../../../common/admin/members-schemas';
import { defaultLanguageForRegion, LANGUAGES } from '../../../../common/i18n/locales';
import { call, invalidate } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';

function useRoleOptions() {
  const intl = useIntl();
  return MEMBERSHIP_ROLES.map((r) => ({ id: r, label: intl.formatMessage({ id: `role.${r}` }) }));
}

/** The roles ticked, as the API names them (the boxes are made from the same list, in the order ticked). */
const rolesOf = (ticked: string[]) => ticked.flatMap((t) => MEMBERSHIP_ROLES.filter((r) => r === t));

/** Invites a colleague by e-mail: they join once they accept (new accounts by choosing a password). */
export function AddMemberCard() {
  const intl = useIntl();
  const client = useQueryClient();
  const roleOptions = useRoleOptions();
  const session = useSession();
  const org = session.memberships.find((m) => m.orgId === session.activeOrgId);
  const initial = {
    email: '',
    displayName: '',
    // A new colleague most likely speaks the language of the organisation's region (Flanders: Dutch).
    language: defaultLanguageForRegion(org?.region) as string,
    roles: [] as string[],
  };
  const form = useForm(AddMemberBody, initial);
  const [done, setDone] = useState<{ email: string } | null>(null);
  const { values } = form;
  const submit = form.onSubmit(
    () =>
      call(membersApi.add, {
        body: {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          language: LANGUAGES.find((l) => l === values.language) ?? 'fr',
          roles: rolesOf(values.roles),
        },
      }),
    async () => {
      setDone({ email: values.email.trim() });
      form.setValues(initial);
      await invalidate(client, membersApi.list);
    },
  );
  return (
    <Card title={<FormattedMessage id="admin.members.add.title" />}>
      <p className="muted">
        <FormattedMessage id="admin.members.add.intro" />
      </p>
      {done && (
        <Alert
          tone="success"
          title={<FormattedMessage id="admin.members.add.invited" values={{ email: done.email }} />}
        />
      )}
      <ErrorAlert error={form.error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          setDone(null);
          return submit(e);
        }}
      >
        <div className="row">
          <TextField
            label={intl.formatMessage({ id: 'auth.email' })}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={form.set('email')}
            error={form.errors.email}
            isRequired
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.members.add.name' })}
            autoComplete="off"
            value={values.displayName}
            onChange={form.set('displayName')}
            error={form.errors.displayName}
            isRequired
          />
          <Select
            label={intl.formatMessage({ id: 'admin.members.add.language' })}
            value={values.language}
            onChange={form.set('language')}
            error={form.errors.language}
            options={LANGUAGES.map((l) => ({
              id: l,
              label: intl.formatMessage({ id: `shell.language.${l}` }),
            }))}
            isRequired
          />
        </div>
        <CheckboxGroup
          label={intl.formatMessage({ id: 'admin.members.col.roles' })}
          value={values.roles}
          onChange={form.set('roles')}
          options={roleOptions}
          error={form.errors.roles ?? form.errors['roles.0']}
        />
        <div>
          <Button type="submit">
            <FormattedMessage id="admin.members.add.submit" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** A dialog to change one member's roles; the server refuses to drop one's own admin role. */
export function EditRolesDialog({ member, onSaved }: { member: MemberView; onSaved: () => void }) {
  const intl = useIntl();
  const roleOptions = useRoleOptions();
  const form = useForm(PatchMemberBody, { roles: member.roles });
  return (
    <FormDialog
      trigger={
        <Button
          variant="secondary"
          aria-label={intl.formatMessage({ id: 'admin.members.edit_roles_of' }, { name: member.displayName })}
        >
          <FormattedMessage id="admin.members.edit_roles" />
        </Button>
      }
      title={<FormattedMessage id="admin.members.edit_roles_of" values={{ name: member.displayName }} />}
      submitLabel={<FormattedMessage id="common.save" />}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        await call(membersApi.patch, {
          params: { userId: member.userId },
          body: { roles: rolesOf(form.values.roles) },
        });
        onSaved();
        return true;
      }}
    >
      <CheckboxGroup
        label={intl.formatMessage({ id: 'admin.members.col.roles' })}
        value={form.values.roles}
        onChange={form.set('roles')}
        options={roleOptions}
        error={form.errors.roles ?? form.errors['roles.0']}
      />
    </FormDialog>
  );
}
