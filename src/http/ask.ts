import type { FastifyPluginAsync } from 'fastify';
import { ask } from '../assistant/ask.js';
import { askInputSchema, intents, type Assistant } from '../assistant/turn.js';
import { UnavailableError, ValidationError } from '../errors.js';
import type { Services } from '../services.js';

/** The `ask --jsonl` output object (CONTRACTS.md §1), declared once for serialization. */
const askOutputSchema = {
  type: 'object',
  required: ['session', 'intent', 'code', 'codes', 'clarify', 'text', 'speak', 'ms'],
  properties: {
    session: { type: ['string', 'null'] },
    intent: { type: 'string', enum: [...intents] },
    code: { type: ['string', 'null'] },
    codes: { type: 'array', items: { type: 'string' }, maxItems: 5 },
    clarify: { type: 'boolean' },
    text: { type: 'string' },
    speak: { type: ['string', 'null'] },
    ms: { type: 'number' },
    choices: {
      type: 'array',
      items: { type: 'object', required: ['label', 'value'], properties: { label: { type: 'string' }, value: { type: 'string' } } },
    },
    link: { type: 'object', required: ['title', 'url'], properties: { title: { type: 'string' }, url: { type: 'string' } } },
  },
} as const;

/** Zod issues read as one Vietnamese sentence (the schema carries Vietnamese messages). */
function describeIssues(issues: Array<{ path: PropertyKey[]; message: string; code: string }>): string {
  const issue = issues[0];
  if (!issue) return 'Dữ liệu gửi lên không hợp lệ.';
  if (issue.code === 'unrecognized_keys') return 'Dữ liệu có trường không được hỗ trợ (chỉ nhận text, session, channel).';
  if (issue.path[0] === 'text' && issue.code !== 'too_big') return 'Cần có nội dung câu hỏi (trường "text" là chuỗi ký tự).';
  if (issue.code === 'too_big' || issue.code === 'too_small') return issue.message.startsWith('Tin nhắn') ? issue.message : `Trường "${String(issue.path[0])}" có độ dài không hợp lệ.`;
  return `Trường "${String(issue.path[0] ?? '')}" không hợp lệ.`;
}

/** `POST /api/ask`: the `ask --jsonl` exchange over HTTP (CONTRACTS.md §3). */
export const askRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.post('/api/ask', { schema: { response: { 200: askOutputSchema } } }, async (req) => {
    const parsed = askInputSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw new ValidationError(`invalid ask input: ${parsed.error.message}`, describeIssues(parsed.error.issues as never));
    }
    const assistant = services.assistant as Assistant | undefined;
    if (!assistant) throw new UnavailableError('assistant');
    return ask(assistant, parsed.data, 'api');
  });
};
