import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import type { LogbookEntryView, RequestView } from '../../../../common/immersions/request-schemas';
import { practiceEditLink, practiceLink } from '../../../../common/practices/links';
import { ApiError } from '../../../app/api';
import { useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Form, TextArea, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { R, useRequestWords } from './words';

const fieldErrors = (e: unknown) =>
  e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : {};

/** What the immersion leaves behind: the host's observer consents, the visitor's logbook and report. */
export function RequestRecords({ view }: { view: RequestView }) {
  const started = ['agreed', 'in_progress', 'completed'].includes(view.request.status);
  if (!started) return null;
  return (
    <>
      <Consents view={view} />
      <Logbook view={view} />
      <Report view={view} />
    </>
  );
}

function Consents({ view }: { view: RequestView }) {
  const w = useRequestWords();
  const add = useEndpointMutation(api.addObserverConsent, [api.request]);
  const [heldOn, setHeldOn] = useState(view.request.startsOn);
  const [activity, setActivity] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Card
      title={<FormattedMessage id={R('consents.title')} />}
      actions={
        view.can.recordConsent && (
          <FormDialog
            trigger={<Button variant="secondary">{w.msg('consents.add')}</Button>}
            title={w.msg('consents.add')}
            submitLabel={w.msg('consents.record')}
            onSubmit={async () => {
              await add.mutateAsync({
                params: { id: view.request.id },
                body: { heldOn, activity: activity.trim() },
              });
              setActivity('');
              return true;
            }}
            onError={(e) => setErrors(fieldErrors(e))}
          >
            <p>
              <FormattedMessage id={R('consents.hint')} />
            </p>
            <DateField
              label={w.msg('field.held_on')}
              value={heldOn}
              onChange={setHeldOn}
              min={view.request.startsOn}
              max={view.request.endsOn}
              error={errors.heldOn}
              isRequired
            />
            <TextField
              label={w.msg('field.activity')}
              value={activity}
              onChange={setActivity}
              error={errors.activity}
              isRequired
              maxLength={300}
            />
          </FormDialog>
        )
      }
    >
      {view.consents.length === 0 ? (
        <p>
          <FormattedMessage id={R('consents.empty')} />
        </p>
      ) : (
        <ul>
          {view.consents.map((c) => (
            <li key={c.id}>
              {w.day(c.heldOn)} — {c.activity}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Logbook({ view }: { view: RequestView }) {
  const w = useRequestWords();
  const isHost = view.request.side === 'host';
  return (
    <Card
      title={<FormattedMessage id={R('logbook.title')} />}
      actions={view.can.writeLogbook && <EntryDialog view={view} />}
    >
      <p>
        <FormattedMessage id={R(isHost ? 'logbook.host_hint' : 'logbook.hint')} />
      </p>
      {view.logbook.length === 0 ? (
        <p>
          <FormattedMessage id={R(view.can.writeLogbook ? 'logbook.empty_write' : 'logbook.empty')} />
        </p>
      ) : (
        <ul className="stack">
          {view.logbook.map((e) => (
            <li key={e.id}>
              <strong>{w.day(e.entryOn)}</strong>
              {!isHost && (
                <>
                  {' · '}
                  <FormattedMessage id={R(e.sharedWithHost ? 'logbook.shared' : 'logbook.private')} />
                </>
              )}
              <p className="prose">{e.body}</p>
              {view.can.writeLogbook && <EntryDialog view={view} entry={e} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function EntryDialog({ view, entry }: { view: RequestView; entry?: LogbookEntryView }) {
  const w = useRequestWords();
  const add = useEndpointMutation(api.addLogbookEntry, [api.request]);
  const update = useEndpointMutation(api.updateLogbookEntry, [api.request]);
  const [entryOn, setEntryOn] = useState(entry?.entryOn ?? view.request.startsOn);
  const [body, setBody] = useState(entry?.body ?? '');
  const [shared, setShared] = useState(entry?.sharedWithHost ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const label = w.msg(entry ? 'logbook.edit' : 'logbook.add');
  return (
    <FormDialog
      trigger={<Button variant="secondary">{label}</Button>}
      title={label}
      submitLabel={w.msg('common_save')}
      onSubmit={async () => {
        const b = { entryOn, body: body.trim(), sharedWithHost: shared };
        if (entry) await update.mutateAsync({ params: { id: view.request.id, entryId: entry.id }, body: b });
        else {
          await add.mutateAsync({ params: { id: view.request.id }, body: b });
          setBody('');
        }
        return true;
      }}
      onError={(e) => setErrors(fieldErrors(e))}
    >
      <DateField
        label={w.msg('field.entry_on')}
        value={entryOn}
        onChange={setEntryOn}
        min={view.request.startsOn}
        max={view.request.endsOn}
        error={errors.entryOn}
        isRequired
      />
      <TextArea label={w.msg('field.entry')} value={body} onChange={setBody} error={errors.body} isRequired />
      <Checkbox isSelected={shared} onChange={setShared}>
        <FormattedMessage id={R('logbook.share')} />
      </Checkbox>
    </FormDialog>
  );
}

function Report({ view }: { view: RequestView }) {
  const intl = useIntl();
  const w = useRequestWords();
  const save = useEndpointMutation(api.saveReport, [api.request, api.listRequests]);
  const [values, setValues] = useState({
    surprised: view.report?.surprised ?? '',
    worksDifferently: view.report?.worksDifferently ?? '',
    toTransfer: view.report?.toTransfer ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const parts = ['surprised', 'worksDifferently', 'toTransfer'] as const;
  const r = view.request;
  const send = (submit: boolean) => async () => {
    setErrors({});
    try {
      await save.mutateAsync({ params: { id: r.id }, body: { ...values, submit } });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card title={<FormattedMessage id={R('report.title')} />}>
      <div className="stack">
        {r.reportDueOn && r.reportState !== 'submitted' && (
          <p>
            <FormattedMessage
              id={R(`report.state.${r.reportState}`)}
              values={{ due: w.day(r.reportDueOn) }}
            />
          </p>
        )}
        {view.can.writeReport ? (
          <Form
            className="stack"
            aria-label={intl.formatMessage({ id: R('report.title') })}
            onSubmit={(e) => {
              e.preventDefault();
              void send(true)();
            }}
          >
            <ErrorAlert error={save.error} />
            {parts.map((k) => (
              <TextArea
                key={k}
                label={w.msg(`report.${k}`)}
                value={values[k]}
                onChange={(v) => setValues((s) => ({ ...s, [k]: v }))}
                error={errors[k]}
              />
            ))}
            <div className="row">
              <Button type="submit" isDisabled={save.isPending}>
                <FormattedMessage id={R('report.submit')} />
              </Button>
              <Button variant="secondary" isDisabled={save.isPending} onPress={() => void send(false)()}>
                <FormattedMessage id={R('report.save_draft')} />
              </Button>
            </div>
          </Form>
        ) : view.report ? (
          parts.map((k) => (
            <div key={k}>
              <h3>{w.msg(`report.${k}`)}</h3>
              <p className="prose">{view.report?.[k] || '—'}</p>
            </div>
          ))
        ) : (
          <p>
            <FormattedMessage id={R(r.side === 'host' ? 'report.host_waiting' : 'report.not_yet')} />
          </p>
        )}
        {view.report?.submittedAt && (
          <p>
            <FormattedMessage
              id={R('report.submitted_on')}
              values={{ day: w.day(view.report.submittedAt.slice(0, 10)) }}
            />
          </p>
        )}
        <ReportPractice view={view} />
      </div>
    </Card>
  );
}

/** The good-practice sheet drawn from the submitted report: its link once drawn, else the action to draw it. */
function ReportPractice({ view }: { view: RequestView }) {
  const navigate = useNavigate();
  const draw = useEndpointMutation(api.drawPractice, [api.request]);
  if (view.practice)
    return (
      <p>
        <LinkButton variant="secondary" to={practiceLink.href({ id: view.practice.id })}>
          <FormattedMessage id={R('report.practice_link')} values={{ reference: view.practice.reference }} />
        </LinkButton>
      </p>
    );
  if (!view.can.drawPractice) return null;
  return (
    <div className="stack">
      <p>
        <FormattedMessage id={R('report.draw_practice_hint')} />
      </p>
      <ErrorAlert error={draw.error} />
      <div className="row">
        <Button
          variant="secondary"
          isDisabled={draw.isPending}
          onPress={() =>
            draw.mutate(
              { params: { id: view.request.id } },
              { onSuccess: (r) => navigate(practiceEditLink.href({ id: r.id })) },
            )
          }
        >
          <FormattedMessage id={R('report.draw_practice')} />
        </Button>
      </div>
    </div>
  );
}
