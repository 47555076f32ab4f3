import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { DATA_CATEGORIES } from '../../../common/people/consent';
import { CohortDraftBody, type CohortDraftResult } from '../../../common/placements/cohort-draft-schemas';
import { schemaErrors } from '../../../common/validation/text';
import { post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { FormDialog } from '../../app/ui/FormDialog';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { CheckboxGroup, TextArea } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';

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
  const create = useMutation({
    mutationFn: (body: CohortDraftBody) => post<CohortDraftResult>('/api/placements/from-cohort', body),
  });
  const body = (): CohortDraftBody => ({
    assignments,
    sharedFields: fields as CohortDraftBody['sharedFields'],
    ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
  });
  const result = create.data;
  return (
    <Card title={<FormattedMessage id="agreementScreens.cohort.title" />}>
      <p className="muted">
        <FormattedMessage id="agreementScreens.cohort.intro" />
      </p>
      <FormDialog
        trigger={
          <Button isDisabled={assignments.length === 0 || create.isPending}>
            <FormattedMessage id="agreementScreens.cohort.create" values={{ count: assignments.length }} />
          </Button>
        }
        title={<FormattedMessage id="agreementScreens.cohort.title" />}
        submitLabel={
          <FormattedMessage id="agreementScreens.cohort.confirm" values={{ count: assignments.length }} />
        }
        onSubmit={async () => {
          const b = body();
          const problems = schemaErrors(CohortDraftBody, b);
          setErrors(
            Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
          );
          if (problems.length) return false;
          // The outcome per person is shown below the card, not in the dialog.
          create.mutate(b);
          return true;
        }}
      >
        <CheckboxGroup
          label={intl.formatMessage({ id: 'agreementScreens.sharing.fields' })}
          description={<FormattedMessage id="agreementScreens.sharing.fields_hint" />}
          value={fields}
          onChange={setFields}
          error={errors.sharedFields}
          options={DATA_CATEGORIES.map((f) => ({
            id: f,
            label: intl.formatMessage({ id: `referrals.enum.field.${f}` }),
          }))}
        />
        <TextArea
          label={intl.formatMessage({ id: 'agreementScreens.sharing.override_reason' })}
          description={<FormattedMessage id="agreementScreens.cohort.override_hint" />}
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
                id="agreementScreens.cohort.summary"
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
                  <Link to={`/app/placements/${r.placementId}`}>
                    <FormattedMessage id="agreementScreens.cohort.open" />
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
