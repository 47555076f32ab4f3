import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { consentsApi } from '../../../../common/people/endpoints';
import type {
  ConsentCreateBody,
  ConsentView,
  ConsentWithdrawBody,
  PersonDetail,
} from '../../../../common/people/schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts } from '../../../app/ui/layout';
import { usePeopleLabels } from '../persons/labels';
import { ConsentRecordForm, ConsentWithdrawForm, consentDraft } from './ConsentForms';

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
  const q = useEndpoint(consentsApi.list, { params: { id: person.id } });
  const done = async () => {
    setEditing(null);
    await invalidate(client, consentsApi.list);
  };
  return (
    <Card
      title={<FormattedMessage id="people.consents.title" />}
      actions={
        person.canManage &&
        !editing && (
          <Button variant="secondary" onPress={() => setEditing({ kind: 'record' })}>
            <FormattedMessage id="people.consents.new" />
          </Button>
        )
      }
    >
      <p className="muted">
        <FormattedMessage id="people.consents.intro" />
      </p>
      {editing?.kind === 'record' && (
        <ConsentRecordForm
          initial={consentDraft(editing.from)}
          ownOrgId={person.orgId}
          onCancel={() => setEditing(null)}
          onSave={async (body) => {
            // The form checked the body against the API's own schema.
            await call(consentsApi.record, { params: { id: person.id }, body: body as ConsentCreateBody });
            await done();
          }}
        />
      )}
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data?.length === 0 && (
        <p>
          <FormattedMessage id="people.consents.empty" />
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
                  { id: 'people.consents.summary' },
                  {
                    givenOn: labels.date(c.givenOn),
                    expiresOn: labels.date(c.expiresOn) ?? '—',
                    givenBy:
                      c.givenBy === 'legal_representative'
                        ? intl.formatMessage(
                            { id: 'people.consents.by_representative' },
                            { name: c.representativeName ?? '' },
                          )
                        : intl.formatMessage({ id: 'people.consents.by_person' }),
                  },
                )}
              </p>
              <Facts
                items={[
                  [
                    <FormattedMessage key="d" id="people.consents.field.categories" />,
                    c.dataCategories.map((d) => labels.label('category', d)).join(', '),
                  ],
                  [
                    <FormattedMessage key="r" id="people.consents.field.recipients" />,
                    c.recipients.length ? c.recipients.map((r) => labels.name(r)).join(', ') : '—',
                  ],
                ]}
              />
              {c.withdrawnOn && (
                <p>
                  {intl.formatMessage(
                    { id: 'people.consents.withdrawn_summary' },
                    { on: labels.date(c.withdrawnOn), reason: c.withdrawalReason ?? '' },
                  )}
                </p>
              )}
              {editing?.kind === 'withdraw' && editing.consent.id === c.id && (
                <ConsentWithdrawForm
                  consent={c}
                  onCancel={() => setEditing(null)}
                  onSave={async (body) => {
                    await call(consentsApi.withdraw, {
                      params: { id: person.id, cid: c.id },
                      body: body as ConsentWithdrawBody,
                    });
                    await done();
                  }}
                />
              )}
              {person.canManage && !editing && (c.status === 'active' || c.status === 'future') && (
                <div className="row">
                  <Button variant="ghost" onPress={() => setEditing({ kind: 'record', from: c })}>
                    <FormattedMessage id="people.consents.change" />
                  </Button>
                  <Button variant="ghost" onPress={() => setEditing({ kind: 'withdraw', consent: c })}>
                    <FormattedMessage id="people.consents.withdraw" />
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
