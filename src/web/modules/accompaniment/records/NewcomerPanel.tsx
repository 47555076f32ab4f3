import { useState } from 'react';
import { newcomerRecordsApi as api } from '../../../../common/accompaniment/records-endpoints';
import {
  HOUSEHOLD_RELATIONS,
  HOUSING_SITUATIONS,
  type HouseholdMember,
  INTEGRATION_SCHEMES,
  INTEGRATION_STATUSES,
  type NewcomerRecord,
  SIDES,
  WHEREABOUTS,
} from '../../../../common/accompaniment/records-schemas';
import {
  NEWCOMER_CATEGORIES,
  OUTCOMES_OF,
  PERMIT_KINDS,
  PERMIT_TYPES,
  STATUS_EVENT_KINDS,
  type StatusEventKind,
} from '../../../../common/accompaniment/records-status';
import { personsApi } from '../../../../common/people/endpoints';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import type { PersonSlotProps } from '../../../app/module';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Select, TextField } from '../../../app/ui/fields';
import { Card, Facts } from '../../../app/ui/layout';
import { useRecordWords } from './words';

type W = ReturnType<typeof useRecordWords>;
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The newcomer record on the person page (issue 14): profile, residence status and its history, the
 * integration programme, the household, the guardian of an unaccompanied minor and the psychosocial flag,
 * each with its form for those who may change the person's record.
 */
export function NewcomerPanel({ personId, canManage }: PersonSlotProps) {
  const w = useRecordWords();
  const q = useEndpoint(api.get, { params: { personId } });
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : null;
  const r = q.data;
  const may = canManage && r.canManage;
  // Persons who are not newcomers: only those who may open a record see the invitation.
  if (!r.profile && !may) return null;
  if (!r.profile)
    return (
      <Card title={w.msg('panel.title')} actions={may && <ProfileDialog w={w} record={r} />}>
        <p className="muted">{w.msg('panel.none')}</p>
      </Card>
    );
  const p = r.profile;
  const arrival = p.arrivalOn ? (p.arrivalApproximate ? w.month(p.arrivalOn) : w.day(p.arrivalOn)) : '—';
  return (
    <Card title={w.msg('panel.title')} actions={may && <ProfileDialog w={w} record={r} />}>
      <div className="stack">
        <Facts
          items={[
            [w.msg('field.category'), w.msg(`category.${p.category}`)],
            [w.msg('field.arrival_on'), arrival],
            [
              w.msg('field.first_reception'),
              p.firstReceptionCountry ? w.msg(`side.${p.firstReceptionCountry}`) : '—',
            ],
            [w.msg('field.housing'), p.housing ? w.msg(`housing.${p.housing}`) : '—'],
            [w.msg('panel.current_status'), w.msg(`status.${r.status}`)],
            [w.msg('panel.permit'), permitText(w, r)],
          ]}
        />

        <section className="stack">
          <div className="page-header">
            <h3>{w.msg('panel.timeline')}</h3>
            {may && <EventDialog w={w} personId={personId} />}
          </div>
          {r.events.length === 0 ? (
            <p className="muted">{w.msg('panel.no_events')}</p>
          ) : (
            <ol className="stack">
              {r.events.map((e) => (
                <li key={e.id}>
                  <strong>{w.day(e.occurredOn)}</strong> — {w.msg(`kind.${e.kind}`)}
                  {e.outcome && ` : ${w.msg(`outcome.${e.outcome}`)}`}
                  {e.expiresOn &&
                    ` (${w.msg('panel.permit_until', {
                      type: e.permitType ? w.msg(`permit.${e.permitType}`) : '',
                      from: w.day(e.validFrom),
                      to: w.day(e.expiresOn),
                    })})`}
                  {e.note && <div className="description">{e.note}</div>}
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="stack">
          <div className="page-header">
            <h3>{w.msg('panel.integration')}</h3>
            {may && <IntegrationDialog w={w} record={r} />}
          </div>
          {r.integration ? (
            <Facts
              items={[
                [w.msg('field.scheme'), w.msg(`scheme.${r.integration.scheme}`)],
                [w.msg('field.integration_status'), w.msg(`integration_status.${r.integration.status}`)],
                [w.msg('field.started_on'), w.day(r.integration.startedOn)],
                [w.msg('field.ended_on'), w.day(r.integration.endedOn)],
                [w.msg('field.provider'), r.integration.provider ?? '—'],
              ]}
            />
          ) : (
            <p className="muted">{w.msg('panel.no_integration')}</p>
          )}
        </section>

        <section className="stack">
          <div className="page-header">
            <h3>{w.msg('panel.household')}</h3>
            {may && <HouseholdDialog w={w} record={r} />}
          </div>
          {r.household.length === 0 ? (
            <p className="muted">{w.msg('panel.no_household')}</p>
          ) : (
            <ul className="stack">
              {r.household.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: members have no identity of their own
                <li key={i}>
                  {w.msg('panel.member', {
                    relation: w.msg(`relation.${h.relation}`),
                    year: h.birthYear ? String(h.birthYear) : 'none',
                    where: w.msg(`whereabouts.${h.whereabouts}`),
                  })}
                  {h.linkedPersonName && ` · ${w.msg('panel.linked', { name: h.linkedPersonName })}`}
                </li>
              ))}
            </ul>
          )}
        </section>

        {p.category === 'unaccompanied_minor' && (
          <section className="stack">
            <div className="page-header">
              <h3>{w.msg('panel.guardian')}</h3>
              {may && <GuardianDialog w={w} record={r} />}
            </div>
            {p.guardian ? (
              <Facts
                items={[
                  [w.msg('field.guardian_name'), p.guardian.name],
                  [w.msg('field.guardian_organisation'), p.guardian.organisation ?? '—'],
                  [w.msg('field.guardian_contact'), p.guardian.contact ?? '—'],
                  [
                    w.msg('field.guardian_consent_on'),
                    p.guardian.consentOn
                      ? w.msg('panel.consent_on', { date: w.day(p.guardian.consentOn) })
                      : w.msg('panel.consent_missing'),
                  ],
                ]}
              />
            ) : (
              <p className="muted">{w.msg('panel.no_guardian')}</p>
            )}
          </section>
        )}

        <section className="stack">
          <div className="page-header">
            <h3>{w.msg('panel.psychosocial')}</h3>
            {may && <PsychosocialDialog w={w} record={r} />}
          </div>
          <p>
            {p.psychosocial.needed
              ? [
                  w.msg('panel.psychosocial_needed'),
                  p.psychosocial.referredTo
                    ? w.msg('panel.referred_to', { name: p.psychosocial.referredTo })
                    : null,
                  p.psychosocial.since ? w.msg('panel.since', { date: w.day(p.psychosocial.since) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : w.msg('panel.psychosocial_none')}
          </p>
        </section>
      </div>
    </Card>
  );
}

function permitText(w: W, r: NewcomerRecord): string {
  if (!r.permit) return w.msg('panel.permit_none');
  const period = w.msg('panel.permit_until', {
    type: r.permit.type ? w.msg(`permit.${r.permit.type}`) : '',
    from: w.day(r.permit.validFrom),
    to: w.day(r.permit.expiresOn),
  });
  const left =
    r.permit.daysLeft < 0
      ? w.msg('panel.permit_expired')
      : w.msg('panel.permit_days_left', { days: r.permit.daysLeft });
  return `${period} — ${left}`;
}

function ProfileDialog({ w, record }: { w: W; record: NewcomerRecord }) {
  const p = record.profile;
  const save = useEndpointMutation(api.setProfile, [api.get]);
  const [category, setCategory] = useState<string>(p?.category ?? '');
  const [arrivalOn, setArrivalOn] = useState(p?.arrivalOn ?? '');
  const [approx, setApprox] = useState(p?.arrivalApproximate ?? false);
  const [side, setSide] = useState<string>(p?.firstReceptionCountry ?? '');
  const [housing, setHousing] = useState<string>(p?.housing ?? '');
  const label = p ? w.msg('panel.edit_profile') : w.msg('panel.create');
  return (
    <FormDialog
      trigger={<Button variant="secondary">{label}</Button>}
      title={label}
      submitLabel={w.msg('panel.save')}
      isSubmitDisabled={!category}
      onSubmit={async () => {
        await save.mutateAsync({
          params: { personId: record.personId },
          body: {
            category: category as (typeof NEWCOMER_CATEGORIES)[number],
            arrivalOn: arrivalOn || null,
            arrivalApproximate: approx,
            firstReceptionCountry: (side || null) as 'FR' | 'BE' | null,
            housing: (housing || null) as (typeof HOUSING_SITUATIONS)[number] | null,
          },
        });
        return true;
      }}
    >
      <Select
        label={w.msg('field.category')}
        value={category || null}
        onChange={setCategory}
        options={w.options('category', NEWCOMER_CATEGORIES)}
        isRequired
      />
      <DateField label={w.msg('field.arrival_on')} value={arrivalOn} onChange={setArrivalOn} />
      <Checkbox isSelected={approx} onChange={setApprox}>
        {w.msg('field.arrival_approximate')}
      </Checkbox>
      <Select
        label={w.msg('field.first_reception')}
        value={side || null}
        onChange={setSide}
        options={w.options('side', SIDES)}
      />
      <Select
        label={w.msg('field.housing')}
        value={housing || null}
        onChange={setHousing}
        options={w.options('housing', HOUSING_SITUATIONS)}
      />
    </FormDialog>
  );
}

function EventDialog({ w, personId }: { w: W; personId: string }) {
  const add = useEndpointMutation(api.addStatusEvent, [api.get]);
  const [kind, setKind] = useState<string>('');
  const [occurredOn, setOccurredOn] = useState('');
  const [outcome, setOutcome] = useState<string>('');
  const [permitType, setPermitType] = useState<string>('');
  const [validFrom, setValidFrom] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [note, setNote] = useState('');
  const outcomes = kind ? OUTCOMES_OF[kind as StatusEventKind] : undefined;
  const isPermit = PERMIT_KINDS.includes(kind as StatusEventKind);
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.msg('panel.add_event')}</Button>}
      title={w.msg('panel.add_event')}
      submitLabel={w.msg('panel.save')}
      isSubmitDisabled={!kind || !occurredOn}
      onSubmit={async () => {
        await add.mutateAsync({
          params: { personId },
          body: {
            kind: kind as StatusEventKind,
            occurredOn,
            outcome: outcomes && outcome ? (outcome as NonNullable<(typeof outcomes)[number]>) : null,
            permitType: isPermit && permitType ? (permitType as (typeof PERMIT_TYPES)[number]) : null,
            validFrom: isPermit ? validFrom || null : null,
            expiresOn: isPermit ? expiresOn || null : null,
            note: orNull(note),
          },
        });
        return true;
      }}
    >
      <Select
        label={w.msg('field.kind')}
        value={kind || null}
        onChange={setKind}
        options={w.options('kind', STATUS_EVENT_KINDS)}
        isRequired
      />
      <DateField label={w.msg('field.occurred_on')} value={occurredOn} onChange={setOccurredOn} isRequired />
      {outcomes && (
        <Select
          label={w.msg('field.outcome')}
          value={outcome || null}
          onChange={setOutcome}
          options={w.options('outcome', outcomes)}
          isRequired
        />
      )}
      {isPermit && (
        <>
          <Select
            label={w.msg('field.permit_type')}
            value={permitType || null}
            onChange={setPermitType}
            options={w.options('permit', PERMIT_TYPES)}
            isRequired
          />
          <DateField label={w.msg('field.valid_from')} value={validFrom} onChange={setValidFrom} isRequired />
          <DateField label={w.msg('field.expires_on')} value={expiresOn} onChange={setExpiresOn} isRequired />
        </>
      )}
      <TextField label={w.msg('field.note')} value={note} onChange={setNote} maxLength={500} />
    </FormDialog>
  );
}

function IntegrationDialog({ w, record }: { w: W; record: NewcomerRecord }) {
  const i = record.integration;
  const save = useEndpointMutation(api.setIntegration, [api.get]);
  const [scheme, setScheme] = useState<string>(i?.scheme ?? record.suggestedScheme ?? '');
  const [status, setStatus] = useState<string>(i?.status ?? 'not_started');
  const [startedOn, setStartedOn] = useState(i?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(i?.endedOn ?? '');
  const [provider, setProvider] = useState(i?.provider ?? '');
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.msg('panel.set_integration')}</Button>}
      title={w.msg('panel.integration')}
      submitLabel={w.msg('panel.save')}
      isSubmitDisabled={!scheme || !status}
      onSubmit={async () => {
        await save.mutateAsync({
          params: { personId: record.personId },
          body: {
            scheme: scheme as (typeof INTEGRATION_SCHEMES)[number],
            status: status as (typeof INTEGRATION_STATUSES)[number],
            startedOn: startedOn || null,
            endedOn: endedOn || null,
            provider: orNull(provider),
          },
        });
        return true;
      }}
    >
      <Select
        label={w.msg('field.scheme')}
        value={scheme || null}
        onChange={setScheme}
        options={w.options('scheme', INTEGRATION_SCHEMES)}
        isRequired
      />
      <Select
        label={w.msg('field.integration_status')}
        value={status}
        onChange={setStatus}
        options={w.options('integration_status', INTEGRATION_STATUSES)}
        isRequired
      />
      <DateField label={w.msg('field.started_on')} value={startedOn} onChange={setStartedOn} />
      <DateField label={w.msg('field.ended_on')} value={endedOn} onChange={setEndedOn} />
      <TextField label={w.msg('field.provider')} value={provider} onChange={setProvider} maxLength={200} />
    </FormDialog>
  );
}

interface MemberDraft {
  relation: string;
  birthYear: string;
  whereabouts: string;
  linkedPersonId: string;
}

function HouseholdDialog({ w, record }: { w: W; record: NewcomerRecord }) {
  const save = useEndpointMutation(api.setHousehold, [api.get]);
  const [members, setMembers] = useState<MemberDraft[]>(
    record.household.map((h) => ({
      relation: h.relation,
      birthYear: h.birthYear ? String(h.birthYear) : '',
      whereabouts: h.whereabouts,
      linkedPersonId: h.linkedPersonId ?? '',
    })),
  );
  const set = (i: number, patch: Partial<MemberDraft>) =>
    setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.msg('panel.edit_household')}</Button>}
      title={w.msg('panel.household')}
      submitLabel={w.msg('panel.save')}
      isSubmitDisabled={members.some((m) => !m.relation || !m.whereabouts)}
      onSubmit={async () => {
        await save.mutateAsync({
          params: { personId: record.personId },
          body: {
            members: members.map(
              (m): HouseholdMember => ({
                relation: m.relation as HouseholdMember['relation'],
                birthYear: m.birthYear ? Number(m.birthYear) : null,
                whereabouts: m.whereabouts as HouseholdMember['whereabouts'],
                linkedPersonId: orNull(m.linkedPersonId),
              }),
            ),
          },
        });
        return true;
      }}
    >
      {members.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
        <fieldset key={i} className="stack">
          <Select
            label={w.msg('field.relation')}
            value={m.relation || null}
            onChange={(v) => set(i, { relation: v })}
            options={w.options('relation', HOUSEHOLD_RELATIONS)}
            isRequired
          />
          <TextField
            label={w.msg('field.birth_year')}
            value={m.birthYear}
            onChange={(v) => set(i, { birthYear: v.replace(/\D/g, '').slice(0, 4) })}
            inputMode="numeric"
            maxLength={4}
          />
          <Select
            label={w.msg('field.whereabouts')}
            value={m.whereabouts || null}
            onChange={(v) => set(i, { whereabouts: v })}
            options={w.options('whereabouts', WHEREABOUTS)}
            isRequired
          />
          <LinkedPersonSelect
            w={w}
            self={record.personId}
            value={m.linkedPersonId}
            onChange={(v) => set(i, { linkedPersonId: v })}
          />
          <Button variant="secondary" onPress={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
            {w.msg('panel.remove_member')}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onPress={() =>
          setMembers((ms) => [
            ...ms,
            { relation: '', birthYear: '', whereabouts: 'with_person', linkedPersonId: '' },
          ])
        }
      >
        {w.msg('panel.add_member')}
      </Button>
    </FormDialog>
  );
}

const NONE = 'none';

/** Another person of the organisation's caseload the member is (optional): no name is typed in. */
function LinkedPersonSelect({
  w,
  self,
  value,
  onChange,
}: {
  w: W;
  self: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const q = useEndpoint(personsApi.list, { query: { status: 'active', pageSize: 100 } });
  const options = [
    { id: NONE, label: w.msg('field.linked_none') },
    ...(q.data?.items ?? [])
      .filter((p) => p.id !== self)
      .map((p) => ({ id: p.id, label: `${p.lastName} ${p.firstName}`.trim() })),
  ];
  return (
    <Select
      label={w.msg('field.linked_person')}
      value={value || NONE}
      onChange={(v) => onChange(v === NONE ? '' : v)}
      options={options}
    />
  );
}

function GuardianDialog({ w, record }: { w: W; record: NewcomerRecord }) {
  const g = record.profile?.guardian;
  const save = useEndpointMutation(api.setGuardian, [api.get]);
  const [name, setName] = useState(g?.name ?? '');
  const [organisation, setOrganisation] = useState(g?.organisation ?? '');
  const [contact, setContact] = useState(g?.contact ?? '');
  const [consentOn, setConsentOn] = useState(g?.consentOn ?? '');
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.msg('panel.set_guardian')}</Button>}
      title={w.msg('panel.guardian')}
      submitLabel={w.msg('panel.save')}
      isSubmitDisabled={!name.trim()}
      onSubmit={async () => {
        await save.mutateAsync({
          params: { personId: record.personId },
          body: {
            name: name.trim(),
            organisation: orNull(organisation),
            contact: orNull(contact),
            consentOn: consentOn || null,
          },
        });
        return true;
      }}
    >
      <TextField
        label={w.msg('field.guardian_name')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={200}
      />
      <TextField
        label={w.msg('field.guardian_organisation')}
        value={organisation}
        onChange={setOrganisation}
        maxLength={200}
      />
      <TextField
        label={w.msg('field.guardian_contact')}
        value={contact}
        onChange={setContact}
        maxLength={200}
      />
      <DateField label={w.msg('field.guardian_consent_on')} value={consentOn} onChange={setConsentOn} />
    </FormDialog>
  );
}

function PsychosocialDialog({ w, record }: { w: W; record: NewcomerRecord }) {
  const ps = record.profile?.psychosocial;
  const save = useEndpointMutation(api.setPsychosocial, [api.get]);
  const [needed, setNeeded] = useState(ps?.needed ?? false);
  const [referredTo, setReferredTo] = useState(ps?.referredTo ?? '');
  const [since, setSince] = useState(ps?.since ?? '');
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.msg('panel.set_psychosocial')}</Button>}
      title={w.msg('panel.psychosocial')}
      submitLabel={w.msg('panel.save')}
      onSubmit={async () => {
        await save.mutateAsync({
          params: { personId: record.personId },
          body: {
            needed,
            referredTo: needed ? orNull(referredTo) : null,
            since: needed ? since || null : null,
          },
        });
        return true;
      }}
    >
      <p className="description">{w.msg('panel.psychosocial_hint')}</p>
      <Checkbox isSelected={needed} onChange={setNeeded}>
        {w.msg('field.psychosocial_needed')}
      </Checkbox>
      {needed && (
        <>
          <TextField
            label={w.msg('field.referred_to')}
            value={referredTo}
            onChange={setReferredTo}
            maxLength={200}
          />
          <DateField label={w.msg('field.since')} value={since} onChange={setSince} />
        </>
      )}
    </FormDialog>
  );
}
