import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { NotFoundError, UnavailableError, ValidationError } from '../errors.js';
import type { Procedure } from '../knowledge/procedure.js';
import type { ProcedureIndex } from '../search/procedure-index.js';
import type { Retrieval } from '../assistant/retrieval.js';
import type { Services } from '../services.js';

const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Cần có từ khóa tìm kiếm (tham số q).').max(500, 'Từ khóa quá dài (tối đa 500 ký tự).'),
  limit: z.coerce.number().int('Tham số limit phải là số nguyên.').min(1, 'Tham số limit phải từ 1 đến 50.').max(50, 'Tham số limit phải từ 1 đến 50.').default(10),
});

const itemsSchema = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, score: { type: 'number' } } },
    },
  },
} as const;

/** `GET /api/procedures?q=&limit=` (search) and `GET /api/procedures/:code` (the canonical record). */
export const procedureRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const byCode = new Map<string, Procedure>(services.procedures.map((p) => [p.code, p]));

  app.get('/api/procedures', { schema: { response: { 200: itemsSchema } } }, async (req) => {
    const parsed = searchQuerySchema.safeParse(req.query ?? {});
    if (!parsed.success) {
      throw new ValidationError(`invalid procedure search: ${parsed.error.message}`, parsed.error.issues[0]?.message ?? 'Tham số tìm kiếm không hợp lệ.');
    }
    const { q, limit } = parsed.data;
    // Same order as the chat answers (ranking rules of the assistant), when the assistant is wired.
    const retrieval = services.retrieval as Retrieval | undefined;
    if (retrieval) {
      const ranking = await retrieval.search(q, limit);
      const names = new Map(ranking.candidates.map((c) => [c.code, byCode.get(c.code)?.name ?? c.label]));
      return { items: ranking.candidates.map((c) => ({ code: c.code, name: names.get(c.code)!, score: Math.round(c.score * 1000) / 1000 })) };
    }
    const index = services.index as ProcedureIndex | undefined;
    if (!index) throw new UnavailableError('procedure index');
    const hits = await index.search(q, { limit });
    return { items: hits.slice(0, limit).map((h) => ({ code: h.code, name: h.name, score: h.score })) };
  });

  app.get<{ Params: { code: string } }>('/api/procedures/:code', async (req) => {
    const p = byCode.get(req.params.code) ?? services.procedures.find((x) => x.code === req.params.code);
    if (!p) throw new NotFoundError(`procedure ${req.params.code}`, `Không tìm thấy thủ tục có mã ${req.params.code.slice(0, 40)}.`);
    return p;
  });
};
