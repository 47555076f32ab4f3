import { FormattedMessage, useIntl } from 'react-intl';
import type { NextTaskView, PlacementItem } from '../../../../common/placements/agreement-schemas';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import { useCommonFormat } from '../../../app/ui/format';

/** Display helpers shared by the agreement pages. */
export function useAgreementFormat() {
  const intl = useIntl();
  const f = useCommonFormat();
  return {
    date: f.day,
    dateTime: f.dateTime,
    period: (start: string, end: string) =>
      intl.formatMessage({ id: 'placements.agreements.period' }, { start: f.day(start), end: f.day(end) }),
    orgName: f.orgName,
    /** The host side sees a participant code when it was not granted the person's identity. */
    person: (p: Pick<PlacementItem, 'personName' | 'participantCode'>) =>
      p.personName ?? p.participantCode ?? intl.formatMessage({ id: 'placements.agreements.person_hidden' }),
    hours: (h: number | null) =>
      h === null
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatMessage({ id: 'placements.agreements.hours_value' }, { hours: h }),
  };
}

const TONE: Record<AgreementStatus, string> = {
  draft: '',
  awaiting_signatures: 'tag--warning',
  home_review: 'tag--warning',
  host_validation: 'tag--warning',
  validated: 'tag--success',
  active: 'tag--success',
  completed: '',
  interrupted: 'tag--danger',
  cancelled: 'tag--danger',
};

export function StatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <span className={`tag ${TONE[status]}`}>
      <FormattedMessage id={`placements.agreements.status.${status}`} />
    </span>
  );
}

/** One task of the next step as a sentence from the reader's point of view ("À vous : …", "En attente …"). */
export function useNextStepText() {
  const intl = useIntl();
  const f = useCommonFormat();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `placements.agreements.next.${id}` }, values);
  const list = (items: string[], type: 'conjunction' | 'disjunction') =>
    intl.formatList(items, { type }) as string;
  return (t: NextTaskView, dates: { startsOn: string; endsOn: string }) => {
    const signatures = list(
      t.signatures.map((r) => intl.formatMessage({ id: `placements.agreements.role.${r}` })),
      'conjunction',
    );
    const task =
      t.kind === 'sign'
        ? m('do.sign')
        : t.kind === 'request_signature'
          ? m('do.request_signature', { count: t.signatures.length, signatures })
          : m(`do.${t.action}`, { start: f.day(dates.startsOn), end: f.day(dates.endsOn) });
    const roles = list(
      t.roles.map((r) => intl.formatMessage({ id: `role.${r}` })),
      'disjunction',
    );
    switch (t.whose) {
      case 'yours':
        return m('yours', { task });
      case 'your_organisation':
        return m('your_organisation', { task, roles });
      case 'other_party':
        return m('other_party', { task, roles, side: t.side });
      case 'signatory':
        return m('signatory', {
          task,
          signature: signatures,
          named: t.signerName ? 'yes' : 'no',
          name: t.signerName ?? '',
        });
    }
  };
}

/**
 * Whose turn it is and what they must do, one line per task; nothing once the agreement has ended. With
 * `withBlocks`, what still stands in the way is said under a task.
 */
export function NextStep({
  tasks,
  dates,
  withBlocks = false,
}: {
  tasks: readonly NextTaskView[];
  dates: { startsOn: string; endsOn: string };
  withBlocks?: boolean;
}) {
  const intl = useIntl();
  const text = useNextStepText();
  if (!tasks.length) return null;
  return (
    // No stylesheet change: base.css is shared; a plain list, one task a line.
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((t) => (
        <li key={`${t.kind}-${t.action ?? ''}-${t.side}-${t.signatures.join()}`}>
          {t.whose === 'yours' ? <strong>{text(t, dates)}</strong> : text(t, dates)}
          {withBlocks && t.blockedBy.length > 0 && (
            <span className="muted">
              {' '}
              <FormattedMessage
                id="placements.agreements.next.blocked"
                values={{
                  guards: t.blockedBy
                    .map((g) => intl.formatMessage({ id: `placements.agreements.guard.${g}` }))
                    .join(' ; '),
                }}
              />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
