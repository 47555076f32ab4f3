import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Type from 'typebox';
import { AUDIT_ACTIONS, AuditQuery } from '../../../../common/admin/audit-schemas';
import { auditApi } from '../../../../common/admin/endpoints';
import { auditLink } from '../../../../common/admin/links';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Form, Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { Card } from '../../../app/ui/layout';
import { AuditRows, useEntityName } from './AuditRows';

const ANY = '*';
// The free-text filters, checked with the API's own rules; the two choices cannot be wrong.
const FilterSchema = Type.Object({
  actor: AuditQuery.properties.actor,
  entityId: AuditQuery.properties.entityId,
  from: AuditQuery.properties.from,
  to: AuditQuery.properties.to,
});
const EMPTY = { entity: ANY, action: ANY, actor: '', entityId: '', from: '', to: '' };
type Filters = typeof EMPTY;

const isAction = (a: string | undefined) => AUDIT_ACTIONS.find((x) => x === a);

/** The audit log, filtered through its address (so a filtered view can be linked to and reloaded). */
export function AuditPage() {
  const intl = useIntl();
  const address = useListAddress(auditLink);
  const applied = address.filters;
  const shown: Filters = {
    entity: applied.entity ?? ANY,
    action: isAction(applied.action) ?? ANY,
    actor: applied.actor ?? '',
    entityId: applied.entityId ?? '',
    from: applied.from ?? '',
    to: applied.to ?? '',
  };
  const form = useForm(FilterSchema, shown);
  // The address is the truth: going back or following a link puts its filters in the form.
  const shownKey = JSON.stringify(shown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address's filters change, not on each render
  useEffect(() => form.setValues(shown), [shownKey]);
  const q = useEndpoint(auditApi.list, {
    query: { ...applied, action: isAction(applied.action), page: address.page },
  });
  const entityName = useEntityName();
  // Record types by their names in the reader's language, alphabetically.
  const entities = (q.data?.entities ?? [])
    .map((e) => ({ id: e, label: entityName(e) }))
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale));
  const apply = (f: Filters) =>
    address.set({
      entity: f.entity === ANY ? undefined : f.entity,
      action: f.action === ANY ? undefined : f.action,
      actor: f.actor.trim() || undefined,
      entityId: f.entityId.trim() || undefined,
      from: f.from || undefined,
      to: f.to || undefined,
    });
  const filters = (
    <Card title={<FormattedMessage id="admin.audit.filters" />}>
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validate()) apply(form.values);
        }}
      >
        <div className="row">
          <Select
            label={intl.formatMessage({ id: 'admin.audit.entity' })}
            value={form.values.entity}
            onChange={form.set('entity')}
            options={[{ id: ANY, label: intl.formatMessage({ id: 'common.all' }) }, ...entities]}
          />
          <Select
            label={intl.formatMessage({ id: 'admin.audit.action' })}
            value={form.values.action}
            onChange={form.set('action')}
            options={[
              { id: ANY, label: intl.formatMessage({ id: 'common.all' }) },
              ...AUDIT_ACTIONS.map((a) => ({
                id: a,
                label: intl.formatMessage({ id: `admin.audit.action.${a}` }),
              })),
            ]}
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.audit.actor' })}
            description={<FormattedMessage id="admin.audit.actor_hint" />}
            value={form.values.actor}
            onChange={form.set('actor')}
            error={form.errors.actor}
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.audit.entity_id' })}
            value={form.values.entityId}
            onChange={form.set('entityId')}
            error={form.errors.entityId}
          />
          <DateField
            label={intl.formatMessage({ id: 'admin.audit.from' })}
            value={form.values.from}
            onChange={form.set('from')}
            error={form.errors.from}
          />
          <DateField
            label={intl.formatMessage({ id: 'admin.audit.to' })}
            value={form.values.to}
            onChange={form.set('to')}
            error={form.errors.to}
          />
        </div>
        <div className="row">
          <Button type="submit">
            <FormattedMessage id="common.filter" />
          </Button>
          <Button
            variant="secondary"
            onPress={() => {
              form.setValues(EMPTY);
              form.setErrors({});
              apply(EMPTY);
            }}
          >
            <FormattedMessage id="common.reset_filters" />
          </Button>
        </div>
      </Form>
    </Card>
  );
  return (
    <ListPage
      title={intl.formatMessage({ id: 'admin.audit.title' })}
      description={<FormattedMessage id="admin.audit.intro" />}
      filters={filters}
      query={q}
      table={(entries) => <AuditRows entries={entries} entityId={applied.entityId} />}
      onPage={address.setPage}
      empty={{
        title: <FormattedMessage id="admin.audit.empty.title" />,
        body: <FormattedMessage id="admin.audit.empty.body" />,
      }}
    />
  );
}
