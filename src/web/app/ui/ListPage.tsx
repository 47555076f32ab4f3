import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AppLink, LinkFilterKind, LinkFilters } from '../../../common/kernel/links';
import { EmptyState, ErrorAlert, Loading } from './feedback';
import { PageHeader } from './layout';
import { SearchForm } from './SearchForm';
import { type Column, DataTable, Pagination } from './Table';

type Filters = Record<string, LinkFilterKind> & { page?: 'integer' };

/**
 * A list page's filters and page number, kept in the address (so a list can be linked to, reloaded and
 * shared) and read through the page's link declaration, the same one other pages build their links with.
 */
export function useListAddress<F extends Filters>(link: AppLink<string, F>) {
  const [params, setParams] = useSearchParams();
  const filters = link.read(params);
  const page = (filters as { page?: number }).page ?? 1;
  const set = (changes: Partial<LinkFilters<F>>, opts: { keepPage?: boolean } = {}) => {
    const next = { ...filters, ...changes } as Record<string, unknown>;
    // A new filter starts again at the first page.
    if (!opts.keepPage) delete next.page;
    const href = link.href(undefined as never, next as Partial<LinkFilters<F>>);
    setParams(new URLSearchParams(href.split('?')[1] ?? ''), { replace: false });
  };
  return {
    filters,
    page,
    set,
    setPage: (p: number) => set({ page: p } as unknown as Partial<LinkFilters<F>>, { keepPage: true }),
  };
}

interface PagedData<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The rows as a table of columns, or, for rows a plain table cannot show (rows that open), their own. */
type Rows<T> =
  | { caption: string; columns: Column<T>[]; rowKey: (row: T) => string; table?: never }
  | { table: (rows: T[]) => ReactNode; caption?: never; columns?: never; rowKey?: never };

/**
 * The shape of every list page: header, search, filters, the table with its pagination, and an empty
 * state that says what to do next (different when a search or filter found nothing).
 */
export function ListPage<T>(props: ListPageProps<T> & Rows<T>) {
  const { title, description, actions, search, filters, query, onPage, empty, noMatch, filtered, before } =
    props;
  const [words, setWords] = useState(search?.value ?? '');
  useEffect(() => setWords(search?.value ?? ''), [search?.value]);
  const data = query.data;
  return (
    <div className="stack">
      <PageHeader title={title} description={description} actions={actions} />
      {before}
      {search ? (
        <SearchForm label={search.label} value={words} onChange={setWords} onSearch={search.onSearch}>
          {filters}
        </SearchForm>
      ) : (
        filters
      )}
      {query.isLoading && <Loading />}
      <ErrorAlert error={query.error} />
      {data && data.items.length === 0 && (
        <EmptyState
          title={filtered && noMatch ? noMatch.title : empty.title}
          action={filtered ? undefined : empty.action}
        >
          {filtered && noMatch ? noMatch.body : empty.body}
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          {props.table ? (
            props.table(data.items)
          ) : (
            <DataTable
              caption={props.caption}
              columns={props.columns}
              rows={data.items}
              rowKey={props.rowKey}
            />
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
        </>
      )}
    </div>
  );
}

interface ListPageProps<T> {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** The search box: its label, the current words, and what to do with new ones. */
  search?: { label: string; value: string; onSearch: (words: string) => void };
  /** Filter fields, shown under the search box. */
  filters?: ReactNode;
  query: UseQueryResult<PagedData<T>>;
  onPage: (page: number) => void;
  /** Nothing at all yet: what the list is for and how to start. */
  empty: { title: ReactNode; body?: ReactNode; action?: ReactNode };
  /** Nothing matches the search or filters. */
  noMatch?: { title: ReactNode; body?: ReactNode };
  /** Whether a search or filter is in force (decides which empty state shows). */
  filtered?: boolean;
  /** Content between the header and the list (a notice, a summary). */
  before?: ReactNode;
}
