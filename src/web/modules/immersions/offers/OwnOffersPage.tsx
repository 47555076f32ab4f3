import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { offerNewLink, offersLink, ownOffersLink } from '../../../../common/immersions/links';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import { OFFER_STATUSES } from '../../../../common/immersions/offer-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { OfferSummary } from './CataloguePage';
import { O, useOfferWords } from './words';

const ANY = 'any';

/** "Our offers": the caller's organisation's offers, drafts and archived ones included. */
export function OwnOffersPage() {
  const intl = useIntl();
  const w = useOfferWords();
  const canManage = useCan('immersion.manage');
  const { filters, page, set, setPage } = useListAddress(ownOffersLink);
  const status = OFFER_STATUSES.find((s) => s === filters.status);
  const results = useEndpoint(api.mine, { query: { status, page } }, { placeholderData: keepPreviousData });
  const newOffer = canManage ? (
    <LinkButton to={offerNewLink.href()}>
      <FormattedMessage id={O('own.new')} />
    </LinkButton>
  ) : undefined;
  return (
    <ListPage
      title={intl.formatMessage({ id: O('own.title') })}
      description={<FormattedMessage id={O('own.intro')} />}
      actions={
        <>
          {newOffer}
          <LinkButton variant="secondary" to={offersLink.href()}>
            <FormattedMessage id={O('title')} />
          </LinkButton>
        </>
      }
      filters={
        <div className="directory-filters">
          <Select
            label={intl.formatMessage({ id: O('own.filter.status') })}
            value={status ?? ANY}
            onChange={(v) => set({ status: v === ANY ? undefined : v })}
            options={[{ id: ANY, label: intl.formatMessage({ id: O('filter.any') }) }, ...w.statuses]}
          />
        </div>
      }
      query={results}
      filtered={!!status}
      empty={{
        title: <FormattedMessage id={O('own.empty')} />,
        body: canManage ? <FormattedMessage id={O('own.empty_action')} /> : undefined,
        action: newOffer,
      }}
      noMatch={{ title: <FormattedMessage id={O('empty.title')} /> }}
      caption={intl.formatMessage({ id: O('own.title') })}
      rowKey={(item) => item.id}
      onPage={setPage}
      columns={[
        {
          key: 'offer',
          header: <FormattedMessage id={O('column.offer')} />,
          render: (item) => <OfferSummary item={item} showStatus />,
        },
      ]}
    />
  );
}
