import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { healthRoutes } from './health.js';

export interface HttpPlugin {
  plugin: FastifyPluginAsync<{ services: Services }>;
  prefix?: string;
}

/**
 * The fastify app: every feature is a plugin with its routes and schemas beside it.
 * Errors leave as `{"error": {"code", "message"}}` with a Vietnamese message (CONTRACTS.md §3).
 */
export async function buildApp(services: Services, plugins: HttpPlugin[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.warn({ err: err.message, code: err.code }, 'request failed');
      return reply.code(err.status).send({ error: { code: err.code, message: err.userMessage } });
    }
    const e = err as { validation?: unknown; statusCode?: number; code?: string; message: string };
    if (e.validation) {
      return reply.code(400).send({ error: { code: 'invalid_input', message: `Dữ liệu gửi lên không hợp lệ: ${e.message}` } });
    }
    if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: { code: 'too_large', message: 'Nội dung gửi lên quá lớn.' } });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ error: { code: e.code ?? 'bad_request', message: 'Yêu cầu không hợp lệ, xin bạn kiểm tra lại.' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Đã có lỗi xảy ra, xin bạn vui lòng thử lại sau.' } });
  });

  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ bạn yêu cầu.' } }));

  await app.register(healthRoutes, { services });
  for (const { plugin, prefix } of plugins) await app.register(plugin, { services, prefix });
  return app as unknown as FastifyInstance;
}
