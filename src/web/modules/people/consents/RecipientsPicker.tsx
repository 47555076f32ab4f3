import { useState } from 'react';
import {
  CheckboxGroup as AriaCheckboxGroup,
  FieldError as AriaFieldError,
  Input,
  Label,
  SearchField,
  Text,
} from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { OrganisationListItem } from '../../../../common/network/organisation-schemas';
import { Checkbox } from '../../../app/ui/fields';
import { usePeopleLabels } from '../persons/labels';

// The network's regions in the order a social worker on the border reads them.
const REGION_ORDER = ['BE-WAL', 'BE-VLG', 'BE-BRU', 'FR-HDF'];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The organisations a consent names, among the whole network's (two dozen and growing): a filter by
 * name, municipality or type, the organisations grouped by region (hence country) with their type, and
 * what is already chosen always visible, so a choice never hides behind the filter.
 */
export function RecipientsPicker({
  organisations,
  value,
  onChange,
  error,
}: {
  organisations: readonly OrganisationListItem[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const [filter, setFilter] = useState('');
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const kind = (k: string) => t(`network.organisations.enum.kind.${k}`);
  const region = (r: string) => t(`network.organisations.enum.region.${r}`);
  const municipality = (o: OrganisationListItem) =>
    (intl.locale.startsWith('nl') ? o.municipalityNameNl : o.municipalityNameFr) ?? '';
  const wanted = fold(filter.trim());
  const matchesText = (o: OrganisationListItem) =>
    !wanted ||
    [o.nameFr, o.nameNl, o.shortName ?? '', municipality(o), kind(o.kind)].some((s) =>
      fold(s).includes(wanted),
    );
  const matches = (o: OrganisationListItem) => value.includes(o.id) || matchesText(o);
  const shown = organisations.filter(matches);
  const rank = (r: string) => (REGION_ORDER.includes(r) ? REGION_ORDER.indexOf(r) : REGION_ORDER.length);
  const regions = [...new Set(shown.map((o) => o.region))].sort((a, b) => rank(a) - rank(b));
  const chosen = organisations.filter((o) => value.includes(o.id));
  return (
    <div className="stack recipients-picker">
      <SearchField
        className="field"
        value={filter}
        onChange={setFilter}
        aria-describedby="recipients-filter-hint"
      >
        <Label>{t('people.consents.recipients.filter')}</Label>
        <Input />
        <Text slot="description" className="description" id="recipients-filter-hint">
          {t('people.consents.recipients.filter_hint')}
        </Text>
      </SearchField>
      <AriaCheckboxGroup
        className="field"
        value={value}
        onChange={onChange}
        isInvalid={!!error}
        validationBehavior="aria"
      >
        <Label>{t('people.consents.field.recipients')}</Label>
        <Text slot="description" className="description">
          <FormattedMessage id="people.consents.field.recipients_hint" />{' '}
          <FormattedMessage
            id="people.consents.recipients.chosen"
            values={{ count: chosen.length, names: chosen.map((o) => labels.name(o)).join(', ') }}
          />
        </Text>
        {wanted && !organisations.some((o) => !value.includes(o.id) && matchesText(o)) && (
          <p className="muted">
            <FormattedMessage id="people.consents.recipients.none" values={{ filter }} />
          </p>
        )}
        {regions.map((r) => (
          <section key={r} className="stack" aria-label={region(r)}>
            <h3 className="recipients-picker__region">{region(r)}</h3>
            <div className="row">
              {shown
                .filter((o) => o.region === r)
                .sort(
                  (a, b) =>
                    kind(a.kind).localeCompare(kind(b.kind)) || labels.name(a).localeCompare(labels.name(b)),
                )
                .map((o) => (
                  <Checkbox key={o.id} value={o.id}>
                    {labels.name(o)} <span className="muted">({kind(o.kind)})</span>
                  </Checkbox>
                ))}
            </div>
          </section>
        ))}
        <AriaFieldError className="field-error">{error}</AriaFieldError>
      </AriaCheckboxGroup>
    </div>
  );
}
