import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from './Button';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
}

/** A semantic table: screen readers announce headers; it scrolls sideways on a phone. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const intl = useIntl();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={intl.formatMessage({ id: 'common.pagination' })}>
      <span className="muted">
        <FormattedMessage id="common.page_of" values={{ page, pages, total }} />
      </span>
      <Button variant="secondary" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
        <FormattedMessage id="common.previous" />
      </Button>
      <Button variant="secondary" isDisabled={page >= pages} onPress={() => onPage(page + 1)}>
        <FormattedMessage id="common.next" />
      </Button>
    </nav>
  );
}
