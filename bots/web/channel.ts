import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { Channel } from '../../src/http/channel.js';
import type { Services } from '../../src/services.js';

/**
 * The web chat page at GET /: one static, dependency-free HTML file that talks to POST /api/ask
 * with a session id kept in localStorage. Read once at start-up.
 */
export function createWebChannel(_services: Services): Channel {
  const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
  const plugin: FastifyPluginAsync<{ services: Services }> = async (app) => {
    app.get('/', async (_req, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
        .send(page));
  };
  return { name: 'web', plugin };
}
