import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { directoryApi } from '../../../../common/network/endpoints';
import { directoryLink } from '../../../../common/network/links';
import { phoneHref } from '../../../../common/network/service-rules';
import type { ServiceDetail } from '../../../../common/network/service-schemas';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts } from '../../../app/ui/layout';
import { ServiceLinksPanel } from '../service-links/ServiceLinksPanel';
import { OpeningHours } from './OpeningHours';
import { Localized, pickText, useDisplayNames } from './text';

function Address({ s }: { s: ServiceDetail }) {
  const { language } = useLanguage();
  const names = useDisplayNames();
  const place = localized(language, s.municipalityNameFr, s.municipalityNameNl);
  const lines = [
    s.street,
    [s.postalCode, place].filter(Boolean).join(' '),
    s.country && names.country(s.country),
  ];
  const given = lines.filter(Boolean);
  if (!given.length) return <FormattedMessage id="common.not_given" />;
  return (
    <address>
      {given.map((l) => (
        <div key={String(l)}>{l}</div>
      ))}
    </address>
  );
}

/** One service's public entry, laid out to be printed and handed to the person it is for. */
export function ServicePage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const names = useDisplayNames();
  const { id = '' } = useParams();
  const q = useEndpoint(directoryApi.service, { params: { id } });
  const s = q.data;
  const title = s ? pickText(language, s.titleFr, s.titleNl)?.text : undefined;
  useEffect(() => {
    if (title) document.title = `${title} · ${intl.formatMessage({ id: 'app.name' })}`;
  }, [title, intl]);

  if (q.isLoading) return <Loading />;
  if (!s) return <ErrorAlert error={q.error} />;
  const none = <FormattedMessage id="common.not_given" />;
  const dial = s.phone ? phoneHref(s.phone, s.municipalityCode) : null;
  const email = s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : none;
  const telephone = s.phone ? dial ? <a href={dial}>{s.phone}</a> : s.phone : none;
  const website = s.website ? (
    <a href={s.website} rel="noopener noreferrer" target="_blank">
      {s.website}
    </a>
  ) : (
    none
  );
  return (
    <article className="stack">
      <div className="page-header">
        <div>
          <h1>
            <Localized fr={s.titleFr} nl={s.titleNl} />
          </h1>
          <p>{localized(language, s.orgNameFr, s.orgNameNl)}</p>
        </div>
        <div className="row no-print">
          <LinkButton to={directoryLink.href()} variant="secondary">
            <FormattedMessage id="network.directory.back" />
          </LinkButton>
          <Button variant="secondary" onPress={() => window.print()}>
            <FormattedMessage id="common.print" />
          </Button>
        </div>
      </div>
      {!s.published && (
        <Alert tone="warning" title={<FormattedMessage id="network.directory.draft_notice" />} />
      )}
      {(s.descriptionFr || s.descriptionNl) && (
        <Card>
          <p className="prose">
            <Localized fr={s.descriptionFr} nl={s.descriptionNl} />
          </p>
        </Card>
      )}
      <div className="grid-2">
        <Card title={<FormattedMessage id="network.directory.detail.about" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="t" id="network.services.field.theme" />,
                intl.formatMessage({ id: `network.services.enum.theme.${s.theme}` }),
              ],
              [
                <FormattedMessage key="p" id="network.services.field.targets" />,
                intl.formatList(
                  s.targetPublics.map((p) => intl.formatMessage({ id: `network.services.enum.target.${p}` })),
                ),
              ],
              [
                <FormattedMessage key="l" id="network.services.field.languages" />,
                intl.formatList(s.languages.map(names.language)),
              ],
              [<FormattedMessage key="a" id="network.services.field.address" />, <Address key="a" s={s} />],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="network.directory.detail.access" />}>
          <p>
            <span className="tag tag--success">
              {intl.formatMessage({ id: `network.services.enum.access.${s.crossBorderAccess}` })}
            </span>
          </p>
          {(s.accessConditionsFr || s.accessConditionsNl) && (
            <p className="prose">
              <Localized fr={s.accessConditionsFr} nl={s.accessConditionsNl} />
            </p>
          )}
        </Card>
        <Card title={<FormattedMessage id="network.services.hours.title" />}>
          <OpeningHours ranges={s.openingHours} />
          {s.openingNotes && <p className="muted">{s.openingNotes}</p>}
        </Card>
        <Card title={<FormattedMessage id="network.directory.detail.contact" />}>
          <Facts
            items={[
              [<FormattedMessage key="e" id="network.services.field.email" />, email],
              [<FormattedMessage key="p" id="network.services.field.phone" />, telephone],
              [<FormattedMessage key="w" id="network.services.field.website" />, website],
            ]}
          />
        </Card>
      </div>
      {/* Signed-in members only: the service's cross-border links and, for its organisation, its use. */}
      <div className="no-print stack">
        <ServiceLinksPanel serviceId={s.id} country={s.country} />
      </div>
    </article>
  );
}
