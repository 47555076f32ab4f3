import type { ComponentProps, ReactNode } from 'react';
import {
  Button as AriaButton,
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  FieldError as AriaFieldError,
  Form as AriaForm,
  SearchField as AriaSearchField,
  Select as AriaSelect,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useIntl } from 'react-intl';

interface FieldProps {
  label: string;
  description?: ReactNode;
  /** A translated error message; marks the field invalid. */
  error?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
}

export function FieldLabel({
  label,
  isRequired,
  hidden,
}: {
  label: string;
  isRequired?: boolean;
  /** Named for assistive technology only (a select in a table row its header already names). */
  hidden?: boolean;
}) {
  return (
    <Label className={hidden ? 'visually-hidden' : undefined}>
      {label}
      {isRequired && (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </Label>
  );
}

export function TextField({
  label,
  description,
  error,
  value,
  onChange,
  type = 'text',
  autoComplete,
  isRequired,
  isDisabled,
  name,
  inputMode,
  maxLength,
}: FieldProps & {
  value: string;
  onChange: (v: string) => void;
  /** No 'date': a native date input follows the browser's locale, not the app's; use DateField. */
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url' | 'search';
  maxLength?: number;
}) {
  return (
    <AriaTextField
      className="field"
      value={value}
      onChange={onChange}
      type={type}
      autoComplete={autoComplete}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={!!error}
      name={name}
      inputMode={inputMode}
      maxLength={maxLength}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Input />
      {description && (
        <Text slot="description" className="description">
          {description}
        </Text>
      )}
      <AriaFieldError className="field-error">{error}</AriaFieldError>
    </AriaTextField>
  );
}

export function TextArea({
  label,
  description,
  error,
  value,
  onChange,
  isRequired,
  isDisabled,
  name,
}: FieldProps & { value: string; onChange: (v: string) => void }) {
  return (
    <AriaTextField
      className="field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={!!error}
      name={name}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <AriaTextArea />
      {description && (
        <Text slot="description" className="description">
          {description}
        </Text>
      )}
      <AriaFieldError className="field-error">{error}</AriaFieldError>
    </AriaTextField>
  );
}

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

/**
 * Forms validate with the API's own schemas (useForm); native browser validation would only get in the way
 * (a field once marked invalid natively keeps blocking submission), so every form and field uses aria mode.
 */
export function Form(props: ComponentProps<typeof AriaForm>) {
  return <AriaForm validationBehavior="aria" {...props} />;
}
