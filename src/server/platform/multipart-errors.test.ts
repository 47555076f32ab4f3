import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { toAppError } from './http';

/**
 * Issue 16, a fuzzing finding: a multipart body the parser cannot read (no boundary, a part cut short)
 * made the upload routes answer 500. The parser's errors are the client's fault: a 400.
 */
describe('unreadable multipart bodies', () => {
  it.each([
    ['no boundary (fuzz seed 1: POST /api/programmes/:id/documents)', 'multipart/form-data', '--x\r\n\r\n'],
    [
      'a part cut short',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
    ],
  ])('%s is a 400', async (_, contentType, payload) => {
    const app = Fastify();
    await app.register(multipart);
    app.post('/u', async (req) => {
      const part = await req.file();
      await part?.toBuffer();
      return {};
    });
    app.setErrorHandler((err, _req, reply) => {
      const e = toAppError(err);
      return reply.status(e?.status ?? 500).send({ code: e?.code ?? 'internal' });
    });
    const r = await app.inject({
      method: 'POST',
      url: '/u',
      payload,
      headers: { 'content-type': contentType },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'errors.bad_request' });
    await app.close();
  });
});
