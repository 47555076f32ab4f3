import { FormattedMessage, useIntl } from 'react-intl';
import { systemClock } from '../../../../common/kernel/clock';
import type { ActionStatus, ObjectiveStatus, PathwayModule } from '../../../../common/people/pathway-schemas';
import { useCommonFormat } from '../../../app/ui/format';

/** A calendar day, or "not given". */
export function useDateFormat() {
  const intl = useIntl();
  const { day } = useCommonFormat();
  return (iso: string | null | undefined) =>
    iso ? day(iso) : intl.formatMessage({ id: 'common.not_given' });
}

/** Today in Europe/Brussels, the default of the date fields. */
export const todayIso = () => systemClock.today();

export function ModuleTags({ modules }: { modules: readonly PathwayModule[] }) {
  return (
    <span className="row">
      {modules.map((m) => (
        <span key={m} className="tag">
          <FormattedMessage id={`people.pathways.enum.module.${m}`} />
        </span>
      ))}
    </span>
  );
}

const OBJECTIVE_TONE: Record<ObjectiveStatus, string> = {
  planned: 'tag',
  in_progress: 'tag tag--warning',
  achieved: 'tag tag--success',
  abandoned: 'tag tag--danger',
};
const ACTION_TONE: Record<ActionStatus, string> = {
  planned: 'tag',
  in_progress: 'tag tag--warning',
  done: 'tag tag--success',
  cancelled: 'tag tag--danger',
};

export function ObjectiveStatusTag({ status }: { status: ObjectiveStatus }) {
  return (
    <span className={OBJECTIVE_TONE[status]}>
      <FormattedMessage id={`people.pathways.enum.objective_status.${status}`} />
    </span>
  );
}

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return (
    <span className={ACTION_TONE[status]}>
      <FormattedMessage id={`people.pathways.enum.action_status.${status}`} />
    </span>
  );
}

/** The error of a list field or of one of its items (the API names the item: 'referentUserIds.1'). */
export const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
