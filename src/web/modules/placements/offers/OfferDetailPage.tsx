import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { organisationLink } from '../../../../common/network/links';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { offerEditLink, offersLink } from '../../../../common/placements/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan, useSession } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { useConventionFacts } from '../convention/convention-facts';
import { LanguageNeed, useOfferText, usePeriod } from './text';

/** One offer in full, both languages' tasks when given; its host may edit it. */
export function OfferDetailPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const session = useSession();
  const canManage = useCan('offer.manage');
  const text = useOfferText();
  const period = usePeriod();
  const convention = useConventionFacts();
  const q = useEndpoint(placementsEndpoints.offer, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const isHost = canManage && (session.activeOrgId === o.orgId || session.user.platformAdmin);
  const tasks = localized(language, o.tasksFr, o.tasksNl);
  const given = (v: string | null) => v ?? intl.formatMessage({ id: 'common.not_given' });
  return (
    <div className="stack">
      <PageHeader
        title={text.title(o)}
        description={`${text.host(o)} · ${o.siteName}`}
        actions={
          <>
            {isHost && (
              <LinkButton to={offerEditLink.href({ id: o.id })}>
                <FormattedMessage id="placements.offers.detail.edit" />
              </LinkButton>
            )}
            <LinkButton to={offersLink.href()} variant="secondary">
              <FormattedMessage id="placements.offers.detail.back" />
            </LinkButton>
          </>
        }
      />
      {notice && <Alert tone="success" title={<FormattedMessage id={notice} />} />}
      <Card title={<FormattedMessage id="placements.offers.field.tasks" />}>
        <p className="prose">{tasks || <FormattedMessage id="placements.offers.detail.no_tasks" />}</p>
      </Card>
      <Card title={<FormattedMessage id="placements.offers.detail.practical" />}>
        <Facts
          items={[
            [
              <FormattedMessage key="st" id="placements.offers.field.status" />,
              intl.formatMessage({ id: `placements.offers.enum.status.${o.status}` }),
            ],
            [
              <FormattedMessage key="se" id="placements.offers.field.sector" />,
              intl.formatMessage({ id: `placements.offers.enum.sector.${o.sector}` }),
            ],
            [
              <FormattedMessage key="pl" id="placements.offers.field.municipality" />,
              [o.street, [o.postalCode, text.place(o)].filter(Boolean).join(' ')].filter(Boolean).join(', '),
            ],
            [
              <FormattedMessage key="co" id="placements.offers.field.country" />,
              intl.formatMessage({ id: `placements.offers.enum.country.${o.country}` }),
            ],
            [<FormattedMessage key="da" id="placements.offers.field.dates" />, period(o.startsOn, o.endsOn)],
            convention.schedule(o),
            [
              <FormattedMessage key="hw" id="placements.offers.field.hours_per_week" />,
              o.hoursPerWeek === null
                ? given(null)
                : intl.formatMessage({ id: 'placements.offers.value.hours' }, { hours: o.hoursPerWeek }),
            ],
            [
              <FormattedMessage key="po" id="placements.offers.field.positions" />,
              intl.formatMessage(
                { id: 'placements.offers.value.positions' },
                { free: o.freePositions, total: o.positions },
              ),
            ],
            [
              <FormattedMessage key="la" id="placements.offers.field.language" />,
              <LanguageNeed key="lv" code={o.languageCode} level={o.languageLevel} />,
            ],
            [
              <FormattedMessage key="ac" id="placements.offers.field.accessibility" />,
              given(o.accessibility),
            ],
            ...convention.others(o, 'offer'),
            [
              <FormattedMessage key="tu" id="placements.offers.field.tutor" />,
              o.tutorName ??
                (o.tutorUserId
                  ? intl.formatMessage({ id: 'placements.offers.value.tutor_hidden' })
                  : given(null)),
            ],
            [
              <FormattedMessage key="ho" id="placements.offers.field.host" />,
              <Link key="hl" to={organisationLink.href({ id: o.orgId })}>
                {text.host(o)}
              </Link>,
            ],
          ]}
        />
      </Card>
    </div>
  );
}
