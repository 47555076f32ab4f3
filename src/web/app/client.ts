import {
  type QueryClient,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AnyEndpoint,
  type CallInput,
  type QueryValue,
  queryKeyOf,
  type ResponseOf,
  urlOf,
} from '../../common/kernel/endpoint';
import { api } from './api';

/**
 * The one way the web calls the API: through the endpoints declared in `src/common/<module>/endpoints.ts`.
 * The URL, the query string, the body and the answer's type all come from the declaration; nothing here
 * writes an `/api/…` string by hand.
 */
export function call<E extends AnyEndpoint>(endpoint: E, input = {} as CallInput<E>): Promise<ResponseOf<E>> {
  const { params, query, body } = input as {
    params?: Record<string, string>;
    query?: Record<string, QueryValue>;
    body?: unknown;
  };
  const url = urlOf(endpoint, { params, query });
  const sent = body === undefined && endpoint.method !== 'GET' && endpoint.method !== 'DELETE' ? {} : body;
  return api<ResponseOf<E>>(endpoint.method, url, sent);
}

/** The address of a GET endpoint, for a download link or an <a href>. */
export function hrefOf<E extends AnyEndpoint>(endpoint: E, input = {} as CallInput<E>): string {
  const { params, query } = input as { params?: Record<string, string>; query?: Record<string, QueryValue> };
  return urlOf(endpoint, { params, query });
}

/** The cache key of a call, so mutations can invalidate exactly what they change. */
export const keyOf = <E extends AnyEndpoint>(endpoint: E, input = {} as CallInput<E>) =>
  queryKeyOf(endpoint, input as { params?: unknown; query?: unknown });

type QueryOptions<E extends AnyEndpoint> = Omit<
  UseQueryOptions<ResponseOf<E>, Error, ResponseOf<E>, readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** Reads a GET endpoint through TanStack Query, keyed by the endpoint and its input. */
export function useEndpoint<E extends AnyEndpoint>(
  endpoint: E,
  input = {} as CallInput<E>,
  options: QueryOptions<E> = {},
) {
  return useQuery({
    queryKey: keyOf(endpoint, input),
    queryFn: () => call(endpoint, input),
    ...options,
  });
}

/** Invalidates every cached call of these endpoints (any parameters). */
export function invalidate(client: QueryClient, ...endpoints: AnyEndpoint[]): Promise<void> {
  return Promise.all(endpoints.map((e) => client.invalidateQueries({ queryKey: [e.path] }))).then(() => {});
}

/** A change through an endpoint, refreshing the given endpoints' cached reads when it succeeds. */
export function useEndpointMutation<E extends AnyEndpoint>(endpoint: E, refreshes: AnyEndpoint[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<E>) => call(endpoint, input),
    onSuccess: () => invalidate(client, ...refreshes),
  });
}
