import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import Type from 'typebox';
import Value from 'typebox/value';
import { forumsApi } from '../../../common/forums/endpoints';
import { localized } from '../../../common/i18n/locales';
import { initiativesApi } from '../../../common/initiatives/endpoints';
import { IsoDate } from '../../../common/kernel/schemas';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import {
  AssignmentBody,
  MAX_HOURS_PER_DAY,
  TrainingBody,
  type VolunteerDetail,
} from '../../../common/volunteers/schemas';
import { call, invalidate, useEndpoint } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { FormDialog } from '../../app/ui/FormDialog';
import { Alert } from '../../app/ui/feedback';
import { type Option, Select, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { useVolunteerWords } from './words';

/**
 * A new assignment: for one of the forum events (GET /api/events) or solidarity initiatives
 * (GET /api/initiatives) the organisation takes part in, or for another activity named freely — exactly
 * one, chosen first. The server refuses an event or initiative the organisation does not take part in,
 * more hours than a day holds, and (Belgian rule) a benefit recipient's assignment before the declaration.
 */

type Kind = 'event' | 'initiative' | 'activity';
const KINDS: Kind[] = ['event', 'initiative', 'activity'];

/** The form keeps hours as typed ("2,5"); the API's own schema checks the number sent. */
const Hours = Type.String({ pattern: '^[0-9]{1,2}([.,][0-9]{1,2})?$' });
const base = { assignedOn: IsoDate, hours: Hours };
const Picked = Type.String({ minLength: 1 });
const SCHEMAS = {
  event: Type.Object({ ...base, eventId: Picked }),
  initiative: Type.Object({ ...base, initiativeId: Picked }),
  activity: Type.Object({ ...base, activityTitle: TrainingBody.properties.title }),
};
const EMPTY = { eventId: '', initiativeId: '', activityTitle: '', assignedOn: '', hours: '' };

const toHours = (s: string) => Number(s.replace(',', '.'));

function useWorkWords() {
  const intl = useIntl();
  return (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `volunteers.work.${id}` }, values);
}

/** The organisation's events first (it organises them), then the network's; cancelled ones are left out. */
function useEventOptions(enabled: boolean): {
  options: Option[];
  days: Map<string, string>;
  loading: boolean;
} {
  const m = useWorkWords();
  const intl = useIntl();
  // A picker shows what exists now: an event or initiative made minutes ago in another tab or page is there.
  const q = useEndpoint(forumsApi.list, {}, { enabled, refetchOnMount: 'always' });
  const items = (q.data?.items ?? [])
    .filter((e) => e.status !== 'cancelled')
    .sort((a, b) => Number(b.canEdit) - Number(a.canEdit) || b.startsAt.localeCompare(a.startsAt));
  return {
    options: items.map((e) => ({
      id: e.id,
      label: m('option', {
        title: e.title,
        org: e.organisation,
        date: intl.formatDate(e.startsAt, { dateStyle: 'medium' }),
      }),
    })),
    days: new Map(items.map((e) => [e.id, localDay(new Date(e.startsAt))])),
    loading: enabled && q.isPending,
  };
}

/** The initiatives the organisation leads first, then the network's; abandoned ones are left out. */
function useInitiativeOptions(enabled: boolean): { options: Option[]; loading: boolean } {
  const m = useWorkWords();
  const { language } = useLanguage();
  const session = useSession();
  const q = useEndpoint(initiativesApi.list, { query: {} }, { enabled, refetchOnMount: 'always' });
  const own = (i: { lead: { id: string } }) => i.lead.id === session.activeOrgId;
  const options = (q.data?.items ?? [])
    .filter((i) => i.status !== 'abandoned')
    .sort((a, b) => Number(own(b)) - Number(own(a)))
    .map((i) => ({
      id: i.id,
      label: m('option_initiative', { title: localized(language, i.titleFr, i.titleNl), org: i.lead.name }),
    }));
  return { options, loading: enabled && q.isPending };
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function AssignVolunteer({ volunteer }: { volunteer: VolunteerDetail }) {
  const w = useVolunteerWords();
  const m = useWorkWords();
  const intl = useIntl();
  // Not "none" while a list is on its way (the picker stays closed until it is there).
  const described = (list: { loading: boolean; options: Option[] }, help: string, none: string) =>
    list.loading ? intl.formatMessage({ id: 'common.loading' }) : list.options.length ? help : none;
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('event');
  const form = useForm(SCHEMAS[kind], EMPTY);
  const [uninsured, setUninsured] = useState(false);
  const events = useEventOptions(kind === 'event');
  const initiatives = useInitiativeOptions(kind === 'initiative');
  const pickEvent = (id: string) => {
    form.set('eventId')(id);
    // The event's day is the likeliest day of the assignment.
    const day = events.days.get(id);
    if (day && !form.values.assignedOn) form.set('assignedOn')(day);
  };
  return (
    <div className="stack">
      {uninsured && <Alert tone="warning">{w.m('uninsured_warning')}</Alert>}
      <FormDialog
        trigger={<Button>{w.m('add_assignment')}</Button>}
        title={w.m('add_assignment')}
        submitLabel={w.m('save')}
        onError={form.fromApiError}
        onSubmit={async () => {
          if (!form.validate()) return false;
          const hours = toHours(form.values.hours);
          if (!Value.Check(AssignmentBody.properties.hours, hours)) {
            form.setErrors({ hours: m('hours_invalid', { max: MAX_HOURS_PER_DAY }) });
            return false;
          }
          const v = form.values;
          const created = await call(api.assign, {
            params: { id: volunteer.id },
            body: {
              ...(kind === 'event' ? { eventId: v.eventId } : {}),
              ...(kind === 'initiative' ? { initiativeId: v.initiativeId } : {}),
              ...(kind === 'activity' ? { activityTitle: v.activityTitle.trim() } : {}),
              assignedOn: v.assignedOn,
              hours,
            },
          });
          setUninsured(!created.insured);
          await invalidate(client, api.get);
          form.setValues(EMPTY);
          return true;
        }}
      >
        {volunteer.benefitCentre && <Alert tone="info">{m('declaration_note')}</Alert>}
        <Select
          label={m('target')}
          value={kind}
          onChange={(k) => {
            setKind(k as Kind);
            form.setErrors({});
          }}
          options={KINDS.map((k) => ({ id: k, label: m(`target.${k}`) }))}
          isRequired
        />
        {kind === 'event' && (
          <Select
            label={m('event')}
            description={described(events, m('event_help'), m('events_none'))}
            isDisabled={events.loading}
            value={form.values.eventId || null}
            onChange={pickEvent}
            options={events.options}
            isRequired
            error={form.errors.eventId}
          />
        )}
        {kind === 'initiative' && (
          <Select
            label={m('initiative')}
            description={described(initiatives, m('initiative_help'), m('initiatives_none'))}
            isDisabled={initiatives.loading}
            value={form.values.initiativeId || null}
            onChange={form.set('initiativeId')}
            options={initiatives.options}
            isRequired
            error={form.errors.initiativeId}
          />
        )}
        {kind === 'activity' && (
          <TextField
            label={m('activity')}
            value={form.values.activityTitle}
            onChange={form.set('activityTitle')}
            isRequired
            error={form.errors.activityTitle}
          />
        )}
        <DateField
          label={w.m('assigned_on')}
          value={form.values.assignedOn}
          onChange={form.set('assignedOn')}
          isRequired
          error={form.errors.assignedOn}
        />
        <TextField
          label={m('hours')}
          description={m('hours_help', { max: MAX_HOURS_PER_DAY })}
          value={form.values.hours}
          onChange={form.set('hours')}
          isRequired
          error={form.errors.hours}
        />
        <p className="description">{m('insurance_note')}</p>
      </FormDialog>
    </div>
  );
}
