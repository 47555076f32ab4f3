import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import {
  newRequestLink,
  offerEditLink,
  offersLink,
  ownOffersLink,
} from '../../../../common/immersions/links';
import { offerEndpoints as api } from '../../../../common/immersions/offer-endpoints';
import type { OfferDetail } from '../../../../common/immersions/offer-schemas';
import { civilDay } from '../../../../common/kernel/clock';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button, LinkButton } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { O, OfferText, pick, useOfferWords } from './words';
import './offers.css';

function NotGiven() {
  return (
    <span className="muted">
      <FormattedMessage id="common.not_given" />
    </span>
  );
}

/** The host's workflow buttons (publish, archive…), with what still blocks each one. */
function Actions({ offer }: { offer: OfferDetail }) {
  const intl = useIntl();
  const move = useEndpointMutation(api.transition, [api.get, api.mine, api.search]);
  if (!offer.actions.length) return null;
  const blocked = [...new Set(offer.actions.flatMap((a) => a.blockedBy))];
  return (
    <div className="stack no-print">
      <ErrorAlert error={move.error} />
      <div className="row">
        {offer.actions.map((a) => (
          <Button
            key={a.action}
            variant={a.tone === 'primary' ? 'primary' : a.tone === 'danger' ? 'danger' : 'secondary'}
            isDisabled={move.isPending || a.blockedBy.length > 0}
            onPress={() => move.mutate({ params: { id: offer.id }, body: { action: a.action } })}
          >
            {intl.formatMessage({ id: O(`action.${a.action}`) })}
          </Button>
        ))}
      </div>
      {blocked.map((g) => (
        <p key={g} className="muted">
          {intl.formatMessage({ id: O(`blocked.${g}`) })}
        </p>
      ))}
    </div>
  );
}

/** One offer with everything a visitor needs: texts, host, formats, periods and places, contact. */
export function OfferPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const w = useOfferWords();
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const host = w.host(o);
  const title = pick(language, o.titleFr, o.titleNl)?.text ?? '';
  const today = civilDay(new Date());
  const showRemaining = o.periods.some((p) => p.remaining !== null);
  const contact: Array<[ReactNode, ReactNode]> = [
    [<FormattedMessage key="n" id={O('field.contact_name')} />, o.contactName ?? <NotGiven />],
    [
      <FormattedMessage key="e" id={O('field.contact_email')} />,
      (o.contactEmail ?? o.unitEmail) ? (
        <a key="v" href={`mailto:${o.contactEmail ?? o.unitEmail}`}>
          {o.contactEmail ?? o.unitEmail}
        </a>
      ) : (
        <NotGiven key="v" />
      ),
    ],
    [
      <FormattedMessage key="p" id={O('field.contact_phone')} />,
      (o.contactPhone ?? o.unitPhone) ? (
        <a key="v" href={`tel:${o.contactPhone ?? o.unitPhone}`}>
          {o.contactPhone ?? o.unitPhone}
        </a>
      ) : (
        <NotGiven key="v" />
      ),
    ],
  ];
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={o.canEdit ? ownOffersLink.href() : offersLink.href()}>
          <FormattedMessage id={O(o.canEdit ? 'back_own' : 'back')} />
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <>
            <FormattedMessage id={O('host')} values={{ unit: host.unit, organisation: host.organisation }} />
            {' · '}
            {w.country(o.country)}{' '}
            <span className={o.status === 'published' ? 'tag tag--success' : 'tag'}>
              {w.status(o.status)}
            </span>
          </>
        }
        actions={
          <>
            {o.canRequest && (
              <LinkButton to={newRequestLink.href(undefined, { offer: o.id })}>
                <FormattedMessage id={O('request')} />
              </LinkButton>
            )}
            {o.canEdit && o.status !== 'archived' && (
              <LinkButton variant="secondary" to={offerEditLink.href({ id: o.id })}>
                <FormattedMessage id="common.edit" />
              </LinkButton>
            )}
          </>
        }
      />
      {(pick(language, o.titleFr, o.titleNl)?.lang ?? language) !== language && (
        <OfferText fr={o.titleFr} nl={o.titleNl} as="p" />
      )}
      <Actions offer={o} />
      <div className="grid-2">
        <Card title={<FormattedMessage id={O('section.description')} />}>
          {pick(language, o.descriptionFr, o.descriptionNl) ? (
            <OfferText fr={o.descriptionFr} nl={o.descriptionNl} as="div" className="offer-text" />
          ) : (
            <NotGiven />
          )}
        </Card>
        <Card title={<FormattedMessage id={O('section.programme')} />}>
          {pick(language, o.programmeFr, o.programmeNl) ? (
            <OfferText fr={o.programmeFr} nl={o.programmeNl} as="div" className="offer-text" />
          ) : (
            <NotGiven />
          )}
        </Card>
        <Card title={<FormattedMessage id={O('section.practical')} />}>
          <Facts
            items={[
              [<FormattedMessage key="t" id={O('field.themes')} />, o.themes.map(w.theme).join(', ')],
              [<FormattedMessage key="k" id={O('field.kinds')} />, o.kinds.map(w.kind).join(', ')],
              [
                <FormattedMessage key="l" id={O('field.languages')} />,
                intl.formatList(o.languages.map(w.languageName)),
              ],
              [<FormattedMessage key="c" id={O('field.capacity_per_period')} />, String(o.capacityPerPeriod)],
              [<FormattedMessage key="u" id={O('field.unit')} />, host.unit],
              [<FormattedMessage key="o" id={O('field.organisation')} />, host.organisation],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id={O('section.contact')} />}>
          <Facts items={contact} />
        </Card>
      </div>
      <Card title={<FormattedMessage id={O('section.periods')} />}>
        {o.periods.length === 0 ? (
          <p>
            <FormattedMessage id={O('periods.none')} />
          </p>
        ) : (
          <>
            <DataTable
              caption={intl.formatMessage({ id: O('section.periods') })}
              stacked
              rows={o.periods}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'dates',
                  header: <FormattedMessage id={O('periods.col.dates')} />,
                  render: (p) => (
                    <>
                      {w.range(p.startsOn, p.endsOn)}{' '}
                      {p.endsOn < today && (
                        <span className="tag">
                          <FormattedMessage id={O('periods.past')} />
                        </span>
                      )}
                    </>
                  ),
                },
                {
                  key: 'capacity',
                  header: <FormattedMessage id={O('periods.col.capacity')} />,
                  render: (p) => String(p.effectiveCapacity),
                },
                ...(showRemaining
                  ? [
                      {
                        key: 'remaining',
                        header: <FormattedMessage id={O('periods.col.remaining')} />,
                        render: (p: OfferDetail['periods'][number]) =>
                          p.remaining === null ? '' : String(p.remaining),
                      },
                    ]
                  : []),
              ]}
            />
            {showRemaining && (
              <p className="muted">
                <FormattedMessage id={O('periods.remaining_note')} />
              </p>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
