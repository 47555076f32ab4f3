import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { matchesSearch, normaliseCheckInCode } from '../../../common/forums/attendance-rules';
import type { CheckInRow, CheckInView } from '../../../common/forums/attendance-schemas';
import { attendanceApi as api, forumsApi } from '../../../common/forums/endpoints';
import { eventLink } from '../../../common/forums/links';
import { localized } from '../../../common/i18n/locales';
import { useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { SearchField, TextField } from '../../app/ui/fields';
import { PageHeader } from '../../app/ui/layout';
import { AnonymousAttendanceCard } from './AnonymousAttendanceCard';
import { SheetButton } from './SheetButton';
import { type ForumWords, useForumWords, whenText } from './words';
import './checkin.css';

/** The code a QR code carries in the address's fragment (`#code=…`), which no server ever receives. */
const codeIn = (hash: string) => new URLSearchParams(hash.slice(1)).get('code') ?? '';

/**
 * The check-in desk on a phone or tablet (migration 0050): the people expected, searchable, one tap for
 * "present" and one to undo; the counters; a QR code scanned with the phone's camera opens this page with
 * that person at the top, ready to confirm (the code resolves only for the organiser's signed-in users).
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const w = useForumWords();
  const { language } = useLanguage();
  const q = useEndpoint(api.checkIn, { params: { id } });
  const mark = useEndpointMutation(api.attendance, [api.checkIn, forumsApi.get, forumsApi.list]);
  const lookup = useEndpointMutation(api.lookup);
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const { mutate: find } = lookup;
  const scanned = codeIn(useLocation().hash);
  useEffect(() => {
    if (scanned)
      find({ params: { id }, body: { code: scanned } }, { onSuccess: (r) => setFound(r.registrationId) });
  }, [id, scanned, find]);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const v = q.data;
  const present = (r: CheckInRow, yes: boolean) =>
    mark.mutate({ params: { id, registrationId: r.id }, body: { present: yes } });
  const highlighted = v.rows.find((r) => r.id === found) ?? null;
  const findTyped = () => {
    const code = normaliseCheckInCode(typed);
    if (code) find({ params: { id }, body: { code } }, { onSuccess: (r) => setFound(r.registrationId) });
  };
  return (
    <div className="stack checkin">
      <PageHeader
        title={localized(language, v.titleFr, v.titleNl)}
        description={w.m('checkin.description', { when: whenText(w, v.startsAt, v.endsAt) })}
        actions={
          <>
            <LinkButton to={eventLink.href({ id })} variant="secondary">
              {w.m('checkin.back')}
            </LinkButton>
            <SheetButton w={w} eventId={id} />
          </>
        }
      />
      {v.status === 'cancelled' && <Alert tone="warning">{w.m('checkin.event_cancelled')}</Alert>}
      {v.status !== 'cancelled' && !v.open && <Alert tone="info">{w.m('checkin.closed')}</Alert>}
      {v.rows.length > 0 && (
        <Registrants
          w={w}
          v={v}
          search={search}
          onSearch={setSearch}
          typed={typed}
          onTyped={setTyped}
          onFind={findTyped}
          highlighted={highlighted}
          onPresent={present}
          error={lookup.error ?? mark.error}
        />
      )}
      {v.rows.length === 0 && <ErrorAlert error={mark.error} />}
      <AnonymousAttendanceCard w={w} eventId={id} kind={v.kind} open={v.open} value={v.anonymous} />
    </div>
  );
}

/** The registered people: counters, the scanned person, the search and code fields, the list. */
function Registrants({
  w,
  v,
  search,
  onSearch,
  typed,
  onTyped,
  onFind,
  highlighted,
  onPresent,
  error,
}: {
  w: ForumWords;
  v: CheckInView;
  search: string;
  onSearch: (s: string) => void;
  typed: string;
  onTyped: (s: string) => void;
  onFind: () => void;
  highlighted: CheckInRow | null;
  onPresent: (r: CheckInRow, yes: boolean) => void;
  error: unknown;
}) {
  const rows = v.rows.filter((r) => matchesSearch(r, search));
  return (
    <>
      <p className="checkin-counters" aria-live="polite">
        {w.m('checkin.counters', { present: v.present, expected: v.expected })}
      </p>
      <ErrorAlert error={error} />
      {highlighted && (
        <section className="card checkin-found" aria-labelledby="checkin-found">
          <h2 id="checkin-found">{w.m('checkin.scanned')}</h2>
          <ul className="checkin-list">
            <Row w={w} r={highlighted} open={v.open} onPresent={onPresent} />
          </ul>
        </section>
      )}
      <div className="checkin-tools">
        <SearchField label={w.m('checkin.search')} value={search} onChange={onSearch} />
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            onFind();
          }}
        >
          <TextField label={w.m('checkin.code_field')} value={typed} onChange={onTyped} maxLength={20} />
          <Button type="submit" variant="secondary">
            {w.m('checkin.find')}
          </Button>
        </form>
      </div>
      <section aria-label={w.m('checkin.list')}>
        {rows.length === 0 ? (
          <p>{w.m('checkin.none')}</p>
        ) : (
          <ul className="checkin-list">
            {rows.map((r) => (
              <Row key={r.id} w={w} r={r} open={v.open} onPresent={onPresent} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Row({
  w,
  r,
  open,
  onPresent,
}: {
  w: ForumWords;
  r: CheckInRow;
  open: boolean;
  onPresent: (r: CheckInRow, yes: boolean) => void;
}) {
  const attended = r.status === 'attended';
  return (
    <li className={attended ? 'checkin-row checkin-row--present' : 'checkin-row'}>
      <div className="checkin-who">
        <strong>{r.name}</strong>
        {r.organisation && <span className="muted">{r.organisation}</span>}
        {r.status === 'waiting' && (
          <span className="tag tag--warning">{w.registrationStatus('waiting')}</span>
        )}
        {attended && r.attendedAt && (
          <span className="tag tag--success">
            {w.m('checkin.present_at', { time: w.time(r.attendedAt) })}
          </span>
        )}
      </div>
      {open &&
        (attended ? (
          <Button
            variant="secondary"
            aria-label={w.m('checkin.undo_for', { name: r.name })}
            onPress={() => onPresent(r, false)}
          >
            {w.m('checkin.undo')}
          </Button>
        ) : (
          <Button
            className="checkin-present"
            aria-label={w.m(r.status === 'waiting' ? 'checkin.let_in_for' : 'checkin.present_for', {
              name: r.name,
            })}
            onPress={() => onPresent(r, true)}
          >
            {w.m(r.status === 'waiting' ? 'checkin.let_in' : 'checkin.present')}
          </Button>
        ))}
    </li>
  );
}
