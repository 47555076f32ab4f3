import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { createQueryClient, shouldRetry } from './query-client';

const answer = (status: number) => new ApiError(status, status ? 'errors.x' : 'errors.network', '');

describe('retrying failed reads', () => {
  it.each([400, 401, 403, 404, 409, 422, 429])('never retries a %i answer', (status) => {
    expect(shouldRetry(0, answer(status))).toBe(false);
  });

  it.each([0, 500, 502, 503])('retries a network failure or a %i answer once, not twice', (status) => {
    expect(shouldRetry(0, answer(status))).toBe(true);
    expect(shouldRetry(1, answer(status))).toBe(false);
  });

  it('does not retry a failure that is not an answer of the API (a bug in the page)', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });

  it('is the rule of the app’s query client: a 403 is asked once, a 503 twice', async () => {
    const client = createQueryClient();
    const calls = { 403: 0, 503: 0 };
    const read = (status: 403 | 503) =>
      client.fetchQuery({
        queryKey: [status],
        queryFn: async () => {
          calls[status]++;
          throw answer(status);
        },
      });
    await expect(read(403)).rejects.toMatchObject({ status: 403 });
    await expect(read(503)).rejects.toMatchObject({ status: 503 });
    expect(calls).toEqual({ 403: 1, 503: 2 });
  });
});
