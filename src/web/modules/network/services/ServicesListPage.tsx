import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { servicesApi } from '../../../../common/network/endpoints';
import { serviceEditLink, serviceLink, serviceNewLink, servicesLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { LinkButton } from '../../../app/ui/Button';
import { Alert } from '../../../app/ui/feedback';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { Localized } from '../directory/text';

const PAGE_SIZE = 25;

/** The services of the manager's organisation, drafts and published, most recently changed first. */
export function ServicesListPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const { page, setPage } = useListAddress(servicesLink);
  const list = useEndpoint(
    servicesApi.list,
    { query: { page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const add = (
    <LinkButton to={serviceNewLink.href()}>
      <FormattedMessage id="network.services.new" />
    </LinkButton>
  );
  return (
    <ListPage
      title={intl.formatMessage({ id: 'network.services.title' })}
      description={<FormattedMessage id="network.services.intro" />}
      actions={add}
      before={notice && <Alert tone="success" title={<FormattedMessage id={notice} />} />}
      query={list}
      empty={{
        title: <FormattedMessage id="network.services.empty.title" />,
        body: <FormattedMessage id="network.services.empty.hint" />,
        action: add,
      }}
      caption={intl.formatMessage({ id: 'network.services.title' })}
      rowKey={(r) => r.id}
      onPage={setPage}
      columns={[
        {
          key: 'title',
          header: <FormattedMessage id="network.services.field.title" />,
          render: (r) => (
            <Link to={serviceEditLink.href({ id: r.id })}>
              <Localized fr={r.titleFr} nl={r.titleNl} />
            </Link>
          ),
        },
        {
          key: 'theme',
          header: <FormattedMessage id="network.services.field.theme" />,
          render: (r) => intl.formatMessage({ id: `network.services.enum.theme.${r.theme}` }),
        },
        {
          key: 'place',
          header: <FormattedMessage id="network.services.field.municipality" />,
          render: (r) => localized(language, r.municipalityNameFr, r.municipalityNameNl),
        },
        {
          key: 'status',
          header: <FormattedMessage id="network.services.field.status" />,
          render: (r) =>
            r.published ? (
              <span className="tag tag--success">
                <FormattedMessage id="network.services.status.published" />
              </span>
            ) : (
              <span className="tag tag--warning">
                <FormattedMessage id="network.services.status.draft" />
              </span>
            ),
        },
        {
          key: 'updated',
          header: <FormattedMessage id="network.services.field.updated" />,
          render: (r) => intl.formatDate(r.updatedAt, { dateStyle: 'medium' }),
        },
        {
          key: 'view',
          header: <FormattedMessage id="common.actions" />,
          render: (r) => (
            <Link to={serviceLink.href({ id: r.id })}>
              <FormattedMessage id="network.services.view_public" />
            </Link>
          ),
        },
      ]}
    />
  );
}
