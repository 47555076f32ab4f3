import { useId } from 'react';

/**
 * A choice among a few values as native radio buttons in a fieldset: the keyboard moves with the arrows,
 * screen readers announce the question and each value (for ratings 1 to 5, with their meaning at the ends).
 */
export function ChoiceField<V extends string | number>({
  legend,
  description,
  options,
  value,
  onChange,
  name,
}: {
  legend: string;
  description?: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | null;
  onChange: (v: V) => void;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset className="choice-field" aria-describedby={description ? `${id}-d` : undefined}>
      <legend>{legend}</legend>
      {description && (
        <p id={`${id}-d`} className="description">
          {description}
        </p>
      )}
      <div className="row">
        {options.map((o) => (
          <label key={String(o.value)} className="choice-field__option">
            <input
              type="radio"
              name={`${name}-${id}`}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              required
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
