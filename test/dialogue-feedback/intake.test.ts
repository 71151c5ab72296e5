import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/assistant/engine.js';
import { formatDate } from '../../src/assistant/date.js';
import { createFeedbackIntakeSkill } from '../../src/assistant/skills/feedback-intake.js';
import { FEEDBACK_NOTICE_VERSION } from '../../src/assistant/skills/feedback-notice.js';
import { createFeedbackStatusSkill, notFoundText } from '../../src/assistant/skills/feedback-status.js';
import type { Assistant, AssistantResult } from '../../src/assistant/turn.js';
import { FeedbackDesk } from '../../src/feedback/feedback-service.js';
import { holidaySet } from '../../src/feedback/holidays.js';
import { defaultDeadlines } from '../../src/feedback/lifecycle.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { RedisFeedbackStore } from '../../src/store/feedback-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { createLogger } from '../../src/log.js';
import { accented, unaccented } from './conversations.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { hasShared, portalCrawl } from '../support/shared.js';
import { importFiles } from '../../src/knowledge/importer.js';

const log = createLogger('silent');
const now = new Date('2026-11-23T02:00:00.000Z'); // Monday 09:00 in Hà Nội

/** The real assistant core with the two feedback skills, on a real feedback desk. */
async function assistantOn(store: FeedbackStore): Promise<{ assistant: Assistant; desk: FeedbackDesk }> {
  const desk = new FeedbackDesk({ store, deadlines: defaultDeadlines, holidays: holidaySet(), log, clock: () => now });
  const skills = [createFeedbackStatusSkill({ feedback: desk, log }), createFeedbackIntakeSkill({ feedback: desk, log })];
  const { assistant } = await loadEngine({ knowledgeDir: 'knowledge', procedures: [], skills });
  return { assistant, desk };
}

function chat(assistant: Assistant, session: string, channel = 'telegram', userId = 'tg-4242') {
  let n = 0;
  return async (text: string): Promise<AssistantResult & { text: string }> => {
    const r = await assistant.handle({ channel, userId, session, text, messageId: `msg-${++n}`, now });
    return { ...r, text: r.replies.map((x) => x.text).join('\n') };
  };
}

const allRecords = async (store: FeedbackStore) => (await store.list({ offset: 0, limit: 100 })).items;

describe('feedback dialogue on the embedded store', () => {
  let dir = '';
  let store: EmbeddedFeedbackStore;
  let assistant: Assistant;
  let desk: FeedbackDesk;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialogue-feedback-'));
    store = await EmbeddedFeedbackStore.open(dir);
    ({ assistant, desk } = await assistantOn(store));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });


  for (const [style, lines] of [['accented', accented], ['unaccented', unaccented]] as const) {
    it(`goes from "tôi muốn phản ánh" to a tracking code (${style})`, async () => {
      const say = chat(assistant, `s-${style}`);
      const replies: (AssistantResult & { text: string })[] = [];
      for (const line of lines.slice(0, -1)) {
        replies.push(await say(line));
        expect(await allRecords(store)).toEqual([]); // nothing stored before confirmation
      }
      expect(replies.every((r) => r.intent === 'feedback')).toBe(true);
      expect(replies[0].text).toMatch(/nội dung/);
      expect(replies[1].text).toContain(FEEDBACK_NOTICE_VERSION);
      expect(replies[1].text).toMatch(/91\/2025\/QH15/);
      expect(replies[1].text).toMatch(/356\/2025\/NĐ-CP/);
      expect(replies[2].text).toMatch(/họ và tên/);
      expect(replies[3].text).toMatch(/số điện thoại hoặc email/);
      expect(replies[4].text).toContain(lines[1]); // read-back of the content
      expect(replies[4].text).toContain(lines[3]);

      const done = await say(lines[lines.length - 1]);
      const records = await allRecords(store);
      expect(records).toHaveLength(1);
      const rec = records[0];
      expect(done.intent).toBe('feedback');
      expect(done.text).toContain(rec.code);
      expect(rec.code).toMatch(/^PA-2026-\d{6}$/);
      expect(done.text).toContain(`Hạn trả lời dự kiến: ${formatDate(rec.dueAt)}`);
      expect(done.text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      expect(rec.content).toBe(lines[1]);
      expect(rec.contact.name).toBe(lines[3]);
      expect(rec.channel).toBe('telegram');
      expect(rec.channelUserId).toBe('tg-4242');
      expect(rec.public).toBe(false);
      expect(rec.consent).toEqual({ noticeVersion: FEEDBACK_NOTICE_VERSION, at: now.toISOString(), channel: 'telegram', messageId: 'msg-3' });

      // the conversation is over: a new message is not taken as part of it
      const after = await say('cảm ơn');
      expect(after.intent).not.toBe('feedback');
      expect(await allRecords(store)).toHaveLength(1);
    });
  }

  it('takes the content from the first message when it already says what happened (dev set d036)', async () => {
    const say = chat(assistant, 's-d036', 'cli', 's-d036');
    const first = await say('toi muon phan anh viec giai quyet ho so bi tre han');
    expect(first.intent).toBe('feedback');
    expect(first.text).toContain('toi muon phan anh viec giai quyet ho so bi tre han');
    expect(first.text).toContain(FEEDBACK_NOTICE_VERSION);
    await say('đồng ý');
    await say('Lê Văn Cường');
    await say('0987654321');
    const done = await say('xác nhận');
    const [rec] = await allRecords(store);
    expect(rec.content).toBe('toi muon phan anh viec giai quyet ho so bi tre han');
    expect(done.text).toContain(rec.code);
    // the terminal cannot push later messages: no channel user id to notify, and no such promise
    expect(rec.channel).toBe('cli');
    expect(rec.channelUserId).toBeUndefined();
    expect(done.text).not.toMatch(/báo cho bạn qua kênh này/);
  });

  it('links the procedure under discussion and a dossier code named in the first message', async () => {
    // This one needs procedure answers too: the shipped knowledge, with the same two skills.
    const skills = [createFeedbackStatusSkill({ feedback: desk, log }), createFeedbackIntakeSkill({ feedback: desk, log })];
    const withKnowledge = (await loadEngine({ knowledgeDir: 'knowledge', skills, snapshotPath: null })).assistant;
    const say = chat(withKnowledge, 's-link');
    const answer = await say('đăng ký thường trú cần giấy tờ gì');
    expect(answer.code).toBe('1.004222');
    const first = await say('tôi muốn phản ánh hồ sơ 000.00.12.H23-241115-0001 bị trễ hẹn hai tuần mà chưa có thông báo');
    expect(first.intent).toBe('feedback');
    await say('Đồng ý');
    await say('Phạm Thị Dung');
    const review = await say('0912345678');
    expect(review.text).toContain('Hồ sơ liên quan: 000.00.12.H23-241115-0001');
    expect(review.text).toContain('Thủ tục liên quan: 1.004222');
    await say('Gửi');
    const [rec] = await allRecords(store);
    expect(rec.dossierCode).toBe('000.00.12.H23-241115-0001');
    expect(rec.procedureCode).toBe('1.004222');
  });

  it('asks for the details when the first message names only the topic', async () => {
    const say = chat(assistant, 's-topic');
    const first = await say('tôi muốn góp ý về thái độ cán bộ');
    expect(first.intent).toBe('feedback');
    expect(first.text).toMatch(/Xin bạn cho biết nội dung/);
    expect(first.text).not.toContain(FEEDBACK_NOTICE_VERSION);
  });

  it('adds a longer message at the consent step to the content, never taking it as consent', async () => {
    const say = chat(assistant, 's-more');
    await say('tôi muốn phản ánh việc giải quyết hồ sơ bị trễ hạn');
    const more = await say('Hồ sơ nộp tại xã từ ngày 03/11/2026, đến nay đã quá hẹn mà không ai báo lý do');
    expect(more.text).toMatch(/ghi thêm chi tiết/);
    expect(await allRecords(store)).toEqual([]);
    await say('Đồng ý');
    await say('Đỗ Văn Nam');
    const review = await say('0912345678');
    expect(review.text).toContain('đến nay đã quá hẹn');
    await say('Gửi');
    const [rec] = await allRecords(store);
    expect(rec.content).toBe('tôi muốn phản ánh việc giải quyết hồ sơ bị trễ hạn\nHồ sơ nộp tại xã từ ngày 03/11/2026, đến nay đã quá hẹn mà không ai báo lý do');
    expect(rec.consent?.messageId).toBe('msg-3');
  });

  const steps = ['content', 'consent', 'name', 'contact', 'confirm'];
  for (let at = 0; at < steps.length; at++) {
    for (const word of ['hủy', 'huy']) {
      it(`"${word}" at the ${steps[at]} step ends the dialogue and stores nothing`, async () => {
        const say = chat(assistant, `cancel-${at}-${word}`);
        for (const line of accented.slice(0, at + 1)) await say(line);
        const r = await say(word);
        expect(r.text).toMatch(/Đã hủy phản ánh/);
        expect(r.text).toMatch(/không được lưu/);
        expect(await allRecords(store)).toEqual([]);
        // and it is really over: "Gửi" now does not file anything
        await say('Gửi');
        expect(await allRecords(store)).toEqual([]);
      });
    }
  }

  it('takes nothing but an explicit "Đồng ý" as consent, and stores nothing on a refusal', async () => {
    const say = chat(assistant, 'no-consent');
    await say(accented[0]);
    await say(accented[1]);
    for (const notConsent of ['ok', 'có', 'vâng', 'y', 'đồng ý không?', '   ', 'Nguyễn Văn An', '0912345678']) {
      const r = await say(notConsent);
      expect(r.text).toMatch(/chưa nhận được sự đồng ý/);
    }
    const refused = await say('Không đồng ý');
    expect(refused.text).toMatch(/không lưu lại gì/);
    for (const line of accented.slice(3)) await say(line);
    expect(await allRecords(store)).toEqual([]);
  });

  it('explains each invalid answer and asks again', async () => {
    const say = chat(assistant, 'invalid');
    await say('phản ánh');
    expect((await say('chậm quá')).text).toMatch(/Nội dung hơi ngắn/);
    expect((await say('Cán bộ <script>alert(1)</script> không tiếp dân đúng giờ')).text).toMatch(/HTML/);
    await say(accented[1]);
    await say('đồng ý');
    expect((await say('0912345678')).text).toMatch(/Họ và tên chỉ gồm chữ cái/);
    await say('Phạm Thị Dung');
    expect((await say('0123')).text).toMatch(/Số điện thoại chưa đúng/);
    expect((await say('dung@gmail')).text).toMatch(/email chưa đúng/);
    const review = await say('+84 912 345 678');
    expect(review.text).toContain('0912345678');
    expect((await say('để tôi nghĩ đã')).text).toMatch(/chưa được gửi/);
    expect(await allRecords(store)).toEqual([]);
  });

  it('lets the citizen fix a field from the read-back', async () => {
    const say = chat(assistant, 'edit');
    for (const line of accented.slice(0, 5)) await say(line);
    expect((await say('sửa tên')).text).toMatch(/họ và tên/);
    const review = await say('Nguyễn Văn Bình');
    expect(review.text).toContain('Nguyễn Văn Bình');
    expect((await say('sửa liên hệ')).text).toMatch(/số điện thoại hoặc email/);
    await say('binh@example.vn');
    await say('Gửi');
    const [rec] = await allRecords(store);
    expect(rec.contact).toEqual({ name: 'Nguyễn Văn Bình', email: 'binh@example.vn' });
  });

  it('keeps two sessions apart', async () => {
    const a = chat(assistant, 'sess-a', 'zalo', 'zalo-a');
    const b = chat(assistant, 'sess-b', 'zalo', 'zalo-b');
    await a(accented[0]);
    await b(unaccented[0]);
    await a(accented[1]);
    await b(unaccented[1]);
    for (const i of [2, 3, 4, 5]) {
      await a(accented[i]);
      await b(unaccented[i]);
    }
    const recs = await allRecords(store);
    expect(recs.map((r) => [r.channelUserId, r.content]).sort()).toEqual([['zalo-a', accented[1]], ['zalo-b', unaccented[1]]]);
  });

  it('explains where complaints and denunciations go and stores nothing', async () => {
    const say = chat(assistant, 'complaint');
    const r = await say('Tôi muốn tố cáo cán bộ địa chính xã nhận tiền');
    expect(r.intent).toBe('out_of_scope');
    expect(r.text).toMatch(/Luật Tố cáo năm 2018/);
    expect(r.text).toMatch(/Luật Khiếu nại năm 2011/);
    expect(r.text).toMatch(/phản ánh/);
    const k = await say('toi muon khieu nai quyet dinh xu phat cua xa');
    expect(k.intent).toBe('out_of_scope');
    expect(await allRecords(store)).toEqual([]);
  });

  it('follows up: the status only after the contact matches, the same answer for unknown code and wrong contact', async () => {
    const say = chat(assistant, 'file');
    for (const line of accented) await say(line);
    const [rec] = await allRecords(store);
    await desk.transition(rec.code, { to: 'processing', classification: 'thuoc_tham_quyen', note: 'Đã giao Văn phòng UBND xã xác minh' }, { username: 'canbo1', role: 'reviewer' });

    const ask = chat(assistant, 'follow');
    const first = await ask(`phản ánh ${rec.code} đến đâu rồi`);
    expect(first.intent).toBe('feedback_status');
    expect(first.text).toMatch(/số điện thoại hoặc email/);
    const wrong = await ask('0987000111');
    expect(wrong.text).toBe(notFoundText);

    const other = rec.code.replace(/\d{6}$/, (d) => String(Number(d) + 1).padStart(6, '0'));
    await ask(`phan anh ${other} den dau roi`);
    const unknown = await ask('0912345678');
    expect(unknown.text).toBe(notFoundText);

    await ask(`phan anh ${rec.code.toLowerCase()} den dau roi`);
    const ok = await ask('0912 345 678');
    expect(ok.intent).toBe('feedback_status');
    expect(ok.text).toContain(rec.code);
    expect(ok.text).toMatch(/Đang xem xét, xử lý/);
    expect(ok.text).toContain(`${formatDate(rec.receivedAt)}: Đã tiếp nhận`);
    expect(ok.text).toContain('Đã giao Văn phòng UBND xã xác minh');
  });

  it('asks for the code when a follow-up does not give one', async () => {
    const ask = chat(assistant, 'nocode');
    expect((await ask('tra cứu phản ánh')).text).toMatch(/mã phản ánh/);
    expect((await ask('không nhớ')).text).toMatch(/PA-2026-000123/);
    expect((await ask('PA-2026-999999')).text).toMatch(/số điện thoại hoặc email/);
    expect((await ask('0912345678')).text).toBe(notFoundText);
  });

  it('lets go of a follow-up after two unusable answers, so the next question is answered normally', async () => {
    const ask = chat(assistant, 'letgo');
    await ask('phản ánh PA-2026-000001 đến đâu rồi');
    expect((await ask('số nào cũng được')).text).toMatch(/số điện thoại/);
    expect((await ask('lệ phí làm hộ chiếu bao nhiêu')).text).toMatch(/dừng tra cứu/);
    const next = await ask('xin chào');
    expect(next.intent).not.toBe('feedback_status');
  });
});

describe.skipIf(!hasRedis)('feedback dialogue when the store goes down (Redis)', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await startRedis(); });
  afterAll(async () => { await redis?.close(); });

  it('says so kindly, keeps the draft, and files exactly once on "thử lại"', async () => {
    const client = connectRedis(redis.url, log, 'dialogue-test');
    await redisReady(client);
    const store = new RedisFeedbackStore(client);
    const { assistant } = await assistantOn(store);
    const say = chat(assistant, 'down');
    for (const line of accented.slice(0, 5)) await say(line);

    await redis.stop();
    const failed = await say('Gửi');
    expect(failed.text).toMatch(/hệ thống đang bận/);
    expect(failed.text).toMatch(/Thử lại/);
    expect(failed.text).not.toMatch(/PA-\d{4}-\d{6}/);

    await redis.restart();
    await redisReady(client, 10_000).catch(() => undefined);
    let done = await say('thử lại');
    for (let i = 0; i < 20 && !/PA-\d{4}-\d{6}/.test(done.text); i++) {
      await new Promise((r) => setTimeout(r, 200)); // the client reconnects in the background
      done = await say('thử lại');
    }
    expect(done.text).toMatch(/Mã phản ánh: PA-2026-\d{6}/);
    const records = await allRecords(store);
    expect(records).toHaveLength(1);
    expect(records[0].content).toBe(accented[1]);
    await store.close();
  });
});


describe.skipIf(!hasShared)('complaints about what a published procedure settles (national corpus)', () => {
  let assistant: Assistant;
  let store: EmbeddedFeedbackStore;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'complaint-'));
    store = await EmbeddedFeedbackStore.open(dir);
    const desk = new FeedbackDesk({ store, deadlines: defaultDeadlines, holidays: holidaySet(), log, clock: () => now });
    const skills = [createFeedbackStatusSkill({ feedback: desk, log }), createFeedbackIntakeSkill({ feedback: desk, log })];
    const { procedures } = await importFiles([portalCrawl]);
    ({ assistant } = await loadEngine({ knowledgeDir: dir, procedures, skills, snapshotPath: null }));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    // "Giải quyết khiếu nại về quyết định hành chính ... đối với lực lượng Công an nhân dân"
    ['dạ em bị phòng cảnh sát giao thông công an tỉnh ra quyết định xử phạt mà em thấy không đúng muốn khiếu nại thì trình tự giải quyết như thế nào ạ', 'steps', ['1.003504', '1.004335', '1.000178']],
    // "Thủ tục giải quyết khiếu nại về trợ giúp pháp lý"
    ['Tôi không đồng ý với cách trung tâm trợ giúp pháp lý giải quyết vụ việc của mình, muốn khiếu nại thì gửi đơn ở đâu?', 'where', ['2.000592']],
    // The aspect asked ("thời hạn ... bao lâu") counts even where "tố cáo cán bộ" reads as feedback.
    ['Tôi gửi đơn tố cáo cán bộ công an lên Bộ Công an (việc không liên quan tố tụng hình sự), thời hạn giải quyết tố cáo là bao lâu?', 'deadline', ['1.003523', '1.003482', '1.004327']],
  ])('answers the procedure: %s', async (text, intent, codes) => {
    const r = await chat(assistant, `c-${text.length}`)(text);
    expect(r.intent).toBe(intent);
    expect(codes).toContain(r.code);
  });

  it('still explains where other complaints go, and stores nothing', async () => {
    for (const text of ['Tôi muốn khiếu nại quyết định xử phạt của UBND xã thì nộp ở đâu', 'gửi đơn khiếu nại ở đâu']) {
      const r = await chat(assistant, 'other')(text);
      expect(r.intent, text).toBe('out_of_scope');
      expect(r.text).toMatch(/Luật Khiếu nại năm 2011/);
    }
    expect(await allRecords(store)).toEqual([]);
  });
});
