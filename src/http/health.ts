import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../services.js';

const statusSchema = {
  type: 'object',
  properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: { type: 'boolean' } } },
} as const;

/** Liveness and readiness (CONTRACTS.md §3). */
export const healthRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/healthz', { schema: { response: { 200: statusSchema } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { response: { 200: statusSchema, 503: statusSchema } } }, async (_req, reply) => {
    const checks: Record<string, boolean> = { knowledge: services.procedures.length > 0 };
    await Promise.all(services.readinessChecks.map(async ({ name, check }) => {
      checks[name] = await check().catch(() => false);
    }));
    const ok = Object.values(checks).every(Boolean);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });
};
