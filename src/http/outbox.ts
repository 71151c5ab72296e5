import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../errors.js';
import type { Outbox } from '../notify/outbox.js';
import type { OutboxEntry } from '../notify/outbox-store.js';
import type { Services } from '../services.js';
import { requireStaff, type StaffAuthenticator } from './staff-auth.js';

/**
 * Staff view of the outbox: notifications that could not be delivered (with the last error and
 * the number of attempts), and a button to send one again once the channel is fixed. A failed
 * delivery never loses a status change; this is where staff see it.
 */
const entrySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    channel: { type: 'string' },
    kind: { type: 'string' },
    ref: { type: 'string' },
    text: { type: 'string' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    nextAttemptAt: { type: 'string' },
  },
} as const;

/** The channel user id is left out: staff act on the notification, not on the person's account. */
function view(e: OutboxEntry) {
  const n = e.notification;
  return {
    id: n.id, channel: n.channel, kind: n.kind, ...(n.ref ? { ref: n.ref } : {}), text: n.text,
    status: e.status, attempts: e.attempts, lastError: e.lastError, createdAt: n.createdAt, updatedAt: e.updatedAt,
    nextAttemptAt: e.nextAttemptAt,
  };
}

export const outboxRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const outbox = services.outbox as Outbox;
  const auth = services.feedback as StaffAuthenticator;
  const staff = requireStaff(auth, 'reviewer');

  app.get('/api/staff/outbox/failed', {
    preHandler: staff,
    schema: {
      querystring: {
        type: 'object',
        properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        additionalProperties: false,
      },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: entrySchema } } } },
    },
  }, async (req) => {
    const { limit } = req.query as { limit: number };
    return { items: (await outbox.failed(limit)).map(view) };
  });

  app.post('/api/staff/outbox/:id/retry', {
    preHandler: staff,
    schema: {
      params: {
        type: 'object',
        properties: { id: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } },
        required: ['id'],
      },
      response: { 200: entrySchema },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const entry = await outbox.retry(id);
    if (!entry) throw new NotFoundError(`failed notification ${id}`, 'Không tìm thấy thông báo gửi lỗi với mã này.');
    req.log.info({ outbox: id, staff: req.staff?.username }, 'staff retried a failed notification');
    return view(entry);
  });
};
