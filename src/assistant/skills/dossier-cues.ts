/**
 * Cue phrases of the dossier dialogue, read from diacritic-folded lower-case text so that
 * "hồ sơ của tôi đến đâu" and "ho so cua toi den dau" mean the same. Pure functions.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9@.\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new RegExp([
  '\\b(?:tra cuu|kiem tra|theo doi|tinh trang|trang thai|tien do)(?: (?:tinh trang|tien do|trang thai))? (?:cua )?ho so\\b',
  '\\bho so (?:cua (?:toi|minh|em|chau|con|bo|me|ong|ba)|toi da nop|da nop)\\b',
  '\\bho so\\b(?: [a-z0-9.-]+){0,6} (?:den dau|toi dau|xong chua|da xong chua|co ket qua chua|the nao roi|ra sao roi|duoc chua|xu ly chua|xu ly den dau)\\b',
  '\\bma ho so\\b',
  '\\bgiay hen (?:tra ket qua|tra)\\b(?: [a-z0-9.-]+){0,4} (?:tra cuu|kiem tra|den dau)\\b',
].join('|'));

/** "tra cứu hồ sơ", "hồ sơ của tôi đến đâu rồi", "mã hồ sơ ...". */
export function isLookupRequest(text: string): boolean {
  return LOOKUP.test(fold(text));
}

const WATCH = /\b(?:bao|thong bao|nhan tin|nhan thong bao|bao tin)(?: (?:cho|lai))?(?: (?:toi|minh|em|chau))?(?: biet)? (?:khi|luc|ngay khi) (?:co ket qua|xong|ho so (?:xong|co ket qua|thay doi)|co thay doi|co tin)\b|\btheo doi giup\b|^(?:dang ky )?nhan thong bao\b/;

/** "báo cho tôi khi có kết quả", "thông báo khi hồ sơ xong". */
export function isWatchRequest(text: string): boolean {
  return WATCH.test(fold(text));
}

const FEEDBACK = /\b(?:phan anh|kien nghi|gop y|khieu nai|to cao)\b/;

/** Feedback about a dossier ("tôi muốn phản ánh hồ sơ ... bị trễ hẹn") belongs to the feedback dialogue. */
export function isFeedbackAbout(text: string): boolean {
  return FEEDBACK.test(fold(text));
}

const CANCEL = /^(?:huy|thoi|khong tra nua|dung lai|bo qua|cancel|thoat)\b/;

export function isCancel(text: string): boolean {
  return CANCEL.test(fold(text));
}
