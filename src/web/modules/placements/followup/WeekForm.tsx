import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { AttendanceDayInput, AttendanceWeekView } from '../../../../common/placements/followup-schemas';
import { ApiError } from '../../../app/api';
import { call, keyOf } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Form } from '../../../app/ui/fields';
import { DayFields } from './DayFields';
import { useDecimalText } from './format';
import { followUpInput, weekInput } from './useFollowUp';
import { buildWeek, dayKey, initialWeek, type WeekState } from './week-form';

/** The seven days of one week, saved together: the week sent replaces the week recorded. */
export function WeekForm({
  view,
  requestedWeek,
}: {
  view: AttendanceWeekView;
  requestedWeek: string | null;
}) {
  const intl = useIntl();
  const dec = useDecimalText();
  const client = useQueryClient();
  const [state, setState] = useState<WeekState>(() => initialWeek(view, dec));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    // The week saved is the one shown (`view.week`), even when the address named none.
    mutationFn: (body: { days: AttendanceDayInput[]; sent: string[] }) =>
      call(placementsEndpoints.saveAttendanceWeek, {
        params: { id: view.placementId },
        query: { week: view.week },
        body: { days: body.days },
      }),
    onSuccess: async (v) => {
      // The answer replaces the week under the address's key, so the sheet shows what was saved.
      client.setQueryData(
        keyOf(placementsEndpoints.attendanceWeek, weekInput(view.placementId, requestedWeek)),
        v,
      );
      setState(initialWeek(v, dec));
      setSaved(true);
      await client.invalidateQueries({
        queryKey: keyOf(placementsEndpoints.followUp, followUpInput(view.placementId)),
      });
    },
    onError: (e, body) => {
      if (!(e instanceof ApiError)) return;
      const out: Record<string, string> = {};
      for (const f of e.fields) {
        const key = dayKey(f.path, body.sent);
        if (key && !out[key]) out[key] = f.message;
      }
      setErrors(out);
    },
  });

  const submit = () => {
    setSaved(false);
    save.reset();
    const built = buildWeek(view, state);
    const messages = Object.fromEntries(
      Object.entries(built.errors).map(([k, e]) => [k, intl.formatMessage({ id: e.code }, e.params)]),
    );
    setErrors(messages);
    if (!Object.keys(messages).length) save.mutate({ days: built.days, sent: built.sent });
  };

  const under = (day: string) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(`${day}.`))
        .map(([k, m]) => [k.slice(day.length + 1), m]),
    );
  const anyOpen = view.days.some((d) => d.open);
  const editable = view.canEdit && anyOpen;

  return (
    <Form
      className="stack"
      aria-label={intl.formatMessage({ id: 'placements.followup.sheet.form' })}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!view.canEdit && (
        <Alert tone="info">
          <FormattedMessage id="placements.followup.sheet.locked" />
        </Alert>
      )}
      {view.canEdit && !anyOpen && (
        <Alert tone="info">
          <FormattedMessage id="placements.followup.sheet.nothing_open" />
        </Alert>
      )}
      <ErrorAlert error={save.error} />
      {Object.keys(errors).length > 0 && !save.error && (
        <Alert tone="error" title={<FormattedMessage id="placements.followup.sheet.fix_errors" />} />
      )}
      {view.days.map((d) => (
        <DayFields
          key={d.day}
          d={d}
          value={state[d.day] ?? { status: 'not_planned', plannedHours: '0', hours: '', note: '' }}
          onChange={(v) => {
            setSaved(false);
            setState((s) => ({ ...s, [d.day]: v }));
          }}
          errors={under(d.day)}
          isDisabled={!editable || save.isPending}
        />
      ))}
      {saved && (
        <Alert tone="success">
          <FormattedMessage id="placements.followup.sheet.saved" />
        </Alert>
      )}
      {editable && (
        <div className="row">
          <Button type="submit" isDisabled={save.isPending}>
            <FormattedMessage id="placements.followup.sheet.save" />
          </Button>
        </div>
      )}
    </Form>
  );
}
