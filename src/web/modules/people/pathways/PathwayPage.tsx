import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { personLink } from '../../../../common/people/links';
import type { PathwayDetail, PathwayListItem } from '../../../../common/people/pathway-schemas';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useDateFormat } from './format';
import { MobilityCard } from './MobilityCard';
import { NotesCard } from './NotesCard';
import { ObjectivesCard } from './ObjectivesCard';
import { PathwayOverview } from './PathwayOverview';
import { StartPathwayForm } from './StartPathwayForm';
import { usePathwayDetail, usePathwayList } from './usePathway';

/** The person's current pathway (pathwayLink), or a form to start one. */
export function PathwayPage() {
  const { personId = '' } = useParams();
  const canView = useCan('person.view');
  const canManage = useCan('person.manage');
  const list = usePathwayList(personId, canView);
  const [chosen, setChosen] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const shownId = chosen ?? items[0]?.id ?? null;
  const detail = usePathwayDetail(shownId);
  const emptyTitle = useTitle();

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (list.isLoading) return <Loading />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const back = (
    <LinkButton to={personLink.href({ id: personId })} variant="ghost">
      <FormattedMessage id="people.pathways.back_to_person" />
    </LinkButton>
  );
  if (!items.length)
    return (
      <div className="stack">
        <PageHeader title={emptyTitle} actions={back} />
        <EmptyState
          title={<FormattedMessage id="people.pathways.empty.title" />}
          action={canManage ? undefined : <FormattedMessage id="people.pathways.empty.ask_referent" />}
        >
          <FormattedMessage
            id={canManage ? 'people.pathways.empty.hint' : 'people.pathways.empty.hint_read_only'}
          />
        </EmptyState>
        {canManage && <StartPathwayForm personId={personId} onStarted={setChosen} />}
      </div>
    );
  if (detail.isLoading) return <Loading />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  return (
    <Pathway
      p={detail.data}
      items={items}
      back={back}
      onChoose={setChosen}
      canStart={canManage && items.every((i) => i.exitOn)}
    />
  );
}

function useTitle(name?: string) {
  const intl = useIntl();
  return name
    ? intl.formatMessage({ id: 'people.pathways.title_of' }, { name })
    : intl.formatMessage({ id: 'people.pathways.title' });
}

function Pathway({
  p,
  items,
  back,
  onChoose,
  canStart,
}: {
  p: PathwayDetail;
  items: PathwayListItem[];
  back: ReactNode;
  onChoose: (id: string) => void;
  canStart: boolean;
}) {
  const title = useTitle(`${p.person.firstName} ${p.person.lastName}`);
  return (
    <div className="stack pathway-page">
      <PageHeader
        title={title}
        actions={
          <>
            {back}
            <Button variant="secondary" onPress={() => window.print()}>
              <FormattedMessage id="common.print" />
            </Button>
          </>
        }
      />
      <PathwayOverview p={p} />
      <ObjectivesCard p={p} />
      <div className="grid-2">
        <NotesCard p={p} />
        <MobilityCard p={p} />
      </div>
      {items.length > 1 && <History items={items} current={p.id} onChoose={onChoose} />}
      {canStart && <StartPathwayForm personId={p.personId} onStarted={onChoose} again />}
    </div>
  );
}

/** Earlier pathways of the same person (a person follows one at a time; a new one starts after exit). */
function History({
  items,
  current,
  onChoose,
}: {
  items: PathwayListItem[];
  current: string;
  onChoose: (id: string) => void;
}) {
  const intl = useIntl();
  const date = useDateFormat();
  const period = (i: PathwayListItem) => ({
    entry: date(i.entryOn),
    exit: i.exitOn ? date(i.exitOn) : intl.formatMessage({ id: 'people.pathways.overview.open' }),
  });
  return (
    <Card title={<FormattedMessage id="people.pathways.history.title" />}>
      <ul className="pathway-list no-print">
        {items.map((i) => (
          <li key={i.id}>
            {i.id === current ? (
              <strong aria-current="true">
                <FormattedMessage id="people.pathways.history.item" values={period(i)} />
              </strong>
            ) : (
              <Button variant="ghost" onPress={() => onChoose(i.id)}>
                <FormattedMessage id="people.pathways.history.item" values={period(i)} />
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
