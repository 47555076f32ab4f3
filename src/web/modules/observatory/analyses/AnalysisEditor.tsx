import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { analysisEndpoints as api } from '../../../../common/observatory/analysis-endpoints';
import type { AnalysisView, SectionInput } from '../../../../common/observatory/analysis-schemas';
import { observatoryEndpoints as obsApi } from '../../../../common/observatory/endpoints';
import { analysisLink } from '../../../../common/observatory/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { TextArea, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useObsWords, W } from '../words';
import { OWN, TerritorySelect } from './AnalysesPage';
import { themeLabel } from './AnalysisPage';
import { SectionForm } from './SectionForm';
import '../observatory.css';
import './analyses.css';

/** The organisation's editor of its draft: titles, territory and note; the sections; publishing. */
export function AnalysisEditor() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.view, { params: { id }, query: { version: 'draft' } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  // Keyed by the draft so that the form restarts from what was saved after a publication.
  return <Editor key={q.data.version.number} analysis={q.data} />;
}

function Editor({ analysis: a }: { analysis: AnalysisView }) {
  const w = useObsWords();
  const update = useEndpointMutation(api.update, [api.view, api.list]);
  const [titleFr, setTitleFr] = useState(a.titleFr);
  const [titleNl, setTitleNl] = useState(a.titleNl);
  const [group, setGroup] = useState(a.group ?? OWN);
  const [note, setNote] = useState(a.version.note ?? '');
  const [saved, setSaved] = useState(false);
  if (!a.canEdit) return <Alert tone="error" title={w.msg('analyses.not_yours')} />;
  const save = async () => {
    setSaved(false);
    await update.mutateAsync({
      params: { id: a.id },
      body: { titleFr, titleNl, group: group === OWN ? null : group, note: note.trim() || null },
    });
    setSaved(true);
  };
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={analysisLink.href({ id: a.id })}>
          <FormattedMessage id={W('analyses.back_to_analysis')} />
        </Link>
      </p>
      <PageHeader
        title={w.msg('analyses.edit_title', { title: a.title, n: a.version.number })}
        description={w.msg('analyses.edit_intro')}
      />
      <Card title={w.msg('analyses.settings')}>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save().catch(() => {});
          }}
        >
          {update.error && <ErrorAlert error={update.error} />}
          {saved && <Alert tone="success" title={w.msg('analyses.saved')} />}
          <TextField
            label={w.msg('analyses.field.title_fr')}
            value={titleFr}
            onChange={setTitleFr}
            isRequired
          />
          <TextField
            label={w.msg('analyses.field.title_nl')}
            value={titleNl}
            onChange={setTitleNl}
            isRequired
          />
          <TerritorySelect groups={a.groups} value={group} onChange={setGroup} />
          <TextArea label={w.msg('analyses.field.note')} value={note} onChange={setNote} />
          <div className="row">
            <Button type="submit" isDisabled={update.isPending || !titleFr.trim() || !titleNl.trim()}>
              {w.msg('analyses.save')}
            </Button>
          </div>
        </form>
      </Card>
      <Sections analysis={a} />
      <Publish analysis={a} />
    </div>
  );
}

function Sections({ analysis: a }: { analysis: AnalysisView }) {
  const w = useObsWords();
  const refresh = [api.view, api.list];
  const add = useEndpointMutation(api.addSection, refresh);
  const edit = useEndpointMutation(api.updateSection, refresh);
  const remove = useEndpointMutation(api.removeSection, refresh);
  const move = useEndpointMutation(api.moveSection, refresh);
  const catalogue = useEndpoint(obsApi.catalogue, {});
  // The section being edited: its id, 'new', or none.
  const [editing, setEditing] = useState<string | null>(null);
  const error = add.error ?? edit.error ?? remove.error ?? move.error;
  const indicators = catalogue.data?.indicators ?? [];
  const save = (sectionId: string | null) => (body: SectionInput) => {
    const done = { onSuccess: () => setEditing(null) };
    if (sectionId) edit.mutate({ params: { id: a.id, section: sectionId }, body }, done);
    else add.mutate({ params: { id: a.id }, body }, done);
  };
  const busy = add.isPending || edit.isPending;
  return (
    <Card title={w.msg('analyses.sections')}>
      <div className="stack">
        {error && <ErrorAlert error={error} />}
        {a.sections.length === 0 && <p className="description">{w.msg('analyses.no_sections')}</p>}
        <ol className="obs-analysis-sections">
          {a.sections.map((s, i) =>
            editing === s.id ? (
              <li key={s.id}>
                <SectionForm
                  section={s}
                  indicators={indicators}
                  busy={busy}
                  onSave={save(s.id)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={s.id}>
                <span>
                  <strong>{s.heading}</strong>{' '}
                  <span className="description">
                    ({themeLabel(w, s.theme)}
                    {s.tile ? ` · ${s.tile.map.indicator.label}, ${w.msg(`boards.kind.${s.tile.kind}`)}` : ''}
                    )
                  </span>
                </span>
                <span className="row">
                  <Button
                    variant="ghost"
                    isDisabled={i === 0}
                    aria-label={w.msg('analyses.move_up', { section: s.heading })}
                    onPress={() =>
                      move.mutate({ params: { id: a.id, section: s.id }, body: { direction: 'up' } })
                    }
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    isDisabled={i === a.sections.length - 1}
                    aria-label={w.msg('analyses.move_down', { section: s.heading })}
                    onPress={() =>
                      move.mutate({ params: { id: a.id, section: s.id }, body: { direction: 'down' } })
                    }
                  >
                    ↓
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={w.msg('analyses.edit_section', { section: s.heading })}
                    onPress={() => setEditing(s.id)}
                  >
                    {w.msg('analyses.edit_short')}
                  </Button>
                  <Button
                    variant="danger"
                    aria-label={w.msg('analyses.remove_section', { section: s.heading })}
                    onPress={() => remove.mutate({ params: { id: a.id, section: s.id } })}
                  >
                    {w.msg('analyses.remove_short')}
                  </Button>
                </span>
              </li>
            ),
          )}
        </ol>
        {editing === 'new' ? (
          <Card title={w.msg('analyses.new_section')}>
            <SectionForm
              section={null}
              indicators={indicators}
              busy={busy}
              onSave={save(null)}
              onCancel={() => setEditing(null)}
            />
          </Card>
        ) : (
          <div className="row">
            <Button onPress={() => setEditing('new')}>{w.msg('analyses.add_section')}</Button>
          </div>
        )}
      </div>
    </Card>
  );
}

function Publish({ analysis: a }: { analysis: AnalysisView }) {
  const w = useObsWords();
  const navigate = useNavigate();
  const publish = useEndpointMutation(api.publish, [api.view, api.list]);
  const n = a.version.number;
  return (
    <Card title={w.msg('analyses.publication')}>
      <div className="stack">
        <p>{w.msg('analyses.publish_explained', { n })}</p>
        <div className="row">
          <FormDialog
            trigger={<Button isDisabled={a.sections.length === 0}>{w.msg('analyses.publish', { n })}</Button>}
            title={w.msg('analyses.publish_confirm_title', { n })}
            submitLabel={w.msg('analyses.publish_confirm', { n })}
            onSubmit={async () => {
              await publish.mutateAsync({ params: { id: a.id }, body: { number: n } });
              navigate(analysisLink.href({ id: a.id }, { version: String(n) }));
              return true;
            }}
          >
            <p>{w.msg('analyses.publish_confirm_text', { n, sections: a.sections.length })}</p>
          </FormDialog>
        </div>
      </div>
    </Card>
  );
}
