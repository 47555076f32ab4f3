import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import { phoneHref } from '../../../common/network/service-rules';
import type { ServiceDetail } from '../../../common/network/service-schemas';
import { get } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts } from '../../app/ui/layout';
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
  const q = useQuery({
    queryKey: ['directory-service', id],
    queryFn: () => get<ServiceDetail>(`/api/directory/services/${encodeURIComponent(id)}`),
  });
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
          <LinkButton to="/directory" variant="secondary">
            <FormattedMessage id="directory.back" />
          </LinkButton>
          <Button variant="secondary" onPress={() => window.print()}>
            <FormattedMessage id="common.print" />
          </Button>
        </div>
      </div>
      {!s.published && <Alert tone="warning" title={<FormattedMessage id="directory.draft_notice" />} />}
      {(s.descriptionFr || s.descriptionNl) && (
        <Card>
          <p className="prose">
            <Localized fr={s.descriptionFr} nl={s.descriptionNl} />
          </p>
        </Card>
      )}
      <div className="grid-2">
        <Card title={<FormattedMessage id="directory.detail.about" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="t" id="directory.field.theme" />,
                intl.formatMessage({ id: `directory.enum.theme.${s.theme}` }),
              ],
              [
                <FormattedMessage key="p" id="directory.field.targets" />,
                intl.formatList(
                  s.targetPublics.map((p) => intl.formatMessage({ id: `directory.enum.target.${p}` })),
                ),
              ],
              [
                <FormattedMessage key="l" id="directory.field.languages" />,
                intl.formatList(s.languages.map(names.language)),
              ],
              [<FormattedMessage key="a" id="directory.field.address" />, <Address key="a" s={s} />],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="directory.detail.access" />}>
          <p>
            <span className="tag tag--success">
              {intl.formatMessage({ id: `directory.enum.access.${s.crossBorderAccess}` })}
            </span>
          </p>
          {(s.accessConditionsFr || s.accessConditionsNl) && (
            <p className="prose">
              <Localized fr={s.accessConditionsFr} nl={s.accessConditionsNl} />
            </p>
          )}
        </Card>
        <Card title={<FormattedMessage id="directory.hours.title" />}>
          <OpeningHours ranges={s.openingHours} />
          {s.openingNotes && <p className="muted">{s.openingNotes}</p>}
        </Card>
        <Card title={<FormattedMessage id="directory.detail.contact" />}>
          <Facts
            items={[
              [<FormattedMessage key="e" id="directory.field.email" />, email],
              [<FormattedMessage key="p" id="directory.field.phone" />, telephone],
              [<FormattedMessage key="w" id="directory.field.website" />, website],
            ]}
          />
        </Card>
      </div>
    </article>
  );
}
