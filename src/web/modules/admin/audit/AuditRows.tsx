import { Fragment, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { changedFields, displayValue } from '../../../../common/admin/audit-diff';
import { auditEntityKey } from '../../../../common/admin/audit-entities';
import type { AuditEntry, AuditSubject } from '../../../../common/admin/audit-schemas';
import { auditLink } from '../../../../common/admin/links';
import { Button } from '../../../app/ui/Button';
import { useCommonFormat } from '../../../app/ui/format';

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

/** A record type's name in the reader's language; a type added since keeps its table name. */
export function useEntityName() {
  const intl = useIntl();
  return (entity: string) => {
    const key = auditEntityKey(entity);
    return key ? intl.formatMessage({ id: key }) : entity;
  };
}

function Roles({ roles }: { roles: string[] }) {
  const intl = useIntl();
  if (roles.length === 0) return null;
  return (
    <span className="muted">
      {intl.formatList(
        roles.map((r) => intl.formatMessage({ id: `role.${r}`, defaultMessage: r })),
        { type: 'conjunction' },
      )}
    </span>
  );
}

/**
 * Who acted. A colleague by name and e-mail; someone of a partner organisation by that organisation and
 * their role there, not by name: the data controller needs to know which partner, in what capacity, and
 * the partner (accountable for its staff) can say who, from the account the entry keeps.
 */
function Actor({ e }: { e: AuditEntry }) {
  if (!e.actorUserId)
    return (
      <span className="muted">
        <FormattedMessage id="admin.audit.system_actor" />
      </span>
    );
  const elsewhere = e.actorOrgId !== null && e.actorOrgId !== e.orgId && e.actorOrgName;
  if (e.actorName)
    return (
      <>
        {e.actorName}
        <br />
        <span className="muted">{e.actorEmail}</span>
        {elsewhere && (
          <>
            <br />
            <span className="muted">
              <FormattedMessage id="admin.audit.actor_for" values={{ org: e.actorOrgName }} />
            </span>
          </>
        )}
      </>
    );
  const filterOnAccount = (
    <>
      <br />
      <Link to={auditLink.href(undefined, { actor: e.actorUserId })}>
        <FormattedMessage id="admin.audit.actor_entries" />
      </Link>
    </>
  );
  if (e.actorPlatformAdmin)
    return (
      <>
        <FormattedMessage id="role.platform_admin" />
        {filterOnAccount}
      </>
    );
  if (e.actorOrgName)
    return (
      <>
        <strong>{e.actorOrgName}</strong>
        <br />
        <Roles roles={e.actorRoles} />
        {filterOnAccount}
      </>
    );
  return (
    <span className="muted">
      <FormattedMessage id="admin.audit.unknown_actor" />
    </span>
  );
}

function SubjectLabel({ s }: { s: AuditSubject }) {
  const intl = useIntl();
  const f = useCommonFormat();
  const text = [s.name, s.partner].filter((x): x is string => Boolean(x)).join(' – ');
  const period =
    s.from && s.to
      ? intl.formatMessage({ id: 'admin.audit.subject_period' }, { from: f.day(s.from), to: f.day(s.to) })
      : null;
  const label = [text, period].filter(Boolean).join(', ');
  if (!label) return null;
  return s.href ? <Link to={s.href}>{label}</Link> : <span>{label}</span>;
}

/** Persons a read of several records showed: the first few by name, then how many more. */
const SHOWN_SUBJECTS = 5;
function Subjects({ list }: { list: AuditSubject[] }) {
  if (list.length === 0) return null;
  const more = list.length - SHOWN_SUBJECTS;
  return (
    <>
      <br />
      {list.slice(0, SHOWN_SUBJECTS).map((s, i) => (
        // A person's page is unique to them.
        <Fragment key={s.href ?? s.name}>
          {i > 0 && ', '}
          <SubjectLabel s={s} />
        </Fragment>
      ))}
      {more > 0 && (
        <>
          {' '}
          <span>
            <FormattedMessage id="admin.audit.more_subjects" values={{ count: more }} />
          </span>
        </>
      )}
    </>
  );
}

/** The record: its type, its label and page where the reader may know it, else its identifier. */
function RecordCell({ e, filteredOn }: { e: AuditEntry; filteredOn: boolean }) {
  const entityName = useEntityName();
  return (
    <>
      <span>{entityName(e.entity)}</span>
      {e.subject && (
        <>
          <br />
          <SubjectLabel s={e.subject} />
        </>
      )}
      <Subjects list={e.subjects} />
      {e.entityId && !e.subject && (
        <>
          <br />
          <span className="muted audit-value">{e.entityId}</span>
        </>
      )}
      {e.entityId && !filteredOn && (
        <>
          <br />
          <Link to={auditLink.href(undefined, { entity: e.entity, entityId: e.entityId })}>
            <FormattedMessage id="admin.audit.record_history" />
          </Link>
        </>
      )}
    </>
  );
}

/** The log as a table; an entry's changed fields open below it, before → after. */
export function AuditRows({ entries, entityId }: { entries: AuditEntry[]; entityId?: string }) {
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
                    <RecordCell e={e} filteredOn={entityId === e.entityId} />
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
