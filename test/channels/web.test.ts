import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

describe.skipIf(!hasShared)('web chat page', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({}); });
  afterAll(async () => { await server.close(); });

  it('serves an accessible Vietnamese page that talks to /api/ask', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const html = res.body;
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<meta name="viewport" content="width=device-width/);
    expect(html).toMatch(/<label for="text">/);
    expect(html).toMatch(/aria-live="polite"/);
    expect(html).toContain("fetch('/api/ask'");
    expect(html).toContain('localStorage');
    // Buttons from the API's structured choices, and the cited record's link.
    expect(html).toContain('body.choices');
    expect(html).toContain('body.link');
  });
});
