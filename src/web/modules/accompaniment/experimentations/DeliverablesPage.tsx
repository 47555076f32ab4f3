import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  deliverablesApi as api,
  experimentationsApi,
} from '../../../../common/accompaniment/experimentations-endpoints';
import { experimentationsLink } from '../../../../common/accompaniment/experimentations-links';
import type {
  DeliverableInput,
  DeliverableView,
} from '../../../../common/accompaniment/experimentations-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { type ExperimentationWords, useExperimentationWords } from './words';

/** A programme's deliverables and communication material, listed per module; each partner adds its own. */
export function DeliverablesPage() {
  const w = useExperimentationWords();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('programme') ?? undefined;
  const options = useEndpoint(experimentationsApi.options, {});
  const q = useEndpoint(api.list, { query: chosen ? { programmeId: chosen } : {} });
  const remove = useEndpointMutation(api.remove, [api.list]);
  if (q.isPending || options.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (options.error) return <ErrorAlert error={options.error} />;
  const programmes = options.data.programmes.filter((p) => p.actions.length > 0);
  const programmeId = chosen ?? q.data.programmeId ?? '';
  return (
    <div className="stack">
      <PageHeader
        title={w.m('deliverables.title')}
        description={w.m('deliverables.description')}
        actions={
          <LinkButton to={experimentationsLink.href()} variant="secondary">
            {w.m('list.title')}
          </LinkButton>
        }
      />
      <Select
        label={w.m('field.programme')}
        value={programmeId}
        onChange={(v) => setParams(v ? { programme: v } : {})}
        options={[
          { id: '', label: w.m('form.choose') },
          ...programmes.map((p) => ({ id: p.id, label: p.name })),
        ]}
      />
      <ErrorAlert error={remove.error} />
      {q.data.modules.map((m) => (
        <Card key={m.actionId} title={`${m.code} · ${m.title}`}>
          {m.items.length === 0 ? (
            <p>{w.m('deliverables.none')}</p>
          ) : (
            <DataTable
              stacked
              caption={`${m.code} · ${m.title}`}
              rows={m.items}
              rowKey={(d) => d.id}
              columns={[
                {
                  key: 'title',
                  header: w.m('field.title'),
                  render: (d: DeliverableView) =>
                    d.linkUrl ? (
                      <a href={d.linkUrl} target="_blank" rel="noopener noreferrer">
                        {d.title}
                      </a>
                    ) : (
                      d.title
                    ),
                },
                { key: 'kind', header: w.m('field.kind'), render: (d) => w.kind(d.kind) },
                {
                  key: 'languages',
                  header: w.m('field.languages'),
                  render: (d) => d.languages.map(w.language).join(', '),
                },
                { key: 'organisation', header: w.m('field.organisation'), render: (d) => d.organisation },
                { key: 'date', header: w.m('field.issued_on'), render: (d) => w.day(d.issuedOn) },
                {
                  key: 'delete',
                  header: w.m('field.actions'),
                  render: (d) =>
                    d.canDelete ? (
                      <Button
                        variant="ghost"
                        onPress={() => {
                          if (window.confirm(w.m('deliverables.delete_confirm')))
                            remove.mutate({ params: { id: d.id } });
                        }}
                      >
                        {w.m('deliverables.delete')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
          {q.data.canCreate && <AddDeliverable w={w} actionId={m.actionId} />}
        </Card>
      ))}
    </div>
  );
}

function AddDeliverable({ w, actionId }: { w: ExperimentationWords; actionId: string }) {
  const [open, setOpen] = useState(false);
  const empty: DeliverableInput = {
    actionId,
    title: '',
    kind: 'deliverable',
    languages: ['fr', 'nl'],
    linkUrl: null,
    issuedOn: new Date().toISOString().slice(0, 10),
  };
  const [s, setS] = useState<DeliverableInput>(empty);
  const create = useEndpointMutation(api.create, [api.list]);
  if (!open)
    return (
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {w.m('deliverables.add')}
      </Button>
    );
  const submit = (f: FormEvent) => {
    f.preventDefault();
    create.mutate(
      { body: s },
      {
        onSuccess: () => {
          setS(empty);
          setOpen(false);
        },
      },
    );
  };
  return (
    <Form onSubmit={submit}>
      <TextField
        label={w.m('field.title')}
        value={s.title}
        onChange={(v) => setS({ ...s, title: v })}
        isRequired
        maxLength={200}
      />
      <Select
        label={w.m('field.kind')}
        value={s.kind}
        onChange={(v) => setS({ ...s, kind: v as DeliverableInput['kind'] })}
        options={w.kindOptions()}
        isRequired
      />
      <CheckboxGroup
        label={w.m('field.languages')}
        value={s.languages}
        onChange={(v) => setS({ ...s, languages: v as DeliverableInput['languages'] })}
        options={w.languageOptions()}
      />
      <TextField
        label={w.m('field.link_url')}
        description={w.m('deliverables.link_hint')}
        type="url"
        value={s.linkUrl ?? ''}
        onChange={(v) => setS({ ...s, linkUrl: v.trim() || null })}
        maxLength={500}
      />
      <DateField
        label={w.m('field.issued_on')}
        value={s.issuedOn}
        onChange={(v) => setS({ ...s, issuedOn: v })}
        isRequired
      />
      <ErrorAlert error={create.error} />
      <div className="row">
        <Button type="submit">{w.m('form.save')}</Button>
        <Button variant="secondary" onPress={() => setOpen(false)}>
          {w.m('form.cancel')}
        </Button>
      </div>
    </Form>
  );
}
