import type { Intent } from './turn.js';

/**
 * Understanding what a citizen asks about a procedure, from cue phrases.
 *
 * Works on the diacritic-folded, lower-case text (`đ`→`d`, no tone marks) so that
 * "giấy tờ gì" and "giay to gi" read the same. Each cue carries a weight: a question phrase
 * ("bao nhiêu tiền", "ở đâu") outweighs a topic word that may only describe the case
 * ("nộp trực tuyến"), so "lệ phí làm hộ chiếu nộp trực tuyến" is about fees, not about online.
 * Ties go to the intent listed first in `precedence`.
 */
interface Cue {
  intent: Intent;
  weight: number;
  pattern: RegExp;
}

/**
 * Up to four words in between ("cần những loại giấy tờ gì"). Captured: the words in the gap may
 * name the procedure ("hồ sơ khai sinh cần gì", "thủ tục đăng ký khai sinh như thế nào") and stay
 * in the topic unless they are filler of the cue itself (gapFiller).
 */
const W = '((?:[a-z0-9]+ ){0,4})';
const gapFiller = new Set(['nhung', 'loai', 'cac', 'giay', 'to', 'ho', 'so', 'gi', 'can', 'phai', 'chuan', 'bi', 'mang', 'theo', 'nop', 'gom', 'co', 'nhu', 'the', 'nao', 'them', 'kem', 'nua', 'tat', 'ca', 'cu', 'thu', 'tuc', 'lam', 'thuc', 'hien', 'tien', 'hanh', 'se', 'duoc', 'di', 'ra', 'sao', 'minh', 'em', 'toi', 'a', 'thi', 'la', 'va', 'voi', 'cho', 'ban', 'mot', 'bo', 'tai', 'lieu', 'thanh', 'phan', 'day', 'du', 'cau', 'chi', 'tiet']);

const cues: Cue[] = [
  // fees
  { intent: 'fees', weight: 3, pattern: /\b(?:bao nhieu tien|may tien|(?:het|ton|mat) bao nhieu(?! ngay| thoi gian| lau| tuan| thang| gio)|bao nhieu phi|phi bao nhieu|gia bao nhieu|tien bao nhieu)\b/g },
  { intent: 'fees', weight: 3, pattern: /\b(?:mat (?:phi|tien|le phi)|co mat phi|co mien phi|mien phi khong|co phai nop (?:tien|phi|le phi)|co (?:thu|ton|mat) (?:tien|phi|le phi))\b/g },
  { intent: 'fees', weight: 2, pattern: /\b(?:le phi|phi le phi|phi va le phi|chi phi|mien phi|muc thu|tien phi|ton kem)\b/g },
  // "phí" alone folds like "phi" in "phi dự án" (non-project): a weak cue.
  { intent: 'fees', weight: 1, pattern: /\bphi\b/g },
  // deadline
  { intent: 'deadline', weight: 3, pattern: /\b(?:(?:mat|het|ton) (?:may ngay|bao lau|bao nhieu ngay|bao nhieu thoi gian|thoi gian)|may ngay|bao nhieu ngay|bao lau|bao gio (?:co|thi co|lay|nhan)|khi nao (?:co|thi co|lay|nhan|duoc)|mat bao nhieu thoi gian|lau khong|lau ko|trong bao lau|mat may)\b/g },
  { intent: 'deadline', weight: 2, pattern: /\b(?:thoi han giai quyet|thoi gian giai quyet|thoi gian xu ly|thoi han|thoi gian|ngay tra ket qua|hen tra)\b/g },
  // online
  { intent: 'online', weight: 3, pattern: /\b(?:(?:online|truc tuyen|qua mang|tren mang|vneid|qua app|tren app|dich vu cong)(?: [a-z]+){0,3} (?:duoc|duoc khong|khong)|co (?:online|truc tuyen) khong|co the (?:lam|nop|dang ky|thuc hien) (?:[a-z]+ ){0,3}(?:online|truc tuyen))\b/g },
  { intent: 'online', weight: 2, pattern: /\b(?:online|truc tuyen|vneid|qua mang|tren mang|cong dich vu cong|dich vu cong|qua internet)\b/g },
  // where
  { intent: 'where', weight: 3, pattern: /\b(?:o dau|tai dau|noi nao|cho nao|di dau|(?:len|ra|toi|xuong|vao) dau(?! roi)|den dau(?! roi)|co quan nao|don vi nao|cap nao (?:giai quyet|cap|tiep nhan|thuc hien)|ai (?:giai quyet|cap|tiep nhan)|nop (?:ho so )?(?:tai|o) (?:dau|co quan nao|noi nao))\b/g },
  { intent: 'where', weight: 2, pattern: /\b(?:noi nop|noi tiep nhan|dia chi|co quan (?:co tham quyen|thuc hien|tiep nhan|giai quyet)|tham quyen|dia diem|nop o|nop tai|co quan)\b/g },
  // papers
  { intent: 'papers', weight: 3, pattern: new RegExp(`\\b(?:(?:giay to|ho so|tai lieu|thanh phan) ${W}(?:gi|nao|gom)|can ${W}gi|gom ${W}(?:gi|nhung gi)|chuan bi ${W}gi|mang ${W}gi|mang theo|nop ${W}(?:giay to|ho so) gi|thanh phan ho so|bo ho so|ho so gom|can nhung gi|can giay to|ky gi)\\b`, 'dg') },
  // "giấy tờ tùy thân / cá nhân" names what the citizen has (an ID), not a request for the papers.
  { intent: 'papers', weight: 2, pattern: /\b(?:giay to(?! tuy than| ca nhan)|thanh phan|mau don|to khai|so luong ho so|ho so can|cho biet ho so|^ho so (?:de nghi|dang ky|xin))\b/g },
  // steps
  { intent: 'steps', weight: 3, pattern: new RegExp(`\\b(?:cac buoc|nhung buoc|buoc nao|may buoc|trinh tu|quy trinh|cach thuc thuc hien|(?:lam|thuc hien|tien hanh) ${W}(?:nhu the nao|the nao|ra sao)|cach lam|lam sao|lam the nao|thu tuc ${W}(?:nhu the nao|the nao|ra sao))\\b`, 'dg') },
  { intent: 'steps', weight: 1, pattern: /\b(?:nhu the nao|the nao|ra sao|huong dan)\b/g },
  // overview
  { intent: 'overview', weight: 2, pattern: /\b(?:thong tin (?:ve )?thu tuc|gioi thieu|tong quan|la gi|doi tuong (?:thuc hien|nao)|can cu phap ly|ket qua (?:la gi|nhan duoc)|dieu kien)\b/g },
  // dossier status
  { intent: 'dossier_status', weight: 4, pattern: /\b(?:tra cuu (?:tinh trang |tien do )?ho so|tinh trang ho so|tien do ho so|ho so cua toi|ma ho so|ho so (?:so|ma) [0-9a-z.-]*\d|ho so (?:da|dang) (?:xu ly|den dau)|ho so (?:xu ly )?den dau)\b/g },
  { intent: 'dossier_status', weight: 5, pattern: /\b[0-9a-z]{2,4}(?:\.[0-9a-z]{2,4}){2,4}-\d{6}-\d{3,5}\b/g },
  // feedback
  { intent: 'feedback', weight: 4, pattern: /\b(?:phan anh|kien nghi|gop y|to cao (?:can bo|hanh vi)|khieu nai ve (?:can bo|thai do)|muon phan anh|gui phan anh)\b/g },
  { intent: 'feedback_status', weight: 6, pattern: /\bpa-\d{4}-\d{6}\b/g },
  { intent: 'feedback_status', weight: 5, pattern: /\b(?:phan anh|kien nghi) ${W}(?:den dau|the nao roi|xu ly chua|tra loi chua|tinh trang)\b|\btinh trang (?:phan anh|kien nghi)\b|\btra cuu (?:phan anh|kien nghi)\b/g },
  // smalltalk
  { intent: 'smalltalk', weight: 2, pattern: /^(?:xin chao|chao|hello|hi|helo|alo|hey|cam on|thank|thanks|tks|ok|oke|vang|da vang|tam biet|bye|tro giup|giup (?:toi|minh|em)|help|huong dan su dung|ban la ai|ban lam duoc gi|ban giup duoc gi|menu|start|\/start|\/help)\b/g },
  { intent: 'smalltalk', weight: 1, pattern: /\b(?:xin chao|cam on|ban la ai|ban lam duoc gi|ban giup duoc gi|giup duoc gi)\b/g },
  // Everyday topics win only when nothing in the question asks about a procedure ("kinh doanh xổ số" is one).
  { intent: 'out_of_scope', weight: 1.5, pattern: /\b(?:ty gia|gia vang|gia xang|thoi tiet|troi (?:co )?mua|mua khong|nang nong|du bao|bong da|xo so|chung khoan|gia (?:do la|usd|bitcoin)|ket qua (?:xo so|bong da|tran)|nau an|mon an|bai hat|phim|truyen cuoi|ke chuyen|may gio roi|hom nay (?:la )?thu may)\b/g },
];

/** Listed order breaks ties: the narrower question wins over the broader one. */
const precedence: Intent[] = [
  'feedback_status', 'dossier_status', 'feedback', 'out_of_scope',
  'fees', 'deadline', 'papers', 'where', 'online', 'steps', 'overview', 'smalltalk',
];

export interface IntentReading {
  /** The best intent, or null when no cue was found (a bare procedure name: overview). */
  intent: Intent | null;
  scores: Partial<Record<Intent, number>>;
  /** Character spans of the cues, so the caller can cut them out of the text it searches with. */
  spans: Array<[number, number]>;
}

/** Read the intent of a folded, lower-case question. Pure. */
export function readIntent(folded: string): IntentReading {
  // Read twice per turn (the conversation core, then retrieval's action text): the last reading
  // is kept. Callers only read it.
  if (lastReading?.folded !== folded) lastReading = { folded, reading: readIntentOnce(folded) };
  return lastReading.reading;
}
let lastReading: { folded: string; reading: IntentReading } | null = null;

function readIntentOnce(folded: string): IntentReading {
  const scores: Partial<Record<Intent, number>> = {};
  const spans: Array<[number, number]> = [];
  for (const cue of cues) {
    cue.pattern.lastIndex = 0;
    for (const m of folded.matchAll(cue.pattern)) {
      scores[cue.intent] = Math.max(scores[cue.intent] ?? 0, cue.weight);
      const start = m.index ?? 0;
      let from = start;
      // Cut the cue around its gaps; in a gap, only the cue's own filler words.
      for (const gap of (m.indices ?? []).slice(1)) {
        if (!gap || gap[1] <= gap[0]) continue;
        spans.push([from, gap[0]]);
        let at = gap[0];
        for (const w of folded.slice(gap[0], gap[1]).split(' ')) {
          if (w && gapFiller.has(w)) spans.push([at, at + w.length]);
          at += w.length + 1;
        }
        from = gap[1];
      }
      spans.push([from, start + m[0].length]);
    }
  }
  let best: Intent | null = null;
  for (const intent of precedence) {
    const s = scores[intent] ?? 0;
    if (s > 0 && (best === null || s > (scores[best] ?? 0))) best = intent;
  }
  // "cảm ơn, cho hỏi lệ phí..." is a question, not smalltalk.
  if (best === 'smalltalk') {
    const other = precedence.find((i) => i !== 'smalltalk' && (scores[i] ?? 0) >= 2);
    if (other) best = other;
  }
  return { intent: best, scores, spans };
}

/**
 * Words that carry no topic: politeness, pronouns and question glue. Cut before deciding whether
 * a turn names a procedure. Folded forms collide ("bản"/"bạn", "nhà"/"nhé", "hội"/"hỏi", "đỏ"/"đó",
 * "sao" in "bản sao", "minh" in "chứng minh", "con" the child), so those are only cut in the
 * positions where they are glue: "cho hỏi", "còn ... thì sao", "... vậy".
 */
const filler = /\b(?:da|a|oi|cho (?:toi|em|minh|chau|con) hoi|cho hoi|xin hoi|toi|em|chau|muon|duoc|dc|khong|ko|k|nhi|nhe|thi|la|co|phai|lam|nhu|nao|gi|ve|cua|nay|voi|de|roi|het|ton|nhung|gio|thu tuc|thu tuc hanh chinh|tthc)\b|^(?:con|the(?! chap)|vay|ban oi)\b|\b(?:thi sao|the nao|vay|sao|nha|a|nhe)\s*$/g;

/**
 * The topic of the question: the folded text without intent cues and filler, used to decide
 * whether a turn names a procedure or only asks a follow-up ("còn lệ phí thì sao?").
 */
export function topicWords(folded: string, reading: IntentReading): string[] {
  const chars = folded.split('');
  for (const [a, b] of reading.spans) for (let i = a; i < b; i++) chars[i] = ' ';
  let text = chars.join('').replace(/[^a-z0-9.\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Twice: cutting a trailing "vậy" can expose a trailing "thì sao".
  for (let i = 0; i < 2; i++) text = text.replace(filler, ' ').replace(/\s+/g, ' ').trim();
  return text.split(/[^a-z0-9.]+/).filter((w) => w.length > 0 && w !== '.');
}

/** Cut cue spans out of a same-length text (the accented form aligned with the folded one). */
export function withoutSpans(text: string, spans: Array<[number, number]>): string {
  const chars = Array.from(text);
  if (chars.length !== text.length) return text; // astral characters: alignment unsafe, keep as is
  for (const [a, b] of spans) for (let i = a; i < b && i < chars.length; i++) chars[i] = ' ';
  return chars.join('').replace(/\s+/g, ' ').trim();
}
