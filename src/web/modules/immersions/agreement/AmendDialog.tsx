import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import { requestEndpoints } from '../../../../common/immersions/request-endpoints';
import type { RequestView } from '../../../../common/immersions/request-schemas';
import { AmendmentInput } from '../../../../common/immersions/signature-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { call, invalidate } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { TextArea, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { R, useRequestWords } from '../requests/words';

const G = (id: string) => `immersions.signatures.${id}`;

/**
 * Amends an agreed immersion before it starts (a manager of either side): objectives, schedule, dates and
 * days. Saving makes the agreement's next version, which the three parties sign again.
 */
export function AmendDialog({ view }: { view: RequestView }) {
  const intl = useIntl();
  const w = useRequestWords();
  const qc = useQueryClient();
  const r = view.request;
  const next = (view.signatures?.version ?? 1) + 1;
  const form = useForm(AmendmentInput, {
    objectives: view.objectives,
    schedule: view.schedule ?? '',
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    days: String(r.days),
  });
  const v = form.values;
  const body = (): AmendmentInput => ({
    objectives: v.objectives.trim(),
    schedule: v.schedule.trim() || null,
    startsOn: v.startsOn,
    endsOn: r.kind === 'shadowing' ? v.startsOn : v.endsOn,
    days: /^\d+$/.test(v.days.trim()) ? Number(v.days.trim()) : null,
  });
  return (
    <FormDialog
      trigger={
        <Button variant="secondary">
          <FormattedMessage id={G('amend')} />
        </Button>
      }
      title={<FormattedMessage id={G('amend_title')} values={{ next }} />}
      submitLabel={<FormattedMessage id={G('amend_submit')} values={{ next }} />}
      onError={form.fromApiError}
      onSubmit={async () => {
        const problems = schemaErrors(AmendmentInput, body());
        form.setErrors(
          Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
        );
        if (problems.length) return false;
        await call(api.amend, { params: { id: r.id }, body: body() });
        await invalidate(qc, requestEndpoints.request, requestEndpoints.listRequests);
        return true;
      }}
    >
      <p className="description">
        <FormattedMessage id={G('amend_hint')} values={{ next }} />
      </p>
      <div className="row">
        <DateField
          label={w.msg('field.starts_on')}
          value={v.startsOn}
          onChange={form.set('startsOn')}
          error={form.errors.startsOn}
          isRequired
        />
        {r.kind !== 'shadowing' && (
          <DateField
            label={w.msg('field.ends_on')}
            value={v.endsOn}
            onChange={form.set('endsOn')}
            error={form.errors.endsOn}
            isRequired
          />
        )}
      </div>
      <TextField
        label={w.msg('field.days')}
        description={<FormattedMessage id={R('field.days_hint')} />}
        inputMode="numeric"
        value={v.days}
        onChange={form.set('days')}
        error={form.errors.days}
      />
      <TextArea
        label={w.msg('field.objectives')}
        value={v.objectives}
        onChange={form.set('objectives')}
        error={form.errors.objectives}
        isRequired
      />
      <TextArea
        label={w.msg('field.schedule')}
        description={<FormattedMessage id={R('field.schedule_hint')} />}
        value={v.schedule}
        onChange={form.set('schedule')}
        error={form.errors.schedule}
      />
    </FormDialog>
  );
}
