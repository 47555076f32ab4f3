import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { DATA_CATEGORIES } from '../../../../common/people/consent';
import { CohortDraftBody } from '../../../../common/placements/cohort-draft-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementLink } from '../../../../common/placements/links';
import { schemaErrors } from '../../../../common/validation/text';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, TextArea } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

/**
 * Turns the accepted cohort into draft agreements, one per person and offer. Each is created or refused
 * on its own (for want of consent, for instance), and the outcome is listed person by person.
 */
export function CohortDrafts({
  assignments,
  persons,
}: {
  assignments: Array<{ personId: string; offerId: string }>;
  persons: Person[];
}) {
  const intl = useIntl();
  const [fields, setFields] = useState<string[]>(['identity']);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const names = new Map(persons.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  // The new drafts belong in the agreement lists.
  const create = useEndpointMutation(placementsEndpoints.draftsFromCohort, [placementsEndpoints.placements]);
  const body = (): CohortDraftBody => ({
    assignments,
    sharedFields: fields as CohortDraftBody['sharedFields'],
    ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
  });
  const result = create.data;
  return (
    <Card title={<FormattedMessage id="placements.agreements.cohort.title" />}>
      <p className="muted">
        <FormattedMessage id="placements.agreements.cohort.intro" />
      </p>
      <FormDialog
        trigger={
          <Button isDisabled={assignments.length === 0 || create.isPending}>
            <FormattedMessage
              id="placements.agreements.cohort.create"
              values={{ count: assignments.length }}
            />
          </Button>
        }
        title={<FormattedMessage id="placements.agreements.cohort.title" />}
        submitLabel={
          <FormattedMessage
            id="placements.agreements.cohort.confirm"
            values={{ count: assignments.length }}
          />
        }
        onSubmit={async () => {
          const b = body();
          const problems = schemaErrors(CohortDraftBody, b);
          setErrors(
            Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
          );
          if (problems.length) return false;
          // The outcome per person is shown below the card, not in the dialog.
          create.mutate({ body: b });
          return true;
        }}
      >
        <CheckboxGroup
          label={intl.formatMessage({ id: 'placements.agreements.sharing.fields' })}
          description={<FormattedMessage id="placements.agreements.sharing.fields_hint" />}
          value={fields}
          onChange={setFields}
          error={errors.sharedFields}
          options={DATA_CATEGORIES.map((f) => ({
            id: f,
            label: intl.formatMessage({ id: `people.shared.field.${f}` }),
          }))}
        />
        <TextArea
          label={intl.formatMessage({ id: 'placements.agreements.sharing.override_reason' })}
          description={<FormattedMessage id="placements.agreements.cohort.override_hint" />}
          value={overrideReason}
          onChange={setOverrideReason}
          error={errors.overrideReason}
        />
      </FormDialog>
      <ErrorAlert error={create.error} />
      {result && (
        <>
          <Alert
            tone={result.created === result.results.length ? 'success' : 'warning'}
            title={
              <FormattedMessage
                id="placements.agreements.cohort.summary"
                values={{ created: result.created, total: result.results.length }}
              />
            }
          />
          <ul className="stack">
            {result.results.map((r) => (
              <li key={`${r.personId}-${r.offerId}`}>
                <strong>{names.get(r.personId) ?? r.personId}</strong>
                {' — '}
                {r.placementId ? (
                  <Link to={placementLink.href({ id: r.placementId })}>
                    <FormattedMessage id="placements.agreements.cohort.open" />
                  </Link>
                ) : (
                  <span className="field-error">{r.error?.message}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
