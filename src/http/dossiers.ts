import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError, NotFoundError, UnavailableError, ValidationError } from '../errors.js';
import type { DossierService } from '../dossiers/dossier-service.js';
import { toDossierView } from '../dossiers/dossier-view.js';
import { contactKind } from '../dossiers/contact-proof.js';
import type { Services } from '../services.js';

/**
 * `GET /api/dossiers/:code?contact=` (CONTRACTS.md §3). `contact` is the last 4 digits of the
 * phone on the dossier, the whole phone, or the e-mail. An unknown code and a wrong contact give
 * the very same 404, attempts are limited per address and wrong contacts per code (429), and a
 * provider that cannot answer gives 503 "hệ thống đang bận".
 */
const paramsSchema = z.object({ code: z.string().trim().min(4).max(80) });
const querySchema = z.object({ contact: z.string().trim().min(4).max(120) });

const nullableString = { type: ['string', 'null'] } as const;
const dossierViewSchema = {
  type: 'object',
  required: ['code', 'status', 'statusText', 'procedure', 'receivedAt', 'dueAt', 'finishedAt', 'overdue', 'steps'],
  properties: {
    code: { type: 'string' },
    status: { type: 'integer', minimum: 1, maximum: 10 },
    statusText: { type: 'string' },
    procedure: { type: 'string' },
    procedureCode: nullableString,
    applicant: { type: 'string' },
    agency: nullableString,
    receivedAt: nullableString,
    dueAt: nullableString,
    finishedAt: nullableString,
    overdue: { type: 'boolean' },
    overdueWorkingDays: { type: 'integer' },
    steps: {
      type: 'array',
      items: { type: 'object', properties: { note: { type: 'string' }, at: nullableString, department: nullableString } },
    },
  },
} as const;

export const notFoundMessage = 'Không tìm thấy hồ sơ khớp với mã và thông tin liên hệ bạn cung cấp.';

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', 'dossier lookup rate-limited',
      `Bạn đã tra cứu quá nhiều lần. Xin thử lại sau khoảng ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} phút.`, 429);
    this.name = 'TooManyAttemptsError';
  }
}

export const dossierRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/api/dossiers/:code', { schema: { response: { 200: dossierViewSchema } } }, async (req, reply) => {
    const params = paramsSchema.safeParse(req.params);
    if (!params.success) throw new ValidationError('invalid dossier code', 'Mã hồ sơ không hợp lệ.');
    const query = querySchema.safeParse(req.query ?? {});
    if (!query.success || !contactKind(query.data.contact)) {
      throw new ValidationError('missing or malformed contact',
        'Cần tham số contact: 4 số cuối của số điện thoại, số điện thoại hoặc email đã khai khi nộp hồ sơ.');
    }
    const dossiers = services.dossiers as DossierService | undefined;
    if (!dossiers) throw new UnavailableError('dossier service');
    const outcome = await dossiers.lookup({ code: params.data.code, contact: query.data.contact, keys: [`ip:${req.ip}`] });
    if (outcome.kind === 'limited') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      throw new TooManyAttemptsError(outcome.retryAfterSeconds);
    }
    if (outcome.kind === 'not_found') throw new NotFoundError('dossier', notFoundMessage);
    return toDossierView(outcome.dossier, new Date(), dossiers.holidays);
  });
};
