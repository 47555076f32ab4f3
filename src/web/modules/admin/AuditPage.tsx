import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Type from 'typebox';
import { AUDIT_ACTIONS, type AuditPage as AuditPageData, AuditQuery } from '../../../common/admin/schemas';
import { get, qs } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Form, Select, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card, PageHeader } from '../../app/ui/layout';
import { Pagination } from '../../app/ui/Table';
import { AuditRows } from './AuditRows';

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

/** Without the "any" choices, the filter form is exactly the API's query schema. */
const toQuery = (f: Filters) => ({
  ...f,
  entity: f.entity === ANY ? '' : f.entity,
  action: f.action === ANY ? '' : f.action,
});

export function AuditPage() {
  const intl = useIntl();
  const form = useForm(FilterSchema, EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['admin', 'audit', applied, page],
    queryFn: () => get<AuditPageData>(`/api/admin/audit${qs({ ...toQuery(applied), page })}`),
  });
  const entities = q.data?.entities ?? [];
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.audit.title' })}
        description={<FormattedMessage id="admin.audit.intro" />}
      />
      <Card title={<FormattedMessage id="admin.audit.filters" />}>
        <Form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!form.validate()) return;
            setPage(1);
            setApplied(form.values);
          }}
        >
          <div className="row">
            <Select
              label={intl.formatMessage({ id: 'admin.audit.entity' })}
              value={form.values.entity}
              onChange={form.set('entity')}
              options={[
                { id: ANY, label: intl.formatMessage({ id: 'common.all' }) },
                ...entities.map((e) => ({ id: e, label: e })),
              ]}
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
            <TextField
              label={intl.formatMessage({ id: 'admin.audit.from' })}
              type="date"
              value={form.values.from}
              onChange={form.set('from')}
              error={form.errors.from}
            />
            <TextField
              label={intl.formatMessage({ id: 'admin.audit.to' })}
              type="date"
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
                setPage(1);
                setApplied(EMPTY);
              }}
            >
              <FormattedMessage id="common.reset_filters" />
            </Button>
          </div>
        </Form>
      </Card>
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && q.data.entries.length === 0 && (
        <EmptyState title={<FormattedMessage id="admin.audit.empty.title" />}>
          <FormattedMessage id="admin.audit.empty.body" />
        </EmptyState>
      )}
      {q.data && q.data.entries.length > 0 && (
        <>
          <AuditRows entries={q.data.entries} />
          <Pagination page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
