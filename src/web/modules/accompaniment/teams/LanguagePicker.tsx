import { useState } from 'react';
import { ISO639_3_LANGUAGES } from '../../../../common/people/languages';
import { Button } from '../../../app/ui/Button';
import { Select } from '../../../app/ui/fields';
import type { TeamWords } from './words';

/** Several ISO 639-3 languages: a list to add from and the chosen ones, each removable. */
export function LanguagePicker({
  w,
  label,
  value,
  onChange,
}: {
  w: TeamWords;
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const [key, setKey] = useState(0);
  const options = ISO639_3_LANGUAGES.filter((c) => !value.includes(c)).map((id) => ({
    id,
    label: w.lang(id),
  }));
  return (
    <div className="field">
      <Select
        key={key}
        label={label}
        placeholder={w.m('lang.add')}
        value={null}
        options={options}
        onChange={(code) => {
          if (code) onChange([...value, code]);
          setKey((k) => k + 1);
        }}
      />
      {value.length > 0 && (
        <ul className="row" aria-label={label}>
          {value.map((c) => (
            <li key={c} className="badge">
              {w.lang(c)}{' '}
              <Button
                variant="ghost"
                aria-label={w.m('lang.remove', { language: w.lang(c) })}
                onPress={() => onChange(value.filter((x) => x !== c))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
