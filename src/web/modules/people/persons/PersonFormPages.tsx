import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { personsApi } from '../../../../common/people/endpoints';
import { personLink, personsLink } from '../../../../common/people/links';
import type {
  DuplicateCheck,
  PersonCreateBody,
  PersonIdentityBody,
  PersonPatchBody,
} from '../../../../common/people/schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { usePeopleLabels } from './labels';
import { useNewcomerLabels } from './newcomer';
import { EMPTY_PERSON, PersonForm, type PersonFormValues, toBody, toFormValues } from './PersonForm';

function Forbidden() {
  return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
}

/**
 * The duplicate warning: possible duplicates here (with links) and whether another centre follows the
 * person: a coordinator learns how many and agrees with them; a referent is asked to see their coordinator.
 */
function DuplicateWarning({ check, onConfirm }: { check: DuplicateCheck; onConfirm: () => void }) {
  const labels = usePeopleLabels();
  const newcomer = useNewcomerLabels();
  return (
    <Alert tone="warning" title={<FormattedMessage id="people.persons.duplicates.title" />}>
      {check.duplicates.length > 0 && (
        <>
          <p>
            <FormattedMessage
              id="people.persons.duplicates.here"
              values={{ count: check.duplicates.length }}
            />
          </p>
          <ul>
            {check.duplicates.map((d) => (
              <li key={d.id}>
                <Link to={personLink.href({ id: d.id })} target="_blank">
                  {[d.lastName.toUpperCase(), d.firstName].filter(Boolean).join(' ')}
                </Link>{' '}
                ({newcomer.birthDate(d.birthDate, d.birthDatePrecision)},{' '}
                {labels.label('duplicate_reason', d.reason)}
                {d.status === 'archived' && <>, {labels.label('status', 'archived')}</>})
                {/* Matched on the birth year only: a lead to check with the person, not a likely duplicate. */}
                {d.approximate && (
                  <>
                    {' '}
                    <span className="tag tag--warning">
                      <FormattedMessage id="people.persons.duplicates.approximate" />
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {check.knownElsewhere && (
        <p>
          {check.elsewhereCount ? (
            <FormattedMessage
              id="people.persons.duplicates.elsewhere_count"
              values={{ count: check.elsewhereCount }}
            />
          ) : (
            <FormattedMessage id="people.persons.duplicates.elsewhere_ask_coordinator" />
          )}
        </p>
      )}
      <p>
        <FormattedMessage id="people.persons.duplicates.confirm_hint" />
      </p>
      <Button variant="secondary" onPress={onConfirm}>
        <FormattedMessage id="people.persons.duplicates.create_anyway" />
      </Button>
    </Alert>
  );
}

/**
 * New person: before creating, the identity is checked for possible duplicates; if any, the referent sees
 * them and confirms ("create anyway") or opens the existing record instead.
 */
export function PersonCreatePage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  const showReferent = useCan('person.view_all_caseloads');
  const [pending, setPending] = useState<{ values: Partial<PersonFormValues>; check: DuplicateCheck } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const canCreate = useCan('person.manage');
  if (!canCreate) return <Forbidden />;
  const create = async (values: Partial<PersonFormValues>) => {
    // The form's values, checked against the same schema the API validates with.
    const created = await call(personsApi.create, { body: toBody(values) as PersonCreateBody });
    await invalidate(client, personsApi.list);
    navigate(personLink.href({ id: created.person.id }));
  };
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'people.persons.create.title' })}
        description={<FormattedMessage id="people.persons.create.intro" />}
      />
      <PersonForm
        initial={EMPTY_PERSON}
        cancelTo={personsLink.href()}
        showReferent={showReferent}
        submitLabel={<FormattedMessage id="people.persons.create.submit" />}
        onSave={async (values) => {
          setError(null);
          const body = toBody(values);
          const check = await call(personsApi.duplicates, {
            body: {
              firstName: body.firstName,
              lastName: body.lastName,
              birthDate: body.birthDate,
              birthDatePrecision: body.birthDatePrecision,
            } as PersonIdentityBody,
          });
          if (check.duplicates.length > 0 || check.knownElsewhere) setPending({ values, check });
          else await create(values);
        }}
      >
        {pending && (
          <DuplicateWarning
            check={pending.check}
            onConfirm={() => {
              create(pending.values).catch(setError);
            }}
          />
        )}
        <ErrorAlert error={error} />
      </PersonForm>
    </div>
  );
}

/** Only what changed; a field emptied by the user is sent as null, which clears it. */
function changes(before: PersonFormValues, after: Partial<PersonFormValues>) {
  const b = toBody(before);
  const a = toBody({ ...after });
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(b)) {
    const next = a[key] ?? null;
    const prev = b[key] === '' ? null : b[key];
    if (JSON.stringify(next) !== JSON.stringify(prev)) out[key] = next;
  }
  return out;
}

export function PersonEditPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { id = '' } = useParams();
  const q = useEndpoint(personsApi.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p.canManage) return <Forbidden />;
  const initial = toFormValues(p);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'people.persons.edit.title' },
          { name: [p.firstName, p.lastName].filter(Boolean).join(' ') },
        )}
      />
      <PersonForm
        key={p.updatedAt}
        initial={initial}
        cancelTo={personLink.href({ id: p.id })}
        showReferent={p.canReassign}
        municipalityName={
          p.municipalityCode
            ? localized(language, p.municipalityNameFr ?? '', p.municipalityNameNl ?? '')
            : ''
        }
        submitLabel={<FormattedMessage id="common.save" />}
        onSave={async (values) => {
          // The national id starts empty (never sent back), so leaving it empty keeps the stored one.
          await call(personsApi.update, {
            params: { id: p.id },
            body: changes(initial, values) as PersonPatchBody,
          });
          await invalidate(client, personsApi.get, personsApi.list);
          navigate(personLink.href({ id: p.id }));
        }}
      />
    </div>
  );
}
