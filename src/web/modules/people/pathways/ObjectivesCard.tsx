import { FormattedMessage, useIntl } from 'react-intl';
import type { Role } from '../../../../common/access/permissions';
import { pathwaysApi } from '../../../../common/people/endpoints';
import { actionWorkflow, objectiveWorkflow } from '../../../../common/people/pathway-rules';
import type {
  ActionStatus,
  ObjectiveStatus,
  PathwayAction,
  PathwayDetail,
  PathwayObjective,
} from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { ActionStatusTag, ObjectiveStatusTag, useDateFormat } from './format';
import { TitleForm } from './TitleForm';
import { usePathwayChange } from './usePathway';

/** Objectives with their actions; statuses change inline along the moves their workflow makes available. */
export function ObjectivesCard({ p }: { p: PathwayDetail }) {
  const editable = p.canManage && !p.exitOn;
  return (
    <Card title={<FormattedMessage id="people.pathways.objective.title" />}>
      {!p.objectives.length && (
        <p className="muted">
          <FormattedMessage
            id={editable ? 'people.pathways.objective.empty' : 'people.pathways.objective.empty_read_only'}
          />
        </p>
      )}
      <ol className="pathway-objectives">
        {p.objectives.map((o) => (
          <Objective key={o.id} o={o} editable={editable} />
        ))}
      </ol>
      {editable && <TitleForm parentId={p.id} kind="objective" />}
    </Card>
  );
}

function Objective({ o, editable }: { o: PathwayObjective; editable: boolean }) {
  const intl = useIntl();
  const date = useDateFormat();
  const roles = useSession().roles as Role[];
  const change = usePathwayChange((status: ObjectiveStatus) =>
    call(pathwaysApi.updateObjective, { params: { id: o.id }, body: { status } }),
  );
  const remove = usePathwayChange(() => call(pathwaysApi.deleteObjective, { params: { id: o.id } }));
  return (
    <li className="pathway-objective">
      <div className="row">
        <h3>{o.title}</h3>
        {editable ? (
          <>
            <span className="pathway-print-only">
              <ObjectiveStatusTag status={o.status} />
            </span>
            <div className="no-print">
              <Select
                label={intl.formatMessage({ id: 'people.pathways.field.status' })}
                value={o.status}
                onChange={(v) => change.mutate(v as ObjectiveStatus)}
                isDisabled={change.isPending}
                options={[
                  o.status,
                  ...objectiveWorkflow.available(o.status, 'home', roles).map((m) => m.to),
                ].map((s) => ({
                  id: s,
                  label: intl.formatMessage({ id: `people.pathways.enum.objective_status.${s}` }),
                }))}
              />
            </div>
          </>
        ) : (
          <ObjectiveStatusTag status={o.status} />
        )}
        {o.dueOn && (
          <span className="muted">
            <FormattedMessage id="people.pathways.field.due" values={{ date: date(o.dueOn) }} />
          </span>
        )}
        {editable && (
          <Button
            variant="ghost"
            className="no-print"
            aria-label={intl.formatMessage({ id: 'people.pathways.objective.delete' }, { title: o.title })}
            onPress={() => {
              if (window.confirm(intl.formatMessage({ id: 'people.pathways.objective.delete_confirm' })))
                remove.mutate(undefined);
            }}
          >
            <FormattedMessage id="common.delete" />
          </Button>
        )}
      </div>
      <ErrorAlert error={change.error ?? remove.error} />
      {o.actions.length > 0 && (
        <ul className="pathway-actions">
          {o.actions.map((a) => (
            <Action key={a.id} a={a} editable={editable} />
          ))}
        </ul>
      )}
      {editable && (
        <details className="no-print pathway-add">
          <summary>
            <FormattedMessage id="people.pathways.action.add_summary" />
          </summary>
          <TitleForm parentId={o.id} kind="action" />
        </details>
      )}
    </li>
  );
}

function Action({ a, editable }: { a: PathwayAction; editable: boolean }) {
  const intl = useIntl();
  const date = useDateFormat();
  const roles = useSession().roles as Role[];
  const change = usePathwayChange((status: ActionStatus) =>
    call(pathwaysApi.updateAction, { params: { id: a.id }, body: { status } }),
  );
  const remove = usePathwayChange(() => call(pathwaysApi.deleteAction, { params: { id: a.id } }));
  return (
    <li>
      <div className="row">
        <span>{a.title}</span>
        {editable ? (
          <>
            <span className="pathway-print-only">
              <ActionStatusTag status={a.status} />
            </span>
            <div className="no-print">
              <Select
                label={intl.formatMessage({ id: 'people.pathways.field.status' })}
                value={a.status}
                onChange={(v) => change.mutate(v as ActionStatus)}
                isDisabled={change.isPending}
                options={[
                  a.status,
                  ...actionWorkflow.available(a.status, 'home', roles).map((m) => m.to),
                ].map((s) => ({
                  id: s,
                  label: intl.formatMessage({ id: `people.pathways.enum.action_status.${s}` }),
                }))}
              />
            </div>
          </>
        ) : (
          <ActionStatusTag status={a.status} />
        )}
        {a.doneOn && (
          <span className="muted">
            <FormattedMessage id="people.pathways.field.done" values={{ date: date(a.doneOn) }} />
          </span>
        )}
        {!a.doneOn && a.dueOn && (
          <span className="muted">
            <FormattedMessage id="people.pathways.field.due" values={{ date: date(a.dueOn) }} />
          </span>
        )}
        {editable && (
          <Button
            variant="ghost"
            className="no-print"
            aria-label={intl.formatMessage({ id: 'people.pathways.action.delete' }, { title: a.title })}
            onPress={() => {
              if (window.confirm(intl.formatMessage({ id: 'people.pathways.action.delete_confirm' })))
                remove.mutate(undefined);
            }}
          >
            <FormattedMessage id="common.delete" />
          </Button>
        )}
      </div>
      <ErrorAlert error={change.error ?? remove.error} />
    </li>
  );
}
