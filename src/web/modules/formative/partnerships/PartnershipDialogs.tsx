import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipLink } from '../../../../common/formative/links';
import type { PartnershipEdit, PartnershipView } from '../../../../common/formative/schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, Loading } from '../../../app/ui/feedback';
import { Select, TextField } from '../../../app/ui/fields';
import { fieldErrors, useFormativeWords } from './words';

type Dates = Record<
  | 'immersionStartsOn'
  | 'immersionEndsOn'
  | 'applicationStartsOn'
  | 'applicationEndsOn'
  | 'conventionOn'
  | 'fundingOrderOn'
  | 'hiredOn',
  string
>;
const DATE_FIELDS: ReadonlyArray<[keyof Dates, string, boolean]> = [
  ['immersionStartsOn', 'immersion_starts_on', true],
  ['immersionEndsOn', 'immersion_ends_on', true],
  ['applicationStartsOn', 'application_starts_on', true],
  ['applicationEndsOn', 'application_ends_on', true],
  ['conventionOn', 'convention_on', false],
  ['fundingOrderOn', 'funding_order_on', false],
  ['hiredOn', 'hired_on', false],
];

/** The two years and the three milestones: the same fields to create and to edit. */
function DateFields({
  d,
  set,
  errors,
}: {
  d: Dates;
  set: (k: keyof Dates, v: string) => void;
  errors: Record<string, string>;
}) {
  const w = useFormativeWords();
  return (
    <>
      {DATE_FIELDS.map(([k, label, required]) => (
        <DateField
          key={k}
          label={w.p(`field.${label}`)}
          value={d[k]}
          onChange={(v) => set(k, v)}
          isRequired={required}
          error={errors[k]}
        />
      ))}
    </>
  );
}

const edits = (d: Dates, hostUnitId: string, tutorUserId: string): PartnershipEdit => ({
  hostUnitId,
  tutorUserId,
  immersionStartsOn: d.immersionStartsOn,
  immersionEndsOn: d.immersionEndsOn,
  applicationStartsOn: d.applicationStartsOn,
  applicationEndsOn: d.applicationEndsOn,
  conventionOn: d.conventionOn || null,
  fundingOrderOn: d.fundingOrderOn || null,
  hiredOn: d.hiredOn || null,
});

function missing(d: Dates, w: ReturnType<typeof useFormativeWords>) {
  return Object.fromEntries(
    DATE_FIELDS.filter(([k, , required]) => required && !d[k]).map(([k]) => [k, w.p('field.required')]),
  );
}

const EMPTY: Dates = {
  immersionStartsOn: '',
  immersionEndsOn: '',
  applicationStartsOn: '',
  applicationEndsOn: '',
  conventionOn: '',
  fundingOrderOn: '',
  hiredOn: '',
};

/** A new partnership (the lead's coordinator): refused up front when the lead is too small to lead one. */
export function NewPartnershipDialog() {
  const w = useFormativeWords();
  const intl = useIntl();
  const navigate = useNavigate();
  const q = useEndpoint(api.options);
  const create = useEndpointMutation(api.create, [api.list]);
  const [programmeId, setProgrammeId] = useState('');
  const [partnerOrgId, setPartnerOrgId] = useState('');
  const [hostUnitId, setHostUnitId] = useState('');
  const [tutorUserId, setTutorUserId] = useState('');
  const [traineeEmail, setTraineeEmail] = useState('');
  const [hours, setHours] = useState<Record<string, string>>({});
  const [d, setD] = useState<Dates>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!q.data) return q.error ? null : <Loading />;
  const o = q.data;
  const programme = o.programmes.find((p) => p.id === programmeId);
  // The plan draws from the host unit's modules (and those of no unit), once the unit is chosen.
  const modules = hostUnitId ? o.modules.filter((m) => m.unitId === null || m.unitId === hostUnitId) : [];
  return (
    <FormDialog
      trigger={<Button>{w.p('new.open')}</Button>}
      title={w.p('new.title')}
      submitLabel={w.p('create')}
      isSubmitDisabled={!o.eligibility.eligible || create.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const problems: Record<string, string> = missing(d, w);
        for (const [k, v] of [
          ['programmeId', programmeId],
          ['partnerOrgId', partnerOrgId],
          ['hostUnitId', hostUnitId],
          ['tutorUserId', tutorUserId],
          ['traineeEmail', traineeEmail.trim()],
        ] as const)
          if (!v) problems[k] = w.p('field.required');
        setErrors(problems);
        if (Object.keys(problems).length) return false;
        const plan = modules
          .map((m) => ({ moduleId: m.id, plannedHours: Number(hours[m.id] ?? '') }))
          .filter((i) => Number.isInteger(i.plannedHours) && i.plannedHours > 0);
        const r = await create.mutateAsync({
          body: {
            ...edits(d, hostUnitId, tutorUserId),
            programmeId,
            partnerOrgId,
            traineeEmail: traineeEmail.trim(),
            plan,
          },
        });
        navigate(partnershipLink.href({ id: r.id }));
        return true;
      }}
    >
      {!o.eligibility.eligible && (
        <Alert tone="warning">
          {w.p('new.not_eligible', {
            population:
              o.eligibility.population === null
                ? w.p('new.population_unknown')
                : intl.formatNumber(o.eligibility.population),
          })}
        </Alert>
      )}
      <Select
        label={w.p('field.programme')}
        value={programmeId || null}
        onChange={(v) => {
          setProgrammeId(v);
          setPartnerOrgId('');
        }}
        options={o.programmes.map((p) => ({ id: p.id, label: p.acronym ?? w.name(p) }))}
        isRequired
        error={errors.programmeId}
      />
      <Select
        label={w.p('field.partner')}
        value={partnerOrgId || null}
        onChange={setPartnerOrgId}
        options={(programme?.partners ?? []).map((p) => ({ id: p.id, label: w.name(p) }))}
        isRequired
        error={errors.partnerOrgId}
      />
      <Select
        label={w.p('field.unit')}
        value={hostUnitId || null}
        onChange={setHostUnitId}
        options={o.units.map((u) => ({ id: u.id, label: w.name(u) }))}
        isRequired
        error={errors.hostUnitId}
      />
      <Select
        label={w.p('field.tutor')}
        value={tutorUserId || null}
        onChange={setTutorUserId}
        options={o.staff.map((s) => ({ id: s.id, label: s.name }))}
        isRequired
        error={errors.tutorUserId}
      />
      <TextField
        label={w.p('field.trainee_email')}
        type="email"
        value={traineeEmail}
        onChange={setTraineeEmail}
        isRequired
        maxLength={200}
        error={errors.traineeEmail}
      />
      <DateFields d={d} set={(k, v) => setD((x) => ({ ...x, [k]: v }))} errors={errors} />
      {modules.map((m) => (
        <TextField
          key={m.id}
          label={w.p('field.planned_hours', { module: w.name(m) })}
          inputMode="numeric"
          value={hours[m.id] ?? ''}
          onChange={(v) => setHours((x) => ({ ...x, [m.id]: v }))}
          maxLength={4}
        />
      ))}
    </FormDialog>
  );
}

/** The lead edits the dates, milestones, host service and tutor (the parties stay as created). */
export function EditPartnershipDialog({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const q = useEndpoint(api.options);
  const update = useEndpointMutation(api.update, [api.view, api.list]);
  const s = v.partnership;
  const [hostUnitId, setHostUnitId] = useState(s.unit.id);
  const [tutorUserId, setTutorUserId] = useState(v.tutorUserId);
  const [d, setD] = useState<Dates>({
    immersionStartsOn: s.immersionStartsOn,
    immersionEndsOn: s.immersionEndsOn,
    applicationStartsOn: s.applicationStartsOn,
    applicationEndsOn: s.applicationEndsOn,
    conventionOn: v.convention.conventionOn ?? '',
    fundingOrderOn: v.convention.fundingOrderOn ?? '',
    hiredOn: v.convention.hiredOn ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!q.data) return null;
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.p('edit.open')}</Button>}
      title={w.p('edit.title')}
      submitLabel={w.p('save')}
      isSubmitDisabled={update.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const problems = missing(d, w);
        setErrors(problems);
        if (Object.keys(problems).length) return false;
        await update.mutateAsync({ params: { id: s.id }, body: edits(d, hostUnitId, tutorUserId) });
        return true;
      }}
    >
      <Select
        label={w.p('field.unit')}
        value={hostUnitId}
        onChange={setHostUnitId}
        options={q.data.units.map((u) => ({ id: u.id, label: w.name(u) }))}
        isRequired
      />
      <Select
        label={w.p('field.tutor')}
        value={tutorUserId}
        onChange={setTutorUserId}
        options={q.data.staff.map((x) => ({ id: x.id, label: x.name }))}
        isRequired
      />
      <DateFields d={d} set={(k, val) => setD((x) => ({ ...x, [k]: val }))} errors={errors} />
    </FormDialog>
  );
}
