import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { createServer, createServices } from '../../src/main.js';
import type { Services } from '../../src/services.js';

/**
 * The feedback conversation through the composition root: `createServices` as `serve` builds it
 * (embedded stores in a temporary DATA_DIR, the project's knowledge) and `POST /api/ask`.
 */
const root = resolve(import.meta.dirname, '..', '..');

describe('feedback conversation through POST /api/ask', () => {
  let dir = '';
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-ask-feedback-'));
    services = await createServices(readConfig({ DATA_DIR: dir, KNOWLEDGE_DIR: join(root, 'knowledge'), LOG_LEVEL: 'silent' }));
    app = await createServer(services);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const say = async (session: string, text: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { text, session } });
    expect(res.statusCode).toBe(200);
    return res.json() as { intent: string; text: string; session: string };
  };

  for (const [style, lines] of [
    ['accented', ['Tôi muốn phản ánh', 'Cán bộ một cửa xã hẹn trả sổ hộ khẩu ba lần mà vẫn chưa có.', 'Đồng ý', 'Vũ Thị Lan', '0977 123 456', 'Gửi']],
    ['unaccented', ['toi muon kien nghi', 'xa nen mo cua bo phan mot cua ca sang thu bay de nguoi di lam nop ho so', 'dong y', 'Vu Van Nam', 'vuvannam@yahoo.com', 'gui di']],
  ] as const) {
    it(`files the feedback and returns the stored tracking code (${style})`, async () => {
      const outs = [];
      for (const line of lines) outs.push(await say(`api-${style}`, line));
      expect(outs.every((o) => o.intent === 'feedback')).toBe(true);
      const code = /Mã phản ánh: (PA-\d{4}-\d{6})/.exec(outs[outs.length - 1].text)?.[1];
      expect(code).toBeDefined();
      const rec = await (services.feedbackStore as FeedbackStore).get(code!);
      expect(rec?.content).toBe(lines[1]);
      expect(rec?.contact.name).toBe(lines[3]);
      expect(rec?.channel).toBe('api');
      expect(rec?.channelUserId).toBeUndefined();

      const follow = await say(`api-${style}-follow`, `phản ánh ${code} đến đâu rồi`);
      expect(follow.intent).toBe('feedback_status');
      const status = await say(`api-${style}-follow`, lines[4]);
      expect(status.text).toContain(`Phản ánh ${code}: Đã tiếp nhận`);
    });
  }
});
