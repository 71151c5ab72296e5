import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/assistant/engine.js';
import { ask } from '../../src/assistant/ask.js';
import { createDossierCapability } from '../../src/dossiers/dossier-capability.js';
import { createEmbeddedProvider } from '../../src/dossiers/embedded-provider.js';
import { createEmbeddedSubscriptionStore } from '../../src/store/dossier-subscriptions-embedded.js';
import { createOutbox, type Outbox } from '../../src/notify/outbox.js';
import { openOutboxStore } from '../../src/store/outbox-store.js';
import { createLogger } from '../../src/log.js';
import type { DossierWatch } from '../../src/dossiers/dossier-watch.js';
import type { Turn } from '../../src/assistant/turn.js';
import { record, vn } from './fixtures.js';

/**
 * The dossier dialogue through the real assistant (the same `ask` the CLI and /api/ask use),
 * the embedded provider over a dossiers.json, a real outbox on disk and the watcher.
 */
const code = '000.00.12.H23-241115-0001';
const config = { DOSSIER_API_URL: undefined, DOSSIER_API_TOKEN: undefined, DOSSIER_TIMEOUT_MS: 3000, DOSSIER_CACHE_SECONDS: 0, DOSSIER_POLL_SECONDS: 300, HOLIDAYS: undefined };

let dataDir: string;
let engine: Engine;
let outbox: Outbox;
let watch: DossierWatch;
let file: string;

function writeDossiers(status: number) {
  writeFileSync(file, JSON.stringify({ dossiers: [
    record({ TrangThaiHoSo: status, NgayKetThucXuLy: status >= 9 ? '20241125160000' : null }),
    record({ MaHoSo: '38.98.H29-210519-0013', SoDienThoai: '0987654321', TrangThaiHoSo: 5, QuaTrinhXuLy: [{ NoiDungXuLy: 'Bổ sung bản sao giấy khai sinh', ThoiDiemXuLy: '20210520090000', PhongBanXuLy: null }] }),
  ] }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dossier-conv-'));
  file = join(dataDir, 'dossiers.json');
  writeDossiers(4);
  const log = createLogger('silent');
  outbox = createOutbox({ store: await openOutboxStore({ DATA_DIR: dataDir, REDIS_URL: undefined }), log });
  outbox.registerSender('telegram', async () => undefined); // registered so the channel can be notified; the loop is not started
  const cap = createDossierCapability({
    config: { ...config, DATA_DIR: dataDir }, log, outbox,
    subscriptions: createEmbeddedSubscriptionStore(join(dataDir, 'dossier-subscriptions.json')),
    provider: createEmbeddedProvider({ file, createDemo: false }),
  });
  watch = cap.watch!;
  engine = await loadEngine({ knowledgeDir: dataDir, procedures: [], skills: [cap.skill], snapshotPath: null });
});

const say = (text: string, session: string, channel = 'cli') => ask(engine.assistant, { text, session, channel });

describe('dossier status in a conversation', () => {
  it('typed code -> asks the last 4 digits -> status', async () => {
    const first = await say(`Hồ sơ ${code} của tôi đến đâu rồi?`, 'c1');
    expect(first).toMatchObject({ intent: 'dossier_status', clarify: false });
    expect(first.text).toContain('4 số cuối của số điện thoại');
    expect(first.text).not.toContain('Đang xử lý');
    const second = await say('5678', 'c1');
    expect(second.intent).toBe('dossier_status');
    expect(second.text).toContain(`Hồ sơ ${code}`);
    expect(second.text).toContain('Tình trạng: Đang xử lý.');
    expect(second.text).toContain('Người nộp: Nguyễn V. A.');
    expect(second.speak).toContain('không không không chấm không không chấm một hai chấm hát hai ba');
  });

  it('asks for the code when it is missing, accepts it spoken, and the contact in the same message', async () => {
    const first = await say('tra cứu hồ sơ', 'c2');
    expect(first.intent).toBe('dossier_status');
    expect(first.text).toContain('mã hồ sơ');
    const second = await say('ba tám chấm chín tám chấm hát hai chín gạch hai một không năm một chín gạch không không một ba, số cuối 4321', 'c2');
    expect(second.text).toContain('Tình trạng: Yêu cầu bổ sung giấy tờ.');
    expect(second.text).toContain('Bổ sung bản sao giấy khai sinh');
  });

  it('a wrong contact gets the same answer as an unknown code, and can be corrected', async () => {
    await say(`hồ sơ ${code}`, 'c3');
    const wrong = await say('1111', 'c3');
    await say('hồ sơ 000.00.12.H23-241115-0999', 'c4');
    const unknown = await say('5678', 'c4');
    expect(wrong.text).toBe(unknown.text);
    expect(wrong.text).toContain('Không tìm thấy hồ sơ');
    const right = await say('5678', 'c3');
    expect(right.text).toContain('Tình trạng: Đang xử lý.');
  });

  it('a code typed with spaces is not mistaken for the contact; a contact with a cue in the same message is', async () => {
    const spaced = await say('000 00 12 h23 241115 0001', 'c8');
    expect(spaced.text).toContain('4 số cuối');
    const both = await say(`hồ sơ ${code} sđt đuôi 5678`, 'c9');
    expect(both.text).toContain('Tình trạng: Đang xử lý.');
  });

  it('a message without the digits is asked again once, then the lookup stops', async () => {
    await say(`hồ sơ ${code}`, 'c10');
    const again = await say('tôi không nhớ', 'c10');
    expect(again.text).toContain('chưa nhận được 4 số cuối');
    const stop = await say('lệ phí bao nhiêu', 'c10');
    expect(stop.text).toContain('tạm dừng tra cứu hồ sơ');
    const next = await say('5678', 'c10');
    expect(next.text).not.toContain('Tình trạng');
  });

  it('"hủy" ends the dialogue', async () => {
    await say('tra cứu hồ sơ', 'c5');
    const out = await say('Hủy', 'c5');
    expect(out.text).toContain('Đã hủy tra cứu hồ sơ');
    const after = await say('5678', 'c5');
    expect(after.intent).not.toBe('dossier_status');
  });

  it('a feedback about a late dossier is left to the feedback dialogue', async () => {
    const out = await say(`Tôi muốn phản ánh hồ sơ ${code} bị trễ hẹn`, 'c6');
    expect(out.text).not.toContain('4 số cuối'); // the dossier skill did not take it (no feedback skill in this engine)
  });

  it('on a channel without notifications, "báo cho tôi khi có kết quả" says so', async () => {
    await say(`hồ sơ ${code}`, 'c7');
    await say('5678', 'c7');
    const out = await say('Báo cho tôi khi có kết quả', 'c7');
    expect(out.intent).toBe('dossier_status');
    expect(out.text).toContain('chưa gửi được thông báo');
  });
});

describe('overdue in the conversation, with a fixed clock', () => {
  const at = (text: string, now: Date): Turn => ({ channel: 'zalo', userId: 'z-1', session: 'zalo:z-1', text, now });

  it.each([
    ['on the appointment day', vn('2024-11-26'), 'Hôm nay là ngày hẹn trả kết quả.'],
    ['the Friday before, counting Monday and Tuesday', vn('2024-11-22'), 'còn 2 ngày làm việc'],
    ['the Saturday after', vn('2024-11-30'), 'đã quá hạn 3 ngày làm việc'],
    ['the Monday after a weekend', vn('2024-12-02'), 'đã quá hạn 4 ngày làm việc'],
  ])('%s', async (_when, now, expected) => {
    writeDossiers(4);
    await engine.assistant.handle(at(`hồ sơ ${code}`, now));
    const out = await engine.assistant.handle(at('5678', now));
    expect(out.replies[0].text).toContain(expected);
  });
});

describe('"báo cho tôi khi có kết quả" and the watcher', () => {
  const turn = (text: string): Turn => ({ channel: 'telegram', userId: 'chat-77', session: 'tg:77', text, now: vn('2024-11-20') });

  it('subscribes after the status is shown and notifies through the outbox when it changes', async () => {
    writeDossiers(4);
    await engine.assistant.handle(turn(`hồ sơ ${code}`));
    const shown = await engine.assistant.handle(turn('5678'));
    expect(shown.replies[0].choices?.map((c) => c.label)).toContain('Báo cho tôi khi có kết quả');
    const sub = await engine.assistant.handle(turn('Báo cho tôi khi có kết quả'));
    expect(sub.replies[0].text).toContain('Tôi sẽ nhắn cho bạn');

    // The appointment (26/11/2024) is long past on the real clock: one late notice, with the rule and the feedback offer.
    expect(await watch.checkOnce()).toMatchObject({ checked: 1, notified: 1 });
    const late = await outbox.pending();
    expect(late).toHaveLength(1);
    expect(late[0].notification).toMatchObject({ channel: 'telegram', userId: 'chat-77', kind: 'dossier_late', ref: code });
    expect(late[0].notification.text).toContain('Mẫu số 04');
    expect(late[0].notification.choices?.[0].label).toBe('Gửi phản ánh về việc trễ hẹn');
    expect(await watch.checkOnce()).toMatchObject({ checked: 1, notified: 0 }); // told once only

    writeDossiers(9);
    expect(await watch.checkOnce()).toMatchObject({ checked: 1, notified: 1 });
    const pending = (await outbox.pending()).filter((e) => e.notification.kind === 'dossier_status');
    expect(pending).toHaveLength(1);
    expect(pending[0].notification).toMatchObject({ channel: 'telegram', userId: 'chat-77', kind: 'dossier_status', ref: code });
    expect(pending[0].notification.text).toContain('Đã xử lý xong');
    expect(pending[0].notification.text).toContain('nhận kết quả');

    expect(await watch.checkOnce()).toMatchObject({ notified: 0 }); // no change, no second message

    writeDossiers(10);
    expect(await watch.checkOnce()).toMatchObject({ notified: 1, ended: 1 }); // returned: the subscription ends
    expect(await watch.checkOnce()).toMatchObject({ checked: 0 });
  });
});
