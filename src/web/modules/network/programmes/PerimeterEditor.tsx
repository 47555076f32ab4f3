import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { programmesApi, territoriesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import type { TerritoryRef } from '../../../../common/network/programme-structure-schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { SearchField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';

/** The municipalities the programme covers: found by name (either language), added, removed, saved at once. */
export function PerimeterEditor({ programme: p }: { programme: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<TerritoryRef[]>(p.territories);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const term = text.trim();
  const found = useEndpoint(
    territoriesApi.list,
    { query: { q: term, pageSize: 10 } },
    { enabled: term.length >= 2 },
  );
  const taken = new Set(chosen.map((t) => t.code));
  const name = (t: Pick<TerritoryRef, 'nameFr' | 'nameNl'>) => f.orgName(t);

  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      const next = await call(programmesApi.replacePerimeter, {
        params: { id: p.id },
        body: { codes: chosen.map((t) => t.code) },
      });
      setChosen(next.territories);
      await invalidate(client, programmesApi.get);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card title={<FormattedMessage id="network.programmes.perimeter.title" />}>
      <ErrorAlert error={error} />
      {saved && <Alert tone="success" title={<FormattedMessage id="network.programmes.perimeter.saved" />} />}
      {chosen.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="network.programmes.perimeter.none" />
        </p>
      ) : (
        <ul
          className="row"
          aria-label={intl.formatMessage({ id: 'network.programmes.perimeter.municipalities' })}
        >
          {chosen.map((t) => (
            <li key={t.code} className="tag">
              {name(t)}{' '}
              <Button variant="ghost" onPress={() => setChosen((cs) => cs.filter((c) => c.code !== t.code))}>
                {intl.formatMessage({ id: 'network.programmes.perimeter.remove' }, { name: name(t) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SearchField
        label={intl.formatMessage({ id: 'network.programmes.perimeter.search' })}
        value={text}
        onChange={setText}
      />
      {found.isFetching && <Loading />}
      <ErrorAlert error={found.error} />
      {term.length >= 2 && found.data && (
        <ul className="stack" aria-live="polite">
          {found.data.items.map((t) => (
            <li key={t.code} className="row">
              <span>
                {name(t)} <span className="muted">({t.code})</span>
              </span>
              {taken.has(t.code) ? (
                <span className="muted">
                  <FormattedMessage id="network.programmes.partners.already" />
                </span>
              ) : (
                <Button
                  variant="secondary"
                  onPress={() =>
                    setChosen((cs) => [
                      ...cs,
                      { code: t.code, country: t.country, nameFr: t.nameFr, nameNl: t.nameNl },
                    ])
                  }
                >
                  {intl.formatMessage({ id: 'network.programmes.perimeter.add' }, { name: name(t) })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <Button onPress={() => void save()}>
          <FormattedMessage id="network.programmes.perimeter.save" />
        </Button>
      </div>
    </Card>
  );
}
