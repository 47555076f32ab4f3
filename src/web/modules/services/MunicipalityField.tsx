import { useQuery } from '@tanstack/react-query';
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
import type { Municipality } from '../../../common/network/service-schemas';
import { get, qs } from '../../app/api';
import { useLanguage } from '../../app/i18n';

/** Picks a municipality of the territory list by typing part of its French or Dutch name. */
export function MunicipalityField({
  label,
  value,
  initialName,
  onChange,
  error,
}: {
  label: string;
  value: string;
  initialName: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const { language } = useLanguage();
  const [input, setInput] = useState(initialName);
  const words = input.trim();
  const q = useQuery({
    queryKey: ['municipalities', words],
    queryFn: () => get<{ items: Municipality[] }>(`/api/directory/municipalities${qs({ q: words })}`),
    enabled: words.length >= 2,
    staleTime: 300_000,
  });
  const name = (m: Municipality) => localized(language, m.nameFr, m.nameNl);
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
        const m = q.data?.items.find((x) => x.code === k);
        if (m) setInput(name(m));
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
        <FormattedMessage id="directory.form.municipality_hint" />
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={() => <FormattedMessage id="directory.form.municipality_none" />}
        >
          {(m: Municipality) => (
            <ListBoxItem className="listbox-item" id={m.code} textValue={name(m)}>
              {name(m)} <span className="muted">({m.code})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
