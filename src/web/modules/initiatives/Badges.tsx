import type { InitiativeStatus } from '../../../common/initiatives/schemas';
import { useInitiativeWords } from './words';

const TONE: Record<InitiativeStatus, string> = {
  idea: '',
  preparing: 'tag--warning',
  running: 'tag--success',
  ended: '',
  abandoned: 'tag--danger',
};

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const w = useInitiativeWords();
  return <span className={`tag ${TONE[status]}`}>{w.status(status)}</span>;
}

/** Partners from both countries take part (what SAM indicator 3 counts). */
export function CrossBorderBadge({ crossBorder }: { crossBorder: boolean }) {
  const w = useInitiativeWords();
  return crossBorder ? <span className="tag tag--success">{w.m('cross_border')}</span> : null;
}
