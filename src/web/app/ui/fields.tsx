import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  FieldError as AriaFieldError,
  SearchField as AriaSearchField,
  Select as AriaSelect,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { FieldLabel, type FieldProps } from './text-fields';

export { FieldLabel, Form, TextArea, TextField } from './text-fields';

export interface Option {
  id: string;
  label: string;
}

export function Select({
  label,
  description,
  error,
  value,
  onChange,
  options,
  isRequired,
  isDisabled,
  placeholder,
  labelHidden,
}: FieldProps & {
  value: string | null;
  onChange: (v: string) => void;
  options: Option[];
  placeholder?: string;
  labelHidden?: boolean;
}) {
  const intl = useIntl();
  return (
    <AriaSelect
      className="field"
      selectedKey={value ?? null}
      onSelectionChange={(k) => k !== null && onChange(String(k))}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={!!error}
      placeholder={placeholder ?? intl.formatMessage({ id: 'common.choose' })}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} hidden={labelHidden} />
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {description && (
        <Text slot="description" className="description">
          {description}
        </Text>
      )}
      <AriaFieldError className="field-error">{error}</AriaFieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(o) => (
            <ListBoxItem className="listbox-item" id={o.id} textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

export function Checkbox({
  children,
  isSelected,
  onChange,
  isDisabled,
  value,
}: {
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (v: boolean) => void;
  isDisabled?: boolean;
  value?: string;
}) {
  return (
    <AriaCheckbox
      className="checkbox"
      validationBehavior="aria"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      value={value}
    >
      {({ isSelected: sel }) => (
        <>
          <span className="box" aria-hidden="true">
            {sel ? '✓' : ''}
          </span>
          {children}
        </>
      )}
    </AriaCheckbox>
  );
}

export function CheckboxGroup({
  label,
  value,
  onChange,
  options,
  error,
  description,
}: FieldProps & { value: string[]; onChange: (v: string[]) => void; options: Option[] }) {
  return (
    <AriaCheckboxGroup
      className="field"
      value={value}
      onChange={onChange}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <div className="row">
        {options.map((o) => (
          <Checkbox key={o.id} value={o.id}>
            {o.label}
          </Checkbox>
        ))}
      </div>
      {description && (
        <Text slot="description" className="description">
          {description}
        </Text>
      )}
      <AriaFieldError className="field-error">{error}</AriaFieldError>
    </AriaCheckboxGroup>
  );
}

export function SearchField({
  label,
  value,
  onChange,
  onSubmit,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onSubmit?: (v: string) => void;
}) {
  return (
    <AriaSearchField className="field" value={value} onChange={onChange} onSubmit={onSubmit}>
      <Label>{label}</Label>
      <Input />
    </AriaSearchField>
  );
}
