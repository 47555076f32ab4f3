import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/**
 * Whether a failed read is worth a second try: only when the network failed or the server stumbled
 * (5xx), and only once. A refusal (401, 403), a missing record (404) or a bad request will answer the
 * same again, so the page shows its message at once instead of "Loading…" through the retries.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1 || !(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500;
}

/** The app's query client: answers stay fresh for 15 s, no refetch on window focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000 } },
  });
}
