import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { pathwaysApi } from '../../../../common/people/endpoints';
import {
  NoteCreateBody,
  type PathwayDetail,
  type PathwayNote,
} from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Form, TextArea } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { todayIso, useDateFormat } from './format';
import { usePathwayChange } from './usePathway';

/** The dated timeline, newest first. Notes are never deleted; their author may correct them for 24 hours. */
export function NotesCard({ p }: { p: PathwayDetail }) {
  return (
    <Card title={<FormattedMessage id="people.pathways.note.title" />}>
      {p.canManage && <NoteForm target={p.id} method="post" />}
      {!p.notes.length && (
        <p className="muted">
          <FormattedMessage id="people.pathways.note.empty" />
        </p>
      )}
      <ol className="pathway-timeline">
        {p.notes.map((n) => (
          <Note key={n.id} n={n} />
        ))}
      </ol>
    </Card>
  );
}

function Note({ n }: { n: PathwayNote }) {
  const date = useDateFormat();
  const [editing, setEditing] = useState(false);
  return (
    <li className={n.confidential ? 'pathway-note pathway-note--confidential' : 'pathway-note'}>
      <div className="row">
        <strong>{date(n.notedOn)}</strong>
        <span className="muted">
          {n.author?.displayName ?? <FormattedMessage id="people.pathways.note.former_member" />}
        </span>
        {n.confidential && (
          <span className="tag tag--danger">
            <FormattedMessage id="people.pathways.note.confidential" />
          </span>
        )}
      </div>
      {editing ? (
        <NoteForm
          target={n.id}
          method="patch"
          initial={{ notedOn: n.notedOn, body: n.body, confidential: n.confidential }}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          {n.body.split(/\n{2,}/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one note, never reordered
            <p key={i}>{para}</p>
          ))}
          {n.editable && (
            <Button variant="ghost" className="no-print" onPress={() => setEditing(true)}>
              <FormattedMessage id="people.pathways.note.correct" />
            </Button>
          )}
        </>
      )}
    </li>
  );
}

function NoteForm({
  target,
  method,
  initial,
  onDone,
}: {
  /** The pathway a new note goes to, or the note to correct. */
  target: string;
  method: 'post' | 'patch';
  initial?: { notedOn: string; body: string; confidential: boolean };
  onDone?: () => void;
}) {
  const intl = useIntl();
  const blank = { notedOn: todayIso(), body: '', confidential: false };
  const form = useForm(NoteCreateBody, initial ?? blank);
  const save = usePathwayChange(
    (body: NoteCreateBody) =>
      call(method === 'post' ? pathwaysApi.addNote : pathwaysApi.editNote, { params: { id: target }, body }),
    () => {
      form.setValues(blank);
      onDone?.();
    },
  );
  return (
    <Form
      validationBehavior="aria"
      className="stack no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) save.mutate(form.body() as NoteCreateBody, { onError: form.fromApiError });
      }}
    >
      <ErrorAlert error={save.error} />
      <DateField
        label={intl.formatMessage({ id: 'people.pathways.field.noted_on' })}
        isRequired
        value={form.values.notedOn}
        onChange={form.set('notedOn')}
        error={form.errors.notedOn}
      />
      <TextArea
        label={intl.formatMessage({ id: 'people.pathways.field.note_body' })}
        isRequired
        value={form.values.body}
        onChange={form.set('body')}
        error={form.errors.body}
      />
      <Checkbox isSelected={form.values.confidential} onChange={form.set('confidential')}>
        <FormattedMessage id="people.pathways.field.confidential" />
      </Checkbox>
      <p className="muted">
        <FormattedMessage id="people.pathways.note.confidential_hint" />
      </p>
      <div className="row">
        <Button
          type="submit"
          variant={method === 'post' ? 'primary' : 'secondary'}
          isDisabled={save.isPending}
        >
          <FormattedMessage id={method === 'post' ? 'people.pathways.note.add' : 'common.save'} />
        </Button>
        {onDone && (
          <Button variant="ghost" onPress={onDone}>
            <FormattedMessage id="common.cancel" />
          </Button>
        )}
      </div>
    </Form>
  );
}
