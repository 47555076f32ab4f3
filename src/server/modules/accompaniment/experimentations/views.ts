import { participantsTotal, sideOfRegion } from '../../../../common/accompaniment/experimentations-rules';
import type {
  OrgRef,
  Participants,
  WorkflowAction,
} from '../../../../common/accompaniment/experimentations-schemas';
import { type Language, localized } from '../../../../common/i18n/locales';
import type { OrgRow } from './store';

/** How the part's rows read in the caller's language. */

export const lang = (l: Language | string): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');

export const orgRef = (l: 'fr' | 'nl', o: OrgRow | undefined, id: string): OrgRef =>
  o
    ? { id: o.id, name: o.short_name || localized(l, o.name_fr, o.name_nl), side: sideOfRegion(o.region) }
    : { id, name: '—', side: null };

export const participantsView = (r: Participants) => ({
  newcomers: r.newcomers,
  professionals: r.professionals,
  volunteers: r.volunteers,
  total: participantsTotal(r),
});

export const actionView = (a: {
  action: string;
  to: string;
  tone: string;
  blockedBy: string[];
}): WorkflowAction => ({
  action: a.action,
  to: a.to,
  tone: a.tone,
  blockedBy: a.blockedBy,
});
