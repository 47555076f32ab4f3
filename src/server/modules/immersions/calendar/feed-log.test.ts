import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/boot';

/**
 * Why the feed's token travels in the query string: the request logger keeps paths verbatim but replaces
 * every query value, so the secret never reaches a log line (a token in the path would).
 */
describe('the feed token in request logs', () => {
  it('is replaced in the logged URL, in messages and in errors', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ logLevel: 'info' }, sink);
    const token = 'Zq3vJ9x_secret-token-value-of-43-characters';
    const url = `/api/immersions/calendar/feed.ics?token=${token}`;
    log.info({ req: { method: 'GET', url } }, 'incoming request');
    log.info(`answered ${url}`);
    log.error({ err: new Error(`failed on ${url}`) }, 'request failed');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines[0]).toContain('/api/immersions/calendar/feed.ics?token=~');
  });
});
