import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import {
  type PartnershipView,
  PROJECT_STATUSES,
  type ProjectInput,
  type ProjectStatus,
  type ProjectView,
} from '../../../../common/formative/schemas';
import { practiceLink } from '../../../../common/practices/links';
import { useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, Facts } from '../../../app/ui/layout';
import { fieldErrors, useFormativeWords } from './words';

/** The application year's projects at the partner CPAS: the partner writes them, the lead reads them. */
export function ProjectsSection({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  return (
    <Card title={w.proj('title')} actions={v.me.canWriteProjects ? <ProjectDialog v={v} /> : undefined}>
      <p>{w.proj('hint')}</p>
      {v.projects.length === 0 && <p>{w.proj('empty')}</p>}
      {v.projects.map((p) => (
        <section key={p.id} className="stack formative-project">
          <h3>{p.title}</h3>
          <Facts
            items={[
              [w.proj('field.status'), w.proj(`status.${p.status}`)],
              [w.proj('field.participants'), w.proj('participants', { n: p.participants })],
              [w.proj('field.starts_on'), p.startsOn ? f.day(p.startsOn) : '—'],
              [w.proj('field.ends_on'), p.endsOn ? f.day(p.endsOn) : '—'],
              [w.proj('field.objectives'), p.objectives ?? '—'],
              [w.proj('field.actions'), p.actions ?? '—'],
              [w.proj('field.partners'), p.partners ?? '—'],
              [w.proj('field.results'), p.results ?? '—'],
            ]}
          />
          <div className="row">
            {v.me.canWriteProjects && <ProjectDialog v={v} project={p} />}
            <PracticeAction v={v} project={p} />
          </div>
        </section>
      ))}
    </Card>
  );
}

/** The project's good-practice sheet: a link once drawn, else (for the partner) the action to draw it. */
function PracticeAction({ v, project }: { v: PartnershipView; project: ProjectView }) {
  const w = useFormativeWords();
  const navigate = useNavigate();
  const draw = useEndpointMutation(api.projectPractice, [api.view]);
  // The sheet is the partner's draft until published: the lead follows it in the library once it is.
  if (project.practiceId)
    return v.me.canWriteProjects ? (
      <LinkButton variant="ghost" to={practiceLink.href({ id: project.practiceId })}>
        {w.proj('practice_link')}
      </LinkButton>
    ) : null;
  if (!v.me.canWriteProjects) return null;
  return (
    <>
      <Button
        variant="secondary"
        aria-label={w.proj('to_practice_of', { title: project.title })}
        isDisabled={draw.isPending}
        onPress={() =>
          draw.mutate(
            { params: { id: v.partnership.id, itemId: project.id } },
            { onSuccess: (r) => navigate(practiceLink.href({ id: r.id })) },
          )
        }
      >
        {w.proj('to_practice')}
      </Button>
      <ErrorAlert error={draw.error} />
    </>
  );
}

function ProjectDialog({ v, project }: { v: PartnershipView; project?: ProjectView }) {
  const w = useFormativeWords();
  const add = useEndpointMutation(api.addProject, [api.view]);
  const update = useEndpointMutation(api.updateProject, [api.view]);
  const [x, setX] = useState({
    title: project?.title ?? '',
    objectives: project?.objectives ?? '',
    actions: project?.actions ?? '',
    participants: String(project?.participants ?? 0),
    partners: project?.partners ?? '',
    results: project?.results ?? '',
    status: (project?.status ?? 'planned') as ProjectStatus,
    startsOn: project?.startsOn ?? '',
    endsOn: project?.endsOn ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof x) => (val: string) => setX((o) => ({ ...o, [k]: val }));
  const title = project ? w.proj('edit_of', { title: project.title }) : w.proj('add');
  const text = (k: 'objectives' | 'actions' | 'partners' | 'results') => (
    <TextArea label={w.proj(`field.${k}`)} value={x[k]} onChange={set(k)} error={errors[k]} />
  );
  return (
    <FormDialog
      trigger={
        project ? (
          <Button variant="secondary" aria-label={title}>
            {w.proj('edit')}
          </Button>
        ) : (
          <Button>{w.proj('add')}</Button>
        )
      }
      title={title}
      submitLabel={w.proj('save')}
      isSubmitDisabled={add.isPending || update.isPending}
      onError={(e) => setErrors(fieldErrors(e))}
      onSubmit={async () => {
        const n = Number(x.participants.trim());
        const problems: Record<string, string> = {};
        if (x.title.trim().length < 3) problems.title = w.proj('title_required');
        if (x.participants.trim() === '' || !Number.isInteger(n) || n < 0)
          problems.participants = w.proj('participants_invalid');
        setErrors(problems);
        if (Object.keys(problems).length) return false;
        const body: ProjectInput = {
          title: x.title.trim(),
          objectives: x.objectives.trim() || null,
          actions: x.actions.trim() || null,
          participants: n,
          partners: x.partners.trim() || null,
          results: x.results.trim() || null,
          status: x.status,
          startsOn: x.startsOn || null,
          endsOn: x.endsOn || null,
        };
        if (project) await update.mutateAsync({ params: { id: v.partnership.id, itemId: project.id }, body });
        else await add.mutateAsync({ params: { id: v.partnership.id }, body });
        return true;
      }}
    >
      <TextField
        label={w.proj('field.title')}
        value={x.title}
        onChange={set('title')}
        maxLength={200}
        isRequired
        error={errors.title}
      />
      <Select
        label={w.proj('field.status')}
        value={x.status}
        onChange={set('status')}
        options={PROJECT_STATUSES.map((s) => ({ id: s, label: w.proj(`status.${s}`) }))}
        isRequired
      />
      <TextField
        label={w.proj('field.participants')}
        inputMode="numeric"
        value={x.participants}
        onChange={set('participants')}
        maxLength={6}
        isRequired
        error={errors.participants}
      />
      <DateField
        label={w.proj('field.starts_on')}
        value={x.startsOn}
        onChange={set('startsOn')}
        error={errors.startsOn}
      />
      <DateField
        label={w.proj('field.ends_on')}
        value={x.endsOn}
        onChange={set('endsOn')}
        error={errors.endsOn}
      />
      {text('objectives')}
      {text('actions')}
      {text('partners')}
      {text('results')}
    </FormDialog>
  );
}
