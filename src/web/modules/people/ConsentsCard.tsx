import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ConsentView, PersonDetail } from '../../../common/people/schemas';
import { get, post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts } from '../../app/ui/layout';
import { ConsentRecordForm, ConsentWithdrawForm, consentDraft } from './ConsentForms';
import { consentsKey, usePeopleLabels } from './labels';

const TONE: Record<string, string> = {
  active: 'tag tag--success',
  future: 'tag',
  expired: 'tag tag--warning',
  superseded: 'tag',
  withdrawn: 'tag tag--danger',
};

type Editing = { kind: 'record'; from?: ConsentView } | { kind: 'withdraw'; consent: ConsentView } | null;

/** The person's consent records: newest first, each with its state; record, change or withdraw. */
export function ConsentsCard({ person }: { person: PersonDetail }) {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const q = useQuery({
    queryKey: consentsKey(person.id),
    queryFn: () => get<ConsentView[]>(`/api/people/${person.id}/consents`),
  });
  const done = async () => {
    setEditing(null);
    await client.invalidateQueries({ queryKey: consentsKey(person.id) });
  };
  return (
    <Card
      title={<FormattedMessage id="people.consent.title" />}
      actions={
        person.canManage &&
        !editing && (
          <Button variant="secondary" onPress={() => setEditing({ kind: 'record' })}>
            <FormattedMessage id="people.consent.new" />
          </Button>
        )
      }
    >
      <p className="muted">
        <FormattedMessage id="people.consent.intro" />
      </p>
      {editing?.kind === 'record' && (
        <ConsentRecordForm
          initial={consentDraft(editing.from)}
          ownOrgId={person.orgId}
          onCancel={() => setEditing(null)}
          onSave={async (body) => {
            await post(`/api/people/${person.id}/consents`, body);
            await done();
          }}
        />
      )}
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data?.length === 0 && (
        <p>
          <FormattedMessage id="people.consent.empty" />
        </p>
      )}
      {q.data && q.data.length > 0 && (
        <ul className="stack">
          {q.data.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{labels.label('purpose', c.purpose)}</strong>{' '}
                <span className={TONE[c.status]}>{labels.label('consent_status', c.status)}</span>
              </p>
              <p>
                {intl.formatMessage(
                  { id: 'people.consent.summary' },
                  {
                    givenOn: labels.date(c.givenOn),
                    expiresOn: labels.date(c.expiresOn) ?? '—',
                    givenBy:
                      c.givenBy === 'legal_representative'
                        ? intl.formatMessage(
                            { id: 'people.consent.by_representative' },
                            { name: c.representativeName ?? '' },
                          )
                        : intl.formatMessage({ id: 'people.consent.by_person' }),
                  },
                )}
              </p>
              <Facts
                items={[
                  [
                    <FormattedMessage key="d" id="people.consent.field.categories" />,
                    c.dataCategories.map((d) => labels.label('category', d)).join(', '),
                  ],
                  [
                    <FormattedMessage key="r" id="people.consent.field.recipients" />,
                    c.recipients.length ? c.recipients.map((r) => labels.name(r)).join(', ') : '—',
                  ],
                ]}
              />
              {c.withdrawnOn && (
                <p>
                  {intl.formatMessage(
                    { id: 'people.consent.withdrawn_summary' },
                    { on: labels.date(c.withdrawnOn), reason: c.withdrawalReason ?? '' },
                  )}
                </p>
              )}
              {editing?.kind === 'withdraw' && editing.consent.id === c.id && (
                <ConsentWithdrawForm
                  consent={c}
                  onCancel={() => setEditing(null)}
                  onSave={async (body) => {
                    await post(`/api/people/${person.id}/consents/${c.id}/withdraw`, body);
                    await done();
                  }}
                />
              )}
              {person.canManage && !editing && (c.status === 'active' || c.status === 'future') && (
                <div className="row">
                  <Button variant="ghost" onPress={() => setEditing({ kind: 'record', from: c })}>
                    <FormattedMessage id="people.consent.change" />
                  </Button>
                  <Button variant="ghost" onPress={() => setEditing({ kind: 'withdraw', consent: c })}>
                    <FormattedMessage id="people.consent.withdraw" />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
