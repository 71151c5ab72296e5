import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError, ValidationError } from '../errors.js';
import type { FeedbackDesk } from '../feedback/feedback-service.js';
import { MAX_CONTENT } from '../feedback/record.js';
import type { Services } from '../services.js';
import { useStrictSchemas } from './strict-schema.js';

/** Public feedback API (CONTRACTS.md §3): submit, and follow up with the code and one's contact. */
const submitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['content', 'name', 'consent'],
  properties: {
    content: { type: 'string', maxLength: MAX_CONTENT },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    phone: { type: 'string', maxLength: 30 },
    email: { type: 'string', maxLength: 254 },
    address: { type: 'string', maxLength: 500 },
    consent: { type: 'boolean', const: true },
    channel: { type: 'string', maxLength: 40 },
    procedureCode: { type: 'string', maxLength: 40 },
    dossierCode: { type: 'string', maxLength: 60 },
    public: { type: 'boolean' },
    /** Which personal-data notice the citizen saw (recorded with the consent). */
    noticeVersion: { type: 'string', minLength: 1, maxLength: 100 },
  },
  anyOf: [{ required: ['phone'] }, { required: ['email'] }],
} as const;

const receipt = {
  type: 'object',
  properties: { code: { type: 'string' }, status: { type: 'string' }, receivedAt: { type: 'string' }, dueAt: { type: 'string' } },
} as const;

const statusView = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    status: { type: 'string' },
    history: { type: 'array', items: { type: 'object', properties: { status: { type: 'string' }, at: { type: 'string' }, note: { type: 'string' } } } },
    answer: { type: 'string' },
  },
} as const;

const idempotencyKey = /^[A-Za-z0-9_.:-]{1,200}$/;

interface SubmitBody {
  content: string; name: string; phone?: string; email?: string; address?: string; consent: true;
  channel?: string; procedureCode?: string; dossierCode?: string; public?: boolean; noticeVersion?: string;
}

export const feedbackRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const desk = services.feedback as FeedbackDesk;
  useStrictSchemas(app);

  app.post<{ Body: SubmitBody }>('/api/feedback', {
    schema: { body: submitBody, response: { 201: receipt } },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !idempotencyKey.test(key))) {
      throw new ValidationError('bad Idempotency-Key', 'Dữ liệu gửi lên không hợp lệ: Idempotency-Key chỉ gồm tối đa 200 chữ, số và . _ : -');
    }
    const { noticeVersion, ...body } = req.body;
    const channel = body.channel ?? 'api';
    const result = await desk.submit({
      ...body,
      channel,
      consentRecord: { noticeVersion: noticeVersion ?? 'api-v1', at: new Date().toISOString(), channel, messageId: req.id },
    }, { idempotencyKey: key });
    return reply.code(201).send(result);
  });

  app.get<{ Params: { code: string }; Querystring: { contact: string } }>('/api/feedback/:code', {
    schema: {
      params: { type: 'object', properties: { code: { type: 'string', maxLength: 40 } }, required: ['code'] },
      querystring: {
        type: 'object', additionalProperties: false, required: ['contact'],
        properties: { contact: { type: 'string', minLength: 1, maxLength: 254 } },
      },
      response: { 200: statusView },
    },
  }, async (req) => {
    const view = await desk.statusFor(req.params.code, req.query.contact);
    // One answer for "no such code" and "not your feedback", so codes cannot be probed.
    if (!view) throw new NotFoundError('feedback', 'Không tìm thấy phản ánh với mã và thông tin liên hệ này.');
    return view;
  });
};
