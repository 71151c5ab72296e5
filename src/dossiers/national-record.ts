import { z } from 'zod';
import type { Dossier, DossierStatus } from './dossier.js';

/**
 * The national sync vocabulary (CONTRACTS.md §5) that provincial one-stop systems answer with,
 * and that `DATA_DIR/dossiers.json` uses too. Dates are `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh.
 */
const vnDateTime = z.string().regex(/^\d{14}$/, 'ngày giờ phải có dạng yyyyMMddHHmmss')
  .refine((v) => { try { parseVnDateTime(v); return true; } catch { return false; } }, 'ngày giờ không tồn tại');
const text = z.string().trim();
const optionalText = z.string().trim().nullish().transform((v) => (v ? v : null));

export const nationalRecordSchema = z.object({
  MaHoSo: text.min(1),
  MaTTHC: optionalText,
  TenTTHC: text.min(1),
  ChuHoSo: text.min(1),
  SoDienThoai: optionalText,
  Email: optionalText,
  NgayTiepNhan: vnDateTime.nullish(),
  NgayHenTra: vnDateTime.nullish(),
  NgayKetThucXuLy: vnDateTime.nullish(),
  TrangThaiHoSo: z.coerce.number().int().min(1).max(10),
  DonViXuLy: optionalText,
  QuaTrinhXuLy: z.array(z.object({
    NoiDungXuLy: text,
    ThoiDiemXuLy: vnDateTime.nullish(),
    PhongBanXuLy: optionalText,
  })).default([]),
});
export type NationalRecord = z.infer<typeof nationalRecordSchema>;

/** `20241126170000` read as Vietnamese local time (UTC+7, no daylight saving). */
export function parseVnDateTime(value: string): Date {
  const [y, mo, d, h, mi, s] = [value.slice(0, 4), value.slice(4, 6), value.slice(6, 8), value.slice(8, 10), value.slice(10, 12), value.slice(12, 14)];
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`);
  // A round trip catches 20241131... (no 31 November), which Date would roll into December.
  if (Number.isNaN(date.getTime()) || formatVnDateTime(date) !== value) throw new RangeError(`invalid date ${value}`);
  return date;
}

/** The reverse, for writing demo data and provider stubs. */
export function formatVnDateTime(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const at = (v: string | null | undefined) => (v ? parseVnDateTime(v) : null);

export function fromNationalRecord(r: NationalRecord): Dossier {
  return {
    code: r.MaHoSo,
    procedureCode: r.MaTTHC,
    procedureName: r.TenTTHC,
    applicant: r.ChuHoSo,
    phone: r.SoDienThoai,
    email: r.Email,
    receivedAt: at(r.NgayTiepNhan),
    dueAt: at(r.NgayHenTra),
    finishedAt: at(r.NgayKetThucXuLy),
    status: r.TrangThaiHoSo as DossierStatus,
    agency: r.DonViXuLy,
    steps: r.QuaTrinhXuLy.map((s) => ({ note: s.NoiDungXuLy, at: at(s.ThoiDiemXuLy), department: s.PhongBanXuLy })),
  };
}
