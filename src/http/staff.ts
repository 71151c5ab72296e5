import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { AppError, ValidationError } from '../errors.js';
import type { FeedbackDesk } from '../feedback/feedback-service.js';
import { classifications, statuses, type Classification, type FeedbackStatus } from '../feedback/record.js';
import type { Services } from '../services.js';
import { RedisFeedbackStore } from '../store/feedback-redis.js';
import { requireStaff } from './staff-auth.js';
import { useStrictSchemas } from './strict-schema.js';

/**
 * Staff API (CONTRACTS.md §3): sign in, work the queue, export a period. Every action is
 * recorded in the feedback's history with the staff member as actor.
 */
const LOGIN_PER_MINUTE = 10;

const loginBody = {
  type: 'object', additionalProperties: false, required: ['username', 'password'],
  properties: { username: { type: 'string', minLength: 1, maxLength: 40 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...statuses] },
    q: { type: 'string', maxLength: 200 },
    overdue: { type: 'boolean' },
    page: { type: 'integer', minimum: 1, maximum: 100000 },
  },
} as const;

const transitionBody = {
  type: 'object', additionalProperties: false, required: ['to'],
  properties: {
    to: { type: 'string', enum: [...statuses] },
    note: { type: 'string', maxLength: 4000 },
    agency: { type: 'string', maxLength: 300 },
    classification: { type: 'string', enum: [...classifications] },
  },
} as const;

const codeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 40 } } } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** `YYYY-MM-DD` (a Vietnamese local date) to the instant its day starts. */
function dayStart(day: string): Date {
  const d = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`bad date ${day}`, `Ngày không hợp lệ: ${day}.`);
  return d;
}

export const staffRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const desk = services.feedback as FeedbackDesk;
  useStrictSchemas(app);
  const store = services.feedbackStore;
  await app.register(rateLimit, {
    global: false,
    // With Redis the limit is shared by every instance behind the load balancer.
    ...(store instanceof RedisFeedbackStore ? { redis: store.client, nameSpace: 'fb:login-rl:', skipOnError: true } : {}),
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `login rate limit (${ctx.max}/${ctx.after})`,
      'Bạn đã thử đăng nhập quá nhiều lần, xin vui lòng thử lại sau ít phút.', 429),
  });
  const reviewer = requireStaff(desk, 'reviewer');

  app.post<{ Body: { username: string; password: string } }>('/api/staff/login', {
    config: { rateLimit: { max: LOGIN_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { body: loginBody },
  }, async (req) => {
    const session = await desk.login(req.body.username, req.body.password);
    if (!session) {
      req.log.warn({ staff: req.body.username }, 'staff login refused');
      throw new AppError('invalid_credentials', 'bad staff credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.', 401);
    }
    return session;
  });

  app.get<{ Querystring: { status?: FeedbackStatus; q?: string; overdue?: boolean; page?: number } }>('/api/staff/feedback', {
    preHandler: reviewer, schema: { querystring: listQuery },
  }, async (req) => desk.list(req.query));

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/staff/feedback.csv', {
    preHandler: reviewer,
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { from: date, to: date } } },
  }, async (req, reply) => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const from = req.query.from ?? `${today.slice(0, 7)}-01`;
    const to = req.query.to ?? today;
    const end = new Date(dayStart(to).getTime() + 24 * 3600_000); // `to` is inclusive
    if (end <= dayStart(from)) throw new ValidationError('empty period', 'Khoảng thời gian không hợp lệ: ngày bắt đầu sau ngày kết thúc.');
    const csv = await desk.exportCsv(dayStart(from), end);
    req.log.info({ staff: req.staff?.username, from, to }, 'feedback export');
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="phan-anh-${from}-${to}.csv"`)
      .send(csv);
  });

  app.get<{ Params: { code: string } }>('/api/staff/feedback/:code', {
    preHandler: reviewer, schema: { params: codeParams },
  }, async (req) => desk.detail(req.params.code));

  app.post<{ Params: { code: string }; Body: { to: FeedbackStatus; note?: string; agency?: string; classification?: Classification } }>(
    '/api/staff/feedback/:code/transition',
    { preHandler: reviewer, schema: { params: codeParams, body: transitionBody } },
    async (req) => desk.transition(req.params.code, req.body, { username: req.staff!.username, role: req.staff!.role }),
  );
};
