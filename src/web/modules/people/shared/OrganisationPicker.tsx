import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { organisationsApi } from '../../../../common/network/endpoints';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { SearchField } from '../../../app/ui/fields';
import { useSharingFormat } from './format';

export interface PickedOrg {
  id: string;
  nameFr: string;
  nameNl: string;
  shortName: string | null;
}

/** Finds an active partner organisation to share with by name, leaving out one's own. */
export function OrganisationPicker({
  excludeId,
  picked,
  onPick,
  error,
}: {
  excludeId: string | null;
  picked: PickedOrg | null;
  onPick: (o: PickedOrg) => void;
  error?: string;
}) {
  const intl = useIntl();
  const fmt = useSharingFormat();
  const [text, setText] = useState('');
  const term = text.trim();
  const found = useEndpoint(
    organisationsApi.list,
    { query: { q: term, status: 'active', pageSize: 10 } },
    { enabled: term.length >= 2 },
  );
  const items = (found.data?.items ?? []).filter((o) => o.id !== excludeId);
  return (
    <fieldset className="stack">
      <legend>
        <FormattedMessage id="people.shared.recipient.legend" />
      </legend>
      {picked && (
        <p aria-live="polite">
          <strong>
            <FormattedMessage id="people.shared.recipient.chosen" values={{ name: fmt.orgName(picked) }} />
          </strong>
        </p>
      )}
      <SearchField
        label={intl.formatMessage({ id: 'people.shared.recipient.search' })}
        value={text}
        onChange={setText}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {found.isFetching && <Loading />}
      <ErrorAlert error={found.error} />
      {term.length >= 2 && found.data && items.length === 0 && (
        <p>
          <FormattedMessage id="people.shared.recipient.no_results" />
        </p>
      )}
      {term.length >= 2 && items.length > 0 && (
        <ul className="stack" aria-live="polite">
          {items.map((o) => (
            <li key={o.id} className="row">
              <span>
                {fmt.orgName(o)} {o.shortName && <span className="muted">({o.shortName})</span>}
              </span>
              <Button
                variant={picked?.id === o.id ? 'primary' : 'secondary'}
                onPress={() => onPick(o)}
                aria-label={`${intl.formatMessage({ id: 'people.shared.recipient.choose' })} ${fmt.orgName(o)}`}
              >
                <FormattedMessage id="people.shared.recipient.choose" />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
