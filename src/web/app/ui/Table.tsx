import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from './Button';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
}

/**
 * A semantic table: screen readers announce headers. On a phone it scrolls sideways, or, `stacked`, shows
 * each row as a block of labelled values (for a few rows whose cells must be read whole, such as who
 * signed and how).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  stacked = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  stacked?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className={stacked ? 'data data--stacked' : 'data'}>
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
              {columns.map((c) => {
                const content = c.render(r);
                // An empty cell stays empty: stacked, it is then not shown at all.
                return (
                  <td key={c.key}>
                    {stacked && content != null && content !== false && (
                      <span className="cell-label" aria-hidden="true">
                        {c.header}
                      </span>
                    )}
                    {content}
                  </td>
                );
              })}
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
