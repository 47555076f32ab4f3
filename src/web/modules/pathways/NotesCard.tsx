import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NoteCreateBody, type PathwayDetail, type PathwayNote } from '../../../common/people/pathway-schemas';
import { patch, post } from '../../app/api';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Checkbox, Form, TextArea, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card } from '../../app/ui/layout';
import { todayIso, useDateFormat } from './format';
import { usePathwayChange } from './usePathway';

/** The dated timeline, newest first. Notes are never deleted; their author may correct them for 24 hours. */
export function NotesCard({ p }: { p: PathwayDetail }) {
  return (
    <Card title={<FormattedMessage id="pathways.note.title" />}>
      {p.canManage && <NoteForm url={`/api/pathways/${p.id}/notes`} method="post" />}
      {!p.notes.length && (
        <p className="muted">
          <FormattedMessage id="pathways.note.empty" />
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
          {n.author?.displayName ?? <FormattedMessage id="pathways.note.former_member" />}
        </span>
        {n.confidential && (
          <span className="tag tag--danger">
            <FormattedMessage id="pathways.note.confidential" />
          </span>
        )}
      </div>
      {editing ? (
        <NoteForm
          url={`/api/notes/${n.id}`}
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
              <FormattedMessage id="pathways.note.correct" />
            </Button>
          )}
        </>
      )}
    </li>
  );
}

function NoteForm({
  url,
  method,
  initial,
  onDone,
}: {
  url: string;
  method: 'post' | 'patch';
  initial?: { notedOn: string; body: string; confidential: boolean };
  onDone?: () => void;
}) {
  const intl = useIntl();
  const blank = { notedOn: todayIso(), body: '', confidential: false };
  const form = useForm(NoteCreateBody, initial ?? blank);
  const save = usePathwayChange(
    (body: unknown) => (method === 'post' ? post<PathwayDetail>(url, body) : patch<PathwayDetail>(url, body)),
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
        if (form.validate()) save.mutate(form.body(), { onError: form.fromApiError });
      }}
    >
      <ErrorAlert error={save.error} />
      <TextField
        label={intl.formatMessage({ id: 'pathways.field.noted_on' })}
        type="date"
        isRequired
        value={form.values.notedOn}
        onChange={form.set('notedOn')}
        error={form.errors.notedOn}
      />
      <TextArea
        label={intl.formatMessage({ id: 'pathways.field.note_body' })}
        isRequired
        value={form.values.body}
        onChange={form.set('body')}
        error={form.errors.body}
      />
      <Checkbox isSelected={form.values.confidential} onChange={form.set('confidential')}>
        <FormattedMessage id="pathways.field.confidential" />
      </Checkbox>
      <p className="muted">
        <FormattedMessage id="pathways.note.confidential_hint" />
      </p>
      <div className="row">
        <Button
          type="submit"
          variant={method === 'post' ? 'primary' : 'secondary'}
          isDisabled={save.isPending}
        >
          <FormattedMessage id={method === 'post' ? 'pathways.note.add' : 'common.save'} />
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
