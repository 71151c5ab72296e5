/**
 * Cue phrases of the feedback dialogue, read from diacritic-folded text so that "Đồng ý" and
 * "dong y", "hủy" and "huy" mean the same. Pure functions; the skills decide what to do.
 */

/** Fold again defensively (idempotent), drop punctuation, squeeze spaces. */
export function plain(folded: string): string {
  return folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd').replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9@.\s-]/g, ' ')
    .replace(/[.]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CODE = /\bPA\s*-?\s*(\d{4})\s*-?\s*(\d{6})\b/i;

/** A feedback tracking code as typed ("PA-2026-000123", "pa 2026 000123"), canonical, or null. */
export function findFeedbackCode(text: string): string | null {
  const m = CODE.exec(text);
  return m ? `PA-${m[1]}-${m[2]}` : null;
}

const STATUS = /\b(?:phan anh|kien nghi|gop y)\b(?: [a-z0-9-]+){0,6} (?:den dau|the nao roi|ra sao roi|xu ly chua|xu ly den dau|tra loi chua|co ket qua chua|tinh trang)\b|\b(?:tinh trang|tien do|theo doi|tra cuu|kiem tra) (?:cua )?(?:phan anh|kien nghi)\b/;

/** "phản ánh PA-2026-000123 đến đâu rồi", "tra cứu phản ánh": a follow-up, not a new feedback. */
export function isStatusRequest(text: string, folded: string): boolean {
  const p = plain(folded);
  if (findFeedbackCode(text) && !/^(?:toi )?(?:muon )?(?:gui )?(?:phan anh|kien nghi|gop y) (?:moi|them)\b/.test(p)) return true;
  return STATUS.test(p);
}

const FEEDBACK = /\b(?:phan anh|kien nghi|gop y|khieu nai ve (?:thai do|tac phong|cach phuc vu|cach lam viec))\b/;

/** Wants to give feedback or a recommendation (phản ánh, kiến nghị, góp ý). */
export function isFeedbackRequest(folded: string): boolean {
  return FEEDBACK.test(plain(folded));
}

const COMPLAINT = /\b(?:khieu nai|to cao)\b/;
const WANTS = /\b(?:muon|can|xin|gui|nop|viet|lam don|lam sao|cach|o dau|di dau|cho nao|den dau) (?:(?:don|de|duoc) )?(?:khieu nai|to cao)\b|^(?:toi |em |minh |chau )?(?:khieu nai|to cao) (?:ve |viec |can bo|cong chuc|ong |ba |anh |chi |ubnd|uy ban|cong an|chu tich|quyet dinh|hanh vi|toi|nguoi)/;
const PROCEDURE_QUESTION = /\b(?:thu tuc|giay to|thanh phan|le phi|bao lau|thoi han giai quyet|mau don|mau so|can gi|can nhung gi|ho so gom)\b/;

/**
 * Wants to file a formal complaint (khiếu nại) or denunciation (tố cáo). Those follow their own
 * laws and are not taken in chat. A question about the published procedure for settling them
 * ("thủ tục giải quyết khiếu nại cần giấy tờ gì") is a procedure question and is left alone, and
 * "khiếu nại về thái độ" of an official is ordinary feedback about conduct.
 */
export function isComplaintOrDenunciation(folded: string): boolean {
  const p = plain(folded);
  if (!COMPLAINT.test(p) || FEEDBACK.test(p) || PROCEDURE_QUESTION.test(p)) return false;
  return WANTS.test(p);
}

/** Explicit consent only: "Đồng ý", "tôi đồng ý", "vâng, tôi đồng ý ạ". Never "ok", "có" or silence. */
export function isConsent(folded: string): boolean {
  return /^(?:(?:vang|da|da vang|vang a|co)\s)?(?:toi |em |minh |chau )?(?:xin )?dong y(?: a| nhe)?$/.test(plain(folded));
}

export function isRefusal(folded: string): boolean {
  return /^(?:(?:toi |em |minh )?khong(?: dong y)?|tu choi)(?: a)?$/.test(plain(folded));
}

/** "hủy", "huy bo", "thôi không gửi nữa": cancel the dialogue at any step. */
export function isCancel(folded: string): boolean {
  return /^(?:(?:toi |em |minh )?(?:muon |xin )?)?(?:huy|huy bo|huy phan anh|thoi|thoi khong gui nua|khong gui nua|dung lai)(?: a| nhe)?$/.test(plain(folded));
}

/** Confirmation of the read-back summary (also "thử lại" after a failed submission). */
export function isConfirm(folded: string): boolean {
  return /^(?:(?:vang|da|ok|oke|dung roi|dung)\s)?(?:gui|gui di|gui phan anh|xac nhan|dong y gui|dong y|dung roi|chinh xac|thu lai|gui lai|co)(?: a| nhe| di)?$/.test(plain(folded));
}

export type EditTarget = 'content' | 'name' | 'contact';

/** "sửa nội dung", "sửa tên", "sửa số điện thoại" on the read-back summary. */
export function editTarget(folded: string): EditTarget | null {
  const p = plain(folded);
  if (!/^(?:toi muon |xin )?(?:sua|doi|thay doi|chinh sua)\b/.test(p)) return null;
  if (/\b(?:noi dung|phan anh)\b/.test(p)) return 'content';
  if (/\b(?:ten|ho ten|ho va ten)\b/.test(p)) return 'name';
  if (/\b(?:lien he|so dien thoai|sdt|dien thoai|so|email|thu dien tu)\b/.test(p)) return 'contact';
  return null;
}
