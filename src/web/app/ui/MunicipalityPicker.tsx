import { useState } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import { territoriesApi } from '../../../common/network/endpoints';
import type { TerritoryListItem } from '../../../common/network/territory-schemas';
import { useEndpoint } from '../client';
import { useLanguage } from '../i18n';

/**
 * Picks a municipality from the public territory list (`territoriesApi.list`) by typing part of its French
 * or Dutch name or its code, limited to one country when given. Clearing the text clears the choice.
 */
export function MunicipalityPicker({
  label,
  value,
  initialName,
  country,
  onChange,
  error,
}: {
  label: string;
  value: string;
  initialName: string;
  country?: 'FR' | 'BE';
  onChange: (code: string) => void;
  error?: string;
}) {
  const { language } = useLanguage();
  const [input, setInput] = useState(initialName);
  const words = input.trim();
  const q = useEndpoint(
    territoriesApi.list,
    { query: { q: words, country, pageSize: 20 } },
    { enabled: words.length >= 2, staleTime: 300_000 },
  );
  const name = (t: Pick<TerritoryListItem, 'nameFr' | 'nameNl'>) => localized(language, t.nameFr, t.nameNl);
  return (
    <ComboBox
      className="field"
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (!v.trim()) onChange('');
      }}
      selectedKey={value || null}
      onSelectionChange={(k) => {
        if (k === null) return;
        // Both the text and the selection are controlled here, so the chosen name is written back.
        const t = q.data?.items.find((x) => x.code === k);
        if (t) setInput(name(t));
        onChange(String(k));
      }}
      items={q.data?.items ?? []}
      allowsEmptyCollection
      isInvalid={!!error}
      validationBehavior="aria"
      menuTrigger="input"
    >
      <Label>{label}</Label>
      <div className="row combobox">
        <Input />
        <AriaButton className="select-button">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <Text slot="description" className="description">
        <FormattedMessage id="common.municipality.hint" />
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <FormattedMessage id="common.municipality.none_found" />}
        >
          {(t: TerritoryListItem) => (
            <ListBoxItem className="listbox-item" id={t.code} textValue={name(t)}>
              {name(t)} <span className="muted">({t.code})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
