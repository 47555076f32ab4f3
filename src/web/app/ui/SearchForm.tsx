import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from './Button';
import { SearchField } from './fields';

/** A list page's search box and button (Enter or the button searches), with the page's filters below. */
export function SearchForm({
  label,
  value,
  onChange,
  onSearch,
  children,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onSearch: (words: string) => void;
  children?: ReactNode;
}) {
  return (
    <form
      className="stack no-print"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(value.trim());
      }}
    >
      <div className="row">
        <SearchField label={label} value={value} onChange={onChange} onSubmit={(v) => onSearch(v.trim())} />
        <Button type="submit">
          <FormattedMessage id="common.search" />
        </Button>
      </div>
      {children}
    </form>
  );
}
