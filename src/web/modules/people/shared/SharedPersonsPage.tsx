import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { sharedApi } from '../../../../common/people/endpoints';
import { referralsLink, sharedPersonLink, sharedPersonsLink } from '../../../../common/people/links';
import type { SharedPerson } from '../../../../common/people/shared-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState } from '../../../app/ui/feedback';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { useSharingFormat } from './format';

const PAGE_SIZE = 20;

/** The name if it is shared, else the participant code (the only thing always visible). */
export function sharedName(p: SharedPerson, intl: ReturnType<typeof useIntl>): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return name || intl.formatMessage({ id: 'people.shared.name_hidden' }, { code: p.participantCode });
}

/** Persons that partners share with my organisation; each row is an audited read for their home centre. */
export function SharedPersonsPage() {
  const intl = useIntl();
  const fmt = useSharingFormat();
  const canView = useCan('person.view_shared');
  const address = useListAddress(sharedPersonsLink);
  const list = useEndpoint(
    sharedApi.list,
    { query: { page: address.page, pageSize: PAGE_SIZE } },
    { enabled: canView },
  );

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <ListPage
      title={intl.formatMessage({ id: 'people.shared.title' })}
      description={<FormattedMessage id="people.shared.intro" />}
      query={list}
      onPage={address.setPage}
      empty={{
        title: <FormattedMessage id="people.shared.empty.title" />,
        body: <FormattedMessage id="people.shared.empty.hint" />,
        action: (
          <LinkButton to={referralsLink.href()} variant="secondary">
            <FormattedMessage id="people.referrals.nav" />
          </LinkButton>
        ),
      }}
      caption={intl.formatMessage({ id: 'people.shared.caption' })}
      rowKey={(p) => p.id}
      columns={[
        {
          key: 'name',
          header: <FormattedMessage id="people.shared.col.name" />,
          render: (p) => <Link to={sharedPersonLink.href({ id: p.id })}>{sharedName(p, intl)}</Link>,
        },
        {
          key: 'home',
          header: <FormattedMessage id="people.shared.col.home" />,
          render: (p) => fmt.orgName(p.homeOrg),
        },
        {
          key: 'fields',
          header: <FormattedMessage id="people.shared.col.fields" />,
          render: (p) => fmt.fields(p.fields),
        },
        {
          key: 'until',
          header: <FormattedMessage id="people.shared.col.until" />,
          render: (p) =>
            p.grantedUntil ? fmt.date(p.grantedUntil) : <FormattedMessage id="people.shared.until_open" />,
        },
      ]}
    />
  );
}
