import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { UnavailableError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Dossier } from './dossier.js';
import { normalizeDossierCode } from './dossier-code.js';
import { formatVnDateTime, fromNationalRecord, nationalRecordSchema, type NationalRecord } from './national-record.js';
import type { DossierProvider } from './provider.js';
import { addWorkingDays } from '../feedback/working-days.js';

/**
 * Dossiers from `DATA_DIR/dossiers.json`, in the same national vocabulary as the HTTP API:
 * for demos, tests and offices without an API (staff export the file from their system).
 * The file is re-read when it changes, so an office can replace it without a restart.
 * A missing file is created with a few clearly fictional dossiers so a demo works at once.
 */
const fileSchema = z.union([
  z.array(nationalRecordSchema),
  z.object({ dossiers: z.array(nationalRecordSchema) }).passthrough().transform((f) => f.dossiers),
]);

export interface EmbeddedProviderOptions {
  file: string;
  log?: Logger;
  /** Create a demo file when none exists (default true). */
  createDemo?: boolean;
  now?: () => Date;
}

export function createEmbeddedProvider(opts: EmbeddedProviderOptions): DossierProvider {
  let byCode = new Map<string, Dossier>();
  let loadedMtime = -1;
  let loading: Promise<void> | null = null;
  // The demo file is written only on the very first look: a file an office removes later must not come back as demo data.
  let firstLook = true;

  async function load(): Promise<void> {
    let mtime: number;
    try {
      mtime = (await stat(opts.file)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UnavailableError('dossier file', err);
      if (opts.createDemo === false || !firstLook) {
        byCode = new Map();
        loadedMtime = -1;
        return;
      }
      firstLook = false;
      await writeDemoFile(opts.file, opts.now?.() ?? new Date());
      opts.log?.info({ file: opts.file }, 'created a demo dossiers.json with fictional dossiers');
      mtime = (await stat(opts.file)).mtimeMs;
    }
    firstLook = false;
    if (mtime === loadedMtime) return;
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(await readFile(opts.file, 'utf8')));
    } catch (err) {
      opts.log?.error({ file: opts.file, err: (err as Error).message }, 'dossiers.json is not valid JSON');
      throw new UnavailableError('dossier file', err);
    }
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      opts.log?.error({ file: opts.file, issues }, 'dossiers.json does not follow the national vocabulary');
      throw new UnavailableError('dossier file', new Error(issues));
    }
    byCode = new Map(parsed.data.map((r) => [normalizeDossierCode(r.MaHoSo), fromNationalRecord(r)]));
    loadedMtime = mtime;
  }

  async function fresh(): Promise<void> {
    loading ??= load().finally(() => { loading = null; });
    await loading;
  }

  return {
    name: 'embedded',
    async find(code) {
      await fresh();
      return byCode.get(normalizeDossierCode(code)) ?? null;
    },
    async ready() {
      try {
        await fresh();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Fictional dossiers dated around `now`, one per situation a demo should show: in time, late,
 * more papers requested, fees due, finished and returned. Names, phones and codes are made up.
 */
export function demoRecords(now: Date): NationalRecord[] {
  const day = (n: number) => formatVnDateTime(addWorkingDays(at8(now), n));
  const base = {
    SoDienThoai: null as string | null, Email: null as string | null, NgayKetThucXuLy: null as string | null,
    DonViXuLy: 'Bộ phận Một cửa UBND xã Minh Họa (dữ liệu minh họa)',
  };
  return [
    {
      ...base, MaHoSo: '000.00.12.H99-000001-0001', MaTTHC: '1.004222', TenTTHC: 'Đăng ký thường trú',
      ChuHoSo: 'Nguyễn Văn Minh Họa', SoDienThoai: '0900000001', NgayTiepNhan: day(-3), NgayHenTra: day(4), TrangThaiHoSo: 4,
      QuaTrinhXuLy: [
        { NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: day(-3), PhongBanXuLy: 'Bộ phận Một cửa' },
        { NoiDungXuLy: 'Chuyển Công an xã thẩm định', ThoiDiemXuLy: day(-2), PhongBanXuLy: 'Công an xã' },
      ],
    },
    {
      ...base, MaHoSo: '000.00.12.H99-000001-0002', MaTTHC: '1.012784', TenTTHC: 'Tách thửa hoặc hợp thửa đất',
      ChuHoSo: 'Trần Thị Thử Nghiệm', SoDienThoai: '0900000002', NgayTiepNhan: day(-20), NgayHenTra: day(-3), TrangThaiHoSo: 4,
      QuaTrinhXuLy: [{ NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: day(-20), PhongBanXuLy: 'Bộ phận Một cửa' }],
    },
    {
      ...base, MaHoSo: '000.00.12.H99-000001-0003', MaTTHC: '1.001193', TenTTHC: 'Thủ tục đăng ký khai sinh',
      ChuHoSo: 'Lê Văn Mẫu', Email: 'demo@example.com', NgayTiepNhan: day(-2), NgayHenTra: day(1), TrangThaiHoSo: 5,
      QuaTrinhXuLy: [
        { NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: day(-2), PhongBanXuLy: 'Bộ phận Một cửa' },
        { NoiDungXuLy: 'Yêu cầu bổ sung bản sao giấy chứng sinh', ThoiDiemXuLy: day(-1), PhongBanXuLy: 'Công chức Tư pháp - Hộ tịch' },
      ],
    },
    {
      ...base, MaHoSo: '38.98.H99-000001-0004', MaTTHC: '2.000815', TenTTHC: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
      ChuHoSo: 'Phạm Thị Ví Dụ', SoDienThoai: '0900000004', NgayTiepNhan: day(-5), NgayHenTra: day(-1), NgayKetThucXuLy: day(-1), TrangThaiHoSo: 9,
      QuaTrinhXuLy: [{ NoiDungXuLy: 'Đã ký kết quả', ThoiDiemXuLy: day(-1), PhongBanXuLy: 'Lãnh đạo UBND xã' }],
    },
  ];
}

function at8(now: Date): Date {
  const d = new Date(now);
  d.setUTCHours(1, 0, 0, 0); // 08:00 in Vietnam
  return d;
}

async function writeDemoFile(file: string, now: Date): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const body = {
    note: 'Dữ liệu minh họa, không phải hồ sơ thật. Thay tệp này bằng dữ liệu xuất từ hệ thống một cửa của đơn vị.',
    dossiers: demoRecords(now),
  };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

export const defaultDossierFile = (dataDir: string) => join(dataDir, 'dossiers.json');
