import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { membersApi } from '../../../../common/admin/endpoints';
import type {
  MembersPage as MembersPageData,
  MemberView,
  PatchMemberBody,
} from '../../../../common/admin/members-schemas';
import { localized } from '../../../../common/i18n/locales';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan, useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { AddMemberCard, EditRolesDialog } from './MemberForms';

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

function SecurityCard({ data, onSaved }: { data: MembersPageData; onSaved: () => Promise<void> }) {
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const withoutMfa = data.members.filter((m) => m.active && !m.pending && !m.totpEnabled).length;
  return (
    <Card title={<FormattedMessage id="admin.members.security.title" />}>
      <ErrorAlert error={error} />
      {saved && <Alert tone="success" title={<FormattedMessage id="admin.members.security.saved" />} />}
      <Checkbox
        isSelected={data.organisation.mfaRequired}
        onChange={async (mfaRequired) => {
          setError(null);
          setSaved(false);
          try {
            await call(membersApi.security, { body: { mfaRequired } });
            await onSaved();
            setSaved(true);
          } catch (e) {
            setError(e);
          }
        }}
      >
        <FormattedMessage id="admin.members.security.mfa_required" />
      </Checkbox>
      <p className="muted">
        <FormattedMessage id="admin.members.security.mfa_hint" />{' '}
        <FormattedMessage id="admin.members.security.without_mfa" values={{ count: withoutMfa }} />
      </p>
    </Card>
  );
}

function Status({ m }: { m: MemberView }) {
  const intl = useIntl();
  // A pending invitation says nothing about the account behind it: only that it waits for an answer.
  if (m.pending)
    return (
      <div className="row">
        <span className="tag tag--warning">
          <FormattedMessage id="admin.members.invited" />
        </span>
      </div>
    );
  return (
    <div className="row">
      <span className={`tag ${m.active ? 'tag--success' : ''}`}>
        <FormattedMessage id={m.active ? 'admin.members.active' : 'admin.members.inactive'} />
      </span>
      {m.lockedUntil && (
        <span className="tag tag--danger">
          <FormattedMessage
            id="admin.members.locked"
            values={{ until: intl.formatDate(m.lockedUntil, DATE_TIME) }}
          />
        </span>
      )}
      <span className={`tag ${m.totpEnabled ? '' : 'tag--warning'}`}>
        <FormattedMessage id={m.totpEnabled ? 'admin.members.mfa_on' : 'admin.members.mfa_off'} />
      </span>
    </div>
  );
}

export function MembersPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const session = useSession();
  const client = useQueryClient();
  const canManage = useCan('member.manage');
  const canSecure = useCan('organisation.security');
  const [error, setError] = useState<unknown>(null);
  const [updated, setUpdated] = useState(false);
  const q = useEndpoint(membersApi.list);
  const refresh = () => invalidate(client, membersApi.list);
  const change = async (m: MemberView, body: PatchMemberBody | 'cancel') => {
    setError(null);
    setUpdated(false);
    try {
      const params = { userId: m.userId };
      if (body === 'cancel') await call(membersApi.cancelInvitation, { params });
      else await call(membersApi.patch, { params, body });
      await refresh();
      setUpdated(true);
    } catch (e) {
      setError(e);
    }
  };
  const org = q.data?.organisation;
  const orgName = org ? localized(language, org.nameFr, org.nameNl) : '';
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.members.title' })}
        description={org && <FormattedMessage id="admin.members.intro" values={{ organisation: orgName }} />}
      />
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && canSecure && <SecurityCard data={q.data} onSaved={refresh} />}
      <ErrorAlert error={error} />
      {updated && <Alert tone="success" title={<FormattedMessage id="admin.members.updated" />} />}
      {q.data && q.data.members.length === 0 && (
        <EmptyState title={<FormattedMessage id="admin.members.empty.title" />}>
          <FormattedMessage id="admin.members.empty.body" />
        </EmptyState>
      )}
      {q.data && q.data.members.length > 0 && (
        <DataTable
          caption={intl.formatMessage({ id: 'admin.members.caption' })}
          rows={q.data.members}
          rowKey={(m) => m.userId}
          columns={[
            {
              key: 'name',
              header: <FormattedMessage id="admin.members.col.name" />,
              render: (m) => (
                <>
                  {m.displayName}
                  {m.userId === session.user.id && (
                    <span className="muted">
                      {' ('}
                      <FormattedMessage id="admin.members.you" />
                      {')'}
                    </span>
                  )}
                  <br />
                  <span className="muted">{m.email}</span>
                </>
              ),
            },
            {
              key: 'roles',
              header: <FormattedMessage id="admin.members.col.roles" />,
              render: (m) =>
                m.roles.map((r) => (
                  <span key={r} className="tag">
                    <FormattedMessage id={`role.${r}`} />
                  </span>
                )),
            },
            {
              key: 'status',
              header: <FormattedMessage id="admin.members.col.status" />,
              render: (m) => <Status m={m} />,
            },
            {
              key: 'login',
              header: <FormattedMessage id="admin.members.col.last_login" />,
              render: (m) =>
                m.lastLoginAt ? (
                  intl.formatDate(m.lastLoginAt, DATE_TIME)
                ) : (
                  <FormattedMessage id="admin.members.never" />
                ),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    header: <FormattedMessage id="common.actions" />,
                    render: (m: MemberView) => (
                      <div className="row">
                        {m.pending && (
                          <Button variant="danger" onPress={() => change(m, 'cancel')}>
                            <FormattedMessage id="admin.members.cancel_invitation" />
                          </Button>
                        )}
                        {!m.pending && (
                          <EditRolesDialog
                            member={m}
                            onSaved={() => void refresh().then(() => setUpdated(true))}
                          />
                        )}
                        {m.lockedUntil && (
                          <Button variant="secondary" onPress={() => change(m, { unlock: true })}>
                            <FormattedMessage id="admin.members.unlock" />
                          </Button>
                        )}
                        {m.userId !== session.user.id && !m.pending && (
                          <Button
                            variant={m.active ? 'danger' : 'secondary'}
                            onPress={() => change(m, { active: !m.active })}
                          >
                            <FormattedMessage
                              id={m.active ? 'admin.members.deactivate' : 'admin.members.reactivate'}
                            />
                          </Button>
                        )}
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canManage && q.data && <AddMemberCard />}
    </div>
  );
}
