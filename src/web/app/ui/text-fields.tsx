import type { ComponentProps, ReactNode } from 'react';
import {
  FieldError as AriaFieldError,
  Form as AriaForm,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  Input,
  Label,
  Text,
} from 'react-aria-components';

// The text fields and the form, apart from the selects, checkboxes and search field of ./fields.tsx: the
// sign-in page needs only these, and they weigh a fraction of the others.

export interface FieldProps {
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

/**
 * Forms validate with the API's own schemas (useForm); native browser validation would only get in the way
 * (a field once marked invalid natively keeps blocking submission), so every form and field uses aria mode.
 */
export function Form(props: ComponentProps<typeof AriaForm>) {
  return <AriaForm validationBehavior="aria" {...props} />;
}
