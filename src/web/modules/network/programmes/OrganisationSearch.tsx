import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { organisationsApi } from '../../../../common/network/endpoints';
import type { OrgRef } from '../../../../common/network/programme-schemas';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { SearchField } from '../../../app/ui/fields';
import { useProgrammeFormat } from './format';

/**
 * Finds the network's active organisations by name and offers each one through a
 * button; organisations already chosen are shown but cannot be picked again.
 */
export function OrganisationSearch({
  label,
  actionId,
  taken,
  onPick,
}: {
  label: string;
  /** Message id of the pick button, given {name}. */
  actionId: string;
  taken: ReadonlySet<string>;
  onPick: (org: OrgRef) => void;
}) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const [text, setText] = useState('');
  const term = text.trim();
  const found = useEndpoint(
    organisationsApi.list,
    { query: { q: term, status: 'active', pageSize: 10 } },
    { enabled: term.length >= 2 },
  );
  return (
    <div className="stack">
      <SearchField label={label} value={text} onChange={setText} />
      {term.length < 2 && (
        <p className="muted">
          <FormattedMessage id="network.programmes.partners.search_hint" />
        </p>
      )}
      {found.isFetching && <Loading />}
      <ErrorAlert error={found.error} />
      {term.length >= 2 && found.data && found.data.items.length === 0 && (
        <p>
          <FormattedMessage id="network.programmes.partners.no_result" />
        </p>
      )}
      {term.length >= 2 && found.data && found.data.items.length > 0 && (
        <ul className="stack" aria-live="polite">
          {found.data.items.map((o) => (
            <li key={o.id} className="row">
              <span>
                {f.orgName(o)} {o.shortName && <span className="muted">({o.shortName})</span>}{' '}
                <span className="tag">
                  <FormattedMessage id={`network.programmes.country.${o.country}`} />
                </span>
              </span>
              {taken.has(o.id) ? (
                <span className="muted">
                  <FormattedMessage id="network.programmes.partners.already" />
                </span>
              ) : (
                <Button variant="secondary" onPress={() => onPick(o)}>
                  {intl.formatMessage({ id: actionId }, { name: o.shortName ?? f.orgName(o) })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
