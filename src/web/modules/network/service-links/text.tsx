import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { serviceLink } from '../../../../common/network/links';
import type { LinkView } from '../../../../common/network/service-links-schemas';
import { useLanguage } from '../../../app/i18n';
import { useCommonFormat } from '../../../app/ui/format';
import { Localized, useDisplayNames } from '../directory/text';

/** Shared bits of the cross-border network's pages: a side's service, the period, what it accepts. */

export function SideName({ side }: { side: LinkView['self'] }) {
  const { language } = useLanguage();
  const names = useDisplayNames();
  return (
    <>
      <Link to={serviceLink.href({ id: side.serviceId })}>
        <Localized fr={side.titleFr} nl={side.titleNl} />
      </Link>
      <div className="muted">
        {localized(language, side.orgNameFr, side.orgNameNl)} · {names.country(side.country)}
      </div>
    </>
  );
}

export function usePeriod() {
  const intl = useIntl();
  const f = useCommonFormat();
  return (l: Pick<LinkView, 'since' | 'until'>) =>
    l.until
      ? intl.formatMessage(
          { id: 'network.service_links.period.between' },
          { since: f.day(l.since), until: f.day(l.until) },
        )
      : intl.formatMessage({ id: 'network.service_links.period.since' }, { since: f.day(l.since) });
}

export function useAccepts() {
  const intl = useIntl();
  return (accepts: readonly string[]) =>
    accepts.length
      ? intl.formatList(accepts.map((a) => intl.formatMessage({ id: `network.service_links.accepts.${a}` })))
      : intl.formatMessage({ id: 'network.service_links.accepts.none' });
}
