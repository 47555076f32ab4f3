import { Fragment, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { changedFields, displayValue } from '../../../../common/admin/audit-diff';
import type { AuditEntry } from '../../../../common/admin/audit-schemas';
import { Button } from '../../../app/ui/Button';

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'medium' } as const;

function Value({ v }: { v: unknown }) {
  const text = displayValue(v);
  return text === null ? (
    <span className="muted">
      <FormattedMessage id="admin.audit.empty_value" />
    </span>
  ) : (
    <span className="audit-value">{text}</span>
  );
}

function Actor({ e }: { e: AuditEntry }) {
  if (!e.actorUserId)
    return (
      <span className="muted">
        <FormattedMessage id="admin.audit.system_actor" />
      </span>
    );
  if (!e.actorName)
    return (
      <span className="muted">
        <FormattedMessage id="admin.audit.unknown_actor" />
      </span>
    );
  return (
    <>
      {e.actorName}
      <br />
      <span className="muted">{e.actorEmail}</span>
    </>
  );
}

/** The log as a table; an entry's changed fields open below it, before → after. */
export function AuditRows({ entries }: { entries: AuditEntry[] }) {
  const intl = useIntl();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{intl.formatMessage({ id: 'admin.audit.caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="admin.audit.col.at" />
            </th>
            <th scope="col">
              <FormattedMessage id="admin.audit.col.actor" />
            </th>
            <th scope="col">
              <FormattedMessage id="admin.audit.col.action" />
            </th>
            <th scope="col">
              <FormattedMessage id="admin.audit.col.entity" />
            </th>
            <th scope="col">
              <FormattedMessage id="admin.audit.col.changes" />
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const fields = changedFields(e.before, e.after);
            const hasDetail = e.detail !== null && e.detail !== undefined;
            const expandable = fields.length > 0 || hasDetail;
            const isOpen = open.has(e.id);
            const panelId = `audit-entry-${e.id}`;
            return (
              <Fragment key={e.id}>
                <tr>
                  <td>{intl.formatDate(e.at, DATE_TIME)}</td>
                  <td>
                    <Actor e={e} />
                  </td>
                  <td>
                    <FormattedMessage id={`admin.audit.action.${e.action}`} defaultMessage={e.action} />
                  </td>
                  <td>
                    <code>{e.entity}</code>
                    {e.entityId && (
                      <>
                        <br />
                        <span className="muted audit-value">{e.entityId}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {expandable && (
                      <Button
                        variant="secondary"
                        aria-expanded={isOpen}
                        aria-controls={panelId}
                        onPress={() => toggle(e.id)}
                      >
                        {isOpen ? (
                          <FormattedMessage id="admin.audit.hide_changes" />
                        ) : (
                          <FormattedMessage
                            id="admin.audit.show_changes"
                            values={{ count: fields.length + (hasDetail ? 1 : 0) }}
                          />
                        )}
                      </Button>
                    )}
                  </td>
                </tr>
                {isOpen && (
                  <tr id={panelId}>
                    <td colSpan={5}>
                      {fields.length > 0 && (
                        <table className="data audit-changes">
                          <caption className="visually-hidden">
                            {intl.formatMessage({ id: 'admin.audit.changes_of' }, { seq: e.seq })}
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">
                                <FormattedMessage id="admin.audit.field" />
                              </th>
                              <th scope="col">
                                <FormattedMessage id="admin.audit.before" />
                              </th>
                              <th scope="col">
                                <FormattedMessage id="admin.audit.after" />
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {fields.map((f) => (
                              <tr key={f.field}>
                                <th scope="row">
                                  <code>{f.field}</code>
                                </th>
                                <td>
                                  <Value v={f.before} />
                                </td>
                                <td>
                                  <Value v={f.after} />
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                      {hasDetail && (
                        <p>
                          <strong>
                            <FormattedMessage id="admin.audit.detail" />
                          </strong>{' '}
                          <Value v={e.detail} />
                        </p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
