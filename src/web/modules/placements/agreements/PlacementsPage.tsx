import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FOLLOW_UP_STATUSES } from '../../../../common/placements/agreement-rules';
import type { PlacementPage } from '../../../../common/placements/agreement-schemas';
import {
  AGREEMENT_SIDES,
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type Side,
} from '../../../../common/placements/agreement-workflow';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { followupLink, placementLink, placementsLink } from '../../../../common/placements/links';
import { useEndpoint } from '../../../app/client';
import { useCan, useSession } from '../../../app/session';
import { Checkbox, Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { Card } from '../../../app/ui/layout';
import type { Column } from '../../../app/ui/Table';
import { NextStep, StatusBadge, useAgreementFormat } from './format';

const ALL = 'all';
const PAGE_SIZE = 20;
type Item = PlacementPage['items'][number];

const isSide = (s: string): s is Side => (AGREEMENT_SIDES as readonly string[]).includes(s);
const isStatus = (s: string): s is AgreementStatus => (AGREEMENT_STATUSES as readonly string[]).includes(s);

/**
 * The agreements of one's organisation, as home centre or as host, filtered by status and by "mine". A
 * tutor lands on their own tutees, each with a link to the attendance sheet. The filters live in the
 * address, read and written through `placementsLink`, the link the dashboard's items are built with.
 */
export function PlacementsPage() {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const session = useSession();
  const canManage = useCan('placement.manage');
  const isTutor = session.roles.includes('tutor');
  const tutorOnly = isTutor && !canManage;
  const { filters, page, set, setPage } = useListAddress(placementsLink);
  // "all" is kept in the address when chosen, so that a tutor can leave their default (host side, mine).
  const side = filters.side ?? (tutorOnly ? 'host' : ALL);
  const status = filters.status ?? ALL;
  const mine = filters.mine ?? tutorOnly;
  const q = useEndpoint(
    placementsEndpoints.placements,
    {
      query: {
        // A value the API does not know (a hand-edited address) is left out rather than refused.
        side: isSide(side) ? side : undefined,
        status: isStatus(status) ? status : undefined,
        mine: mine ? true : undefined,
        page: Math.max(1, page),
        pageSize: PAGE_SIZE,
      },
    },
    { placeholderData: keepPreviousData },
  );
  const caption = intl.formatMessage({
    id: tutorOnly ? 'placements.agreements.list.tutees' : 'placements.agreements.list.title',
  });
  const columns: Column<Item>[] = [
    {
      key: 'person',
      header: <FormattedMessage id="placements.agreements.field.person" />,
      render: (r) => <Link to={placementLink.href({ id: r.id })}>{fmt.person(r)}</Link>,
    },
    {
      key: 'other',
      header: <FormattedMessage id="placements.agreements.list.col.partner" />,
      render: (r) => (
        <>
          {fmt.orgName(r.side === 'home' ? r.hostOrg : r.homeOrg)}
          <br />
          <span className="muted">
            <FormattedMessage id={`placements.agreements.side.${r.side === 'home' ? 'host' : 'home'}`} />
          </span>
        </>
      ),
    },
    {
      key: 'site',
      header: <FormattedMessage id="placements.offers.field.site" />,
      render: (r) => r.siteName,
    },
    {
      key: 'period',
      header: <FormattedMessage id="placements.agreements.field.period" />,
      render: (r) => fmt.period(r.startsOn, r.endsOn),
    },
    {
      key: 'status',
      header: <FormattedMessage id="placements.agreements.list.col.status" />,
      render: (r) => (
        <>
          <StatusBadge status={r.status} />
          {r.status === 'awaiting_signatures' && r.pendingSignatures > 0 && (
            <>
              <br />
              <span className="muted">
                <FormattedMessage
                  id="placements.agreements.list.pending"
                  values={{ count: r.pendingSignatures }}
                />
              </span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'next',
      header: <FormattedMessage id="placements.agreements.next.title" />,
      render: (r) => <NextStep tasks={r.nextStep} dates={r} />,
    },
    {
      key: 'people',
      header: <FormattedMessage id="placements.agreements.list.col.people" />,
      render: (r) =>
        [r.referentName, r.tutorName].filter(Boolean).join(' · ') ||
        intl.formatMessage({ id: 'common.not_given' }),
    },
  ];
  if (isTutor)
    columns.push({
      key: 'attendance',
      header: <FormattedMessage id="placements.agreements.list.col.attendance" />,
      render: (r) =>
        r.side === 'host' && FOLLOW_UP_STATUSES.includes(r.status) ? (
          <Link to={followupLink.href({ id: r.id })}>
            <FormattedMessage id="placements.agreements.list.attendance" />
          </Link>
        ) : null,
    });

  return (
    <ListPage
      title={caption}
      description={<FormattedMessage id="placements.agreements.list.intro" />}
      filters={
        <Card>
          <div className="row no-print">
            <Select
              label={intl.formatMessage({ id: 'placements.agreements.list.side' })}
              value={side}
              onChange={(v) => set({ side: v })}
              options={[
                { id: ALL, label: intl.formatMessage({ id: 'placements.agreements.list.side_all' }) },
                { id: 'home', label: intl.formatMessage({ id: 'placements.agreements.list.side_home' }) },
                { id: 'host', label: intl.formatMessage({ id: 'placements.agreements.list.side_host' }) },
              ]}
            />
            <Select
              label={intl.formatMessage({ id: 'placements.agreements.list.col.status' })}
              value={status}
              onChange={(v) => set({ status: v })}
              options={[
                { id: ALL, label: intl.formatMessage({ id: 'placements.agreements.list.status_all' }) },
                ...AGREEMENT_STATUSES.map((s) => ({
                  id: s,
                  label: intl.formatMessage({ id: `placements.agreements.status.${s}` }),
                })),
              ]}
            />
            <Checkbox isSelected={mine} onChange={(v) => set({ mine: v })}>
              <FormattedMessage id="placements.agreements.list.mine" />
            </Checkbox>
          </div>
        </Card>
      }
      query={q}
      onPage={setPage}
      // One empty state, whatever the filters: its hint already says to change them.
      empty={{
        title: <FormattedMessage id="placements.agreements.list.empty" />,
        body: (
          <FormattedMessage
            id={canManage ? 'placements.agreements.list.empty_hint' : 'placements.agreements.list.empty_host'}
          />
        ),
      }}
      caption={caption}
      rowKey={(r) => r.id}
      columns={columns}
    />
  );
}
