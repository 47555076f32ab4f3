import { useState } from 'react';
import { splitCodes } from '../../../common/forums/attendance-rules';
import type { AnonymousAttendance, AttendanceCount } from '../../../common/forums/attendance-schemas';
import { attendanceApi as api } from '../../../common/forums/endpoints';
import type { EventKind } from '../../../common/forums/schemas';
import { useEndpointMutation } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { Checkbox, TextArea, TextField } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';
import { Reveal } from '../../app/ui/Reveal';
import type { ForumWords } from './words';

/**
 * Attendance without identities (migration 0050): counts, unsplit or by country of residence, with the
 * first-timers that make unique persons countable; and participant codes of the organiser's own files.
 * Open at once for an awareness session, folded for the other kinds (allowed for any).
 */
type Country = AttendanceCount['homeCountry'];
type Draft = Record<string, { participants: string; firstTime: string }>;

const toDraft = (counts: readonly AttendanceCount[]): Draft =>
  Object.fromEntries(
    counts.map((c) => [
      c.homeCountry ?? 'all',
      { participants: String(c.participants), firstTime: String(c.firstTime) },
    ]),
  );

export function AnonymousAttendanceCard({
  w,
  eventId,
  kind,
  open,
  value,
}: {
  w: ForumWords;
  eventId: string;
  kind: EventKind;
  open: boolean;
  value: AnonymousAttendance;
}) {
  const [split, setSplit] = useState(value.counts.some((c) => c.homeCountry !== null));
  const [draft, setDraft] = useState<Draft>(toDraft(value.counts));
  const [codes, setCodes] = useState(value.codes.join('\n'));
  const save = useEndpointMutation(api.anonymous, [api.checkIn]);
  const countries: Array<Country> = split ? ['FR', 'BE'] : [null];
  const num = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s) : 0);
  const submit = () => {
    const counts = countries
      .map((c) => ({ c, d: draft[c ?? 'all'] }))
      .filter(({ d }) => num(d?.participants) > 0)
      .map(({ c, d }) => ({
        homeCountry: c,
        participants: num(d!.participants),
        firstTime: num(d!.firstTime),
      }));
    save.mutate({ params: { id: eventId }, body: { counts, codes: splitCodes(codes) } });
  };
  const set = (c: Country, field: 'participants' | 'firstTime', v: string) =>
    setDraft((d) => ({
      ...d,
      [c ?? 'all']: { participants: '', firstTime: '', ...d[c ?? 'all'], [field]: v },
    }));
  const saved = save.data;
  const body = (
    <div className="stack">
      <p>{w.m('anonymous.explain')}</p>
      <Checkbox isSelected={split} onChange={setSplit} isDisabled={!open}>
        {w.m('anonymous.split')}
      </Checkbox>
      {countries.map((c) => (
        <fieldset key={c ?? 'all'} className="checkin-count">
          <legend>{w.m(`anonymous.country.${c ?? 'all'}`)}</legend>
          <TextField
            label={w.m('anonymous.participants')}
            inputMode="numeric"
            value={draft[c ?? 'all']?.participants ?? ''}
            onChange={(v) => set(c, 'participants', v)}
            isDisabled={!open}
          />
          <TextField
            label={w.m('anonymous.first_time')}
            inputMode="numeric"
            value={draft[c ?? 'all']?.firstTime ?? ''}
            onChange={(v) => set(c, 'firstTime', v)}
            isDisabled={!open}
          />
        </fieldset>
      ))}
      <TextArea
        label={w.m('anonymous.codes')}
        description={w.m('anonymous.codes_hint')}
        value={codes}
        onChange={setCodes}
        isDisabled={!open}
      />
      <ErrorAlert error={save.error} />
      {saved && (
        <Alert tone="success">
          {w.m('anonymous.saved', {
            participants: saved.counts.reduce((n, c) => n + c.participants, 0),
            codes: saved.codes.length,
          })}
        </Alert>
      )}
      {open && (
        <div className="row">
          <Button onPress={submit} isDisabled={save.isPending}>
            {w.m('anonymous.save')}
          </Button>
        </div>
      )}
    </div>
  );
  return kind === 'awareness_session' ? (
    <Card title={w.m('anonymous.title')}>{body}</Card>
  ) : (
    <Card>
      <Reveal label={w.m('anonymous.title')} level={2}>
        {body}
      </Reveal>
    </Card>
  );
}
