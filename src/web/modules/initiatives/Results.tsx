import { type FormEvent, useState } from 'react';
import { initiativesApi as api } from '../../../common/initiatives/endpoints';
import type { InitiativeDetail, ResultInput } from '../../../common/initiatives/schemas';
import { useEndpointMutation } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert } from '../../app/ui/feedback';
import { Form, TextArea, TextField } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';
import { useInitiativeWords } from './words';

const today = () => new Date().toISOString().slice(0, 10);

/** Results and evidence: dated entries with a text, a link and a figure; the lead and partners add them. */
export function Results({ initiative: i }: { initiative: InitiativeDetail }) {
  const w = useInitiativeWords();
  const add = useEndpointMutation(api.addResult, [api.get]);
  const remove = useEndpointMutation(api.deleteResult, [api.get]);
  const [s, setS] = useState({ entryOn: today(), text: '', linkUrl: '', figure: '', figureLabel: '' });
  const set = (k: keyof typeof s) => (v: string) => setS((x) => ({ ...x, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const figure = s.figure.trim() ? Number(s.figure.replace(',', '.')) : null;
    const body: ResultInput = {
      entryOn: s.entryOn,
      text: s.text,
      linkUrl: s.linkUrl.trim() || null,
      figure: figure !== null && Number.isFinite(figure) ? figure : null,
      figureLabel: s.figureLabel.trim() || null,
    };
    try {
      await add.mutateAsync({ params: { id: i.id }, body });
      setS({ entryOn: today(), text: '', linkUrl: '', figure: '', figureLabel: '' });
    } catch {
      // Shown by the ErrorAlert below.
    }
  };
  return (
    <Card title={w.m('results.title')}>
      {i.results.length === 0 ? (
        <p>{w.m('results.none')}</p>
      ) : (
        <ul className="stack">
          {i.results.map((r) => (
            <li key={r.id}>
              <strong>{w.day(r.entryOn)}</strong> · {r.organisation}
              <p className="pre-line">{r.text}</p>
              {r.figure !== null && (
                <p>
                  {w.number(r.figure)} {r.figureLabel ?? ''}
                </p>
              )}
              {r.linkUrl && (
                <a href={r.linkUrl} target="_blank" rel="noreferrer noopener">
                  {r.linkUrl}
                </a>
              )}
              {r.canDelete && (
                <Button
                  variant="ghost"
                  onPress={() => remove.mutate({ params: { id: i.id, resultId: r.id } })}
                >
                  {w.m('results.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={remove.error} />
      {i.canAddResult && (
        <Form onSubmit={submit}>
          <DateField label={w.m('results.entry_on')} value={s.entryOn} onChange={set('entryOn')} isRequired />
          <TextArea
            label={w.m('results.text')}
            description={w.m('results.text_hint')}
            value={s.text}
            onChange={set('text')}
            isRequired
          />
          <TextField
            label={w.m('results.link')}
            type="url"
            value={s.linkUrl}
            onChange={set('linkUrl')}
            maxLength={500}
          />
          <div className="row">
            <TextField label={w.m('results.figure')} value={s.figure} onChange={set('figure')} />
            <TextField
              label={w.m('results.figure_label')}
              value={s.figureLabel}
              onChange={set('figureLabel')}
              maxLength={120}
            />
          </div>
          <ErrorAlert error={add.error} />
          <Button type="submit">{w.m('results.add')}</Button>
        </Form>
      )}
    </Card>
  );
}
