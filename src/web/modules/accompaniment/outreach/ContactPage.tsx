import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { outreachApi as api } from '../../../../common/accompaniment/outreach-endpoints';
import { contactEditLink, contactsLink } from '../../../../common/accompaniment/outreach-links';
import type { Contact } from '../../../../common/accompaniment/outreach-schemas';
import { personsApi } from '../../../../common/people/endpoints';
import { personLink } from '../../../../common/people/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { SearchField } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { type OutreachWords, useOutreachWords } from './words';

/** An outreach contact, and — until it is linked — the flow that links it to a consenting person's record. */
export function ContactPage() {
  const { id = '' } = useParams();
  const w = useOutreachWords();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={`${w.m('detail.title')} – ${w.day(c.contactOn)}`}
        actions={
          <>
            <LinkButton to={contactsLink.href()} variant="secondary">
              {w.m('list.title')}
            </LinkButton>
            <LinkButton to={contactEditLink.href({ id })} variant="secondary">
              {w.m('detail.edit')}
            </LinkButton>
          </>
        }
      />
      <Card>
        <Facts
          items={[
            [w.m('field.date'), w.day(c.contactOn)],
            [
              w.m('field.place'),
              `${c.place}${c.municipalityCode ? ` (${c.municipalityCode})` : ''} – ${w.m(`country.${c.country}`)}`,
            ],
            [w.m('field.pseudonym'), c.pseudonym ?? '—'],
            [w.m('field.age_band'), w.m(`age.${c.ageBand}`)],
            [w.m('field.language'), c.language ? w.language(c.language) : '—'],
            [w.m('field.needs'), c.needs.map((n) => w.m(`need.${n}`)).join(', ') || '—'],
            [w.m('field.referral'), c.referral ?? '—'],
            [w.m('field.note'), c.note ?? '—'],
            [w.m('field.recorded_by'), c.recordedBy ?? '—'],
            [
              w.m('field.linked'),
              c.person ? (
                <Link key="person" to={personLink.href({ id: c.person.id })}>
                  {w.m('detail.linked_to', { name: c.person.name, code: c.person.participantCode })}
                </Link>
              ) : (
                w.m('detail.not_linked')
              ),
            ],
          ]}
        />
      </Card>
      {!c.person && <LinkToRecord c={c} w={w} />}
    </div>
  );
}

function LinkToRecord({ c, w }: { c: Contact; w: OutreachWords }) {
  const canSearch = useCan('person.view');
  const [term, setTerm] = useState('');
  const link = useEndpointMutation(api.link, [api.get, api.list]);
  const found = useEndpoint(
    personsApi.list,
    { query: { q: term.trim(), pageSize: 20, status: 'active' } },
    { enabled: canSearch && term.trim().length >= 2 },
  );
  if (!canSearch) return null;
  return (
    <Card title={w.m('link.title')}>
      <p>{w.m('link.intro')}</p>
      <SearchField label={w.m('link.search')} value={term} onChange={setTerm} />
      {found.data && found.data.items.length === 0 && <p>{w.m('link.none')}</p>}
      {found.data && found.data.items.length > 0 && (
        <ul className="stack">
          {found.data.items.map((p) => (
            <li key={p.id} className="row">
              <span>
                {`${p.firstName} ${p.lastName}`.trim()} ({p.participantCode})
              </span>
              <Button
                variant="secondary"
                isDisabled={link.isPending}
                onPress={() => link.mutate({ params: { id: c.id }, body: { personId: p.id } })}
              >
                {w.m('link.choose')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {link.isSuccess && <Alert tone="success">{w.m('link.done')}</Alert>}
      <ErrorAlert error={link.error} />
    </Card>
  );
}
