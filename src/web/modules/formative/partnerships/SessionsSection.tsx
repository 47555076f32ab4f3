import { useState } from 'react';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import type { PartnershipView, SessionView } from '../../../../common/formative/schemas';
import { civilDay } from '../../../../common/kernel/clock';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { fieldErrors, useFormativeWords } from './words';

/** The training sessions, newest first; the trainee and the tutor add them, each deletes their own. */
export function SessionsSection({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const del = useEndpointMutation(api.deleteSession, [api.view]);
  const modules = new Map(v.plan.map((i) => [i.moduleId, w.name(i)]));
  return (
    <Card title={w.plan('sessions.title')} actions={v.me.canRecord ? <SessionDialog v={v} /> : undefined}>
      {v.sessions.length === 0 ? (
        <p>{w.plan('sessions.empty')}</p>
      ) : (
        <div className="formative-sessions">
          <DataTable<SessionView>
            caption={w.plan('sessions.title')}
            stacked
            rows={v.sessions}
            rowKey={(s) => s.id}
            columns={[
              { key: 'day', header: w.plan('sessions.col.day'), render: (s) => f.day(s.heldOn) },
              {
                key: 'module',
                header: w.plan('sessions.col.module'),
                render: (s) => modules.get(s.moduleId) ?? '',
              },
              { key: 'hours', header: w.plan('sessions.col.hours'), render: (s) => w.hours(s.hours) },
              { key: 'summary', header: w.plan('sessions.col.summary'), render: (s) => s.summary },
              { key: 'by', header: w.plan('sessions.col.by'), render: (s) => s.recordedByName },
              {
                key: 'actions',
                header: w.plan('sessions.delete'),
                render: (s) =>
                  s.mine && v.me.canRecord ? (
                    <Button
                      variant="ghost"
                      aria-label={w.plan('sessions.delete_of', { day: f.day(s.heldOn) })}
                      isDisabled={del.isPending}
                      onPress={() => del.mutate({ params: { id: v.partnership.id, itemId: s.id } })}
                    >
                      {w.plan('sessions.delete')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}

function SessionDialog({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const add = useEndpointMutation(api.addSession, [api.view]);
  const today = civilDay(new Date());
  const s = v.partnership;
  // The latest day a session may be recorded on: today, or the immersion's last day once it is over.
  const latest = [today, s.immersionEndsOn].sort()[0] as string;
  const [moduleId, setModuleId] = useState(v.plan[0]?.moduleId ?? '');
  const [heldOn, setHeldOn] = useState(latest);
  const [hours, setHours] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      trigger={<Button>{w.plan('sessions.add')}</Button>}
      title={w.plan('sessions.add')}
      submitLabel={w.plan('sessions.save')}
      isSubmitDisabled={add.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const n = Number(hours.trim().replace(',', '.'));
        const problems: Record<string, string> = {};
        if (!(n >= 0.5 && n <= 12 && Number.isInteger(n * 2)))
          problems.hours = w.plan('sessions.hours_invalid');
        if (summary.trim().length < 3) problems.summary = w.plan('sessions.summary_required');
        if (!heldOn) problems.heldOn = w.p('field.required');
        setErrors(problems);
        if (Object.keys(problems).length) return false;
        await add.mutateAsync({
          params: { id: s.id },
          body: { moduleId, heldOn, hours: n, summary: summary.trim() },
        });
        setHours('');
        setSummary('');
        return true;
      }}
    >
      <Select
        label={w.plan('sessions.col.module')}
        value={moduleId}
        onChange={setModuleId}
        options={v.plan.map((i) => ({ id: i.moduleId, label: w.name(i) }))}
        isRequired
      />
      <DateField
        label={w.plan('sessions.col.day')}
        value={heldOn}
        onChange={setHeldOn}
        min={s.immersionStartsOn}
        max={latest}
        isRequired
        error={errors.heldOn}
      />
      <TextField
        label={w.plan('sessions.col.hours')}
        inputMode="text"
        value={hours}
        onChange={setHours}
        maxLength={4}
        isRequired
        error={errors.hours}
      />
      <TextArea
        label={w.plan('sessions.col.summary')}
        value={summary}
        onChange={setSummary}
        isRequired
        error={errors.summary}
      />
    </FormDialog>
  );
}
