import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipsLink } from '../../../../common/formative/links';
import type { PartnershipView } from '../../../../common/formative/schemas';
import { programmeLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { PageTabs } from '../../../app/ui/PageTabs';
import { EditPartnershipDialog } from './PartnershipDialogs';
import { PlanSection } from './PlanSection';
import { ProjectsSection } from './ProjectsSection';
import { ReviewsSection } from './ReviewsSection';
import { SessionsSection } from './SessionsSection';
import { SignedDocuments } from './SignedDocuments';
import { useFormativeWords } from './words';
import './formative.css';

/**
 * One formative partnership, for its two parties: who and when (parties and milestones), the learning
 * plan with progress per module, the sessions, the reviews with their signatures, the application year.
 */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const w = useFormativeWords();
  const canView = useCan('formative.view');
  const q = useEndpoint(api.view, { params: { id } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const v = q.data;
  const s = v.partnership;
  return (
    <div className="stack">
      <PageHeader
        title={w.p('page_title', { lead: w.org(s.lead), partner: w.org(s.partner) })}
        description={
          s.programme.acronym ? `${s.programme.acronym} — ${w.name(s.programme)}` : w.name(s.programme)
        }
        actions={
          <>
            <LinkButton to={partnershipsLink.href()} variant="ghost">
              {w.p('back')}
            </LinkButton>
            {v.me.canEdit && <EditPartnershipDialog v={v} />}
          </>
        }
      />
      <PageTabs
        label={w.p('page_title', { lead: w.org(s.lead), partner: w.org(s.partner) })}
        defaultTab="plan"
        tabs={[
          { id: 'parties', title: w.p('tab.parties'), content: <Parties v={v} /> },
          { id: 'plan', title: w.p('tab.plan'), content: <PlanSection v={v} /> },
          { id: 'sessions', title: w.p('tab.sessions'), content: <SessionsSection v={v} /> },
          { id: 'reviews', title: w.p('tab.reviews'), content: <ReviewsSection v={v} /> },
          { id: 'projects', title: w.p('tab.projects'), content: <ProjectsSection v={v} /> },
        ]}
      />
    </div>
  );
}

function Parties({ v }: { v: PartnershipView }) {
  const w = useFormativeWords();
  const f = useCommonFormat();
  const s = v.partnership;
  const period = (from: string, to: string) => w.p('period', { from: f.day(from), to: f.day(to) });
  return (
    <>
      <Card>
        <Facts
          items={[
            [
              w.p('fact.programme'),
              s.programme.acronym ? `${s.programme.acronym} — ${w.name(s.programme)}` : w.name(s.programme),
            ],
            [w.p('fact.lead'), w.name(s.lead)],
            [w.p('fact.unit'), w.name(s.unit)],
            [w.p('fact.tutor'), s.tutorName],
            [w.p('fact.partner'), w.name(s.partner)],
            [w.p('fact.trainee'), s.traineeName],
            [w.p('fact.immersion'), period(s.immersionStartsOn, s.immersionEndsOn)],
            [w.p('fact.application'), period(s.applicationStartsOn, s.applicationEndsOn)],
          ]}
        />
      </Card>
      <Card title={w.p('milestones')}>
        {v.milestones.length === 0 ? (
          <p>{w.p('milestones_empty')}</p>
        ) : (
          <ol className="stack">
            {v.milestones.map((m) => (
              <li key={m.code}>
                <strong>{f.day(m.occursOn)}</strong> — {w.p(`milestone.${m.code}`)}
              </li>
            ))}
          </ol>
        )}
        <p>
          {w.doc('on_programme')}{' '}
          <Link to={programmeLink.href({ id: s.programme.id })}>{w.doc('programme_link')}</Link>
        </p>
      </Card>
      <SignedDocuments v={v} />
    </>
  );
}
