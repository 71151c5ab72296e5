import { foldDiacritics } from '../search/normalize.js';
import { readIntent, topicWords } from './intent.js';

/**
 * Clauses of a citizen's question that tell the situation, not the procedure asked for: a
 * purpose ("để đi xuất khẩu lao động"), a state ("chưa đăng ký kết hôn", "có giấy khai sinh
 * rồi"), a copied document ("photo căn cước"), a place ("ở ủy ban nhân dân xã"). Retrieval
 * leaves their words out of the ranking's coverage and out of the index query. Pure functions,
 * table-tested in test/assistant/clause.test.ts.
 */

/** Words most names share ("đăng ký", "cấp", "giấy"): sharing one does not make two phrases one topic. */
const genericWords = new Set(['dang', 'ky', 'cap', 'lam', 'giay', 'xin', 'thu', 'tuc', 'co', 'to', 'lan', 'dau', 'the']);

/** Words after a copied document that are the question again ("ở xã", "hết bao nhiêu", "mấy trang"). */
const copyEnd = new Set(['o', 'tai', 'het', 'bao', 'mat', 'bn', 'may', 'mot', '1', 'lam', 'nop']);

/** Words of a story that name no procedure: people, time, age, going somewhere. */
const storyWords = new Set(['chua', 'con', 'be', 'chau', 'bo', 'me', 'ong', 'ba', 'anh', 'chi', 'vo', 'chong', 'em', 'nha', 'nam', 'nay', 'tuoi', 'thang', 'ngay', 'gio', 'di', 'lam', 'moi', 'roi', 'hom', 'qua', 'truoc', 'sau', 'luc', 'khi', 'khach', 'bac']);

/** "... thì mất / chết / qua đời / hy sinh": the state before it was the deceased's. */
const deathWords = new Set(['mat', 'chet', 'qua doi', 'hy sinh']);

/** Words of a request that name no procedure by themselves ("xin giấy xác nhận", "đề nghị"). */
const bareRequest = new Set(['xac', 'nhan', 'de', 'nghi', 'yeu', 'cau', 'chung', 'can', 'muon']);

/** Words that end a "chưa ..." state: what follows is the request again. */
const stateEnd = new Set(['ma', 'nhung', 'thi', 'gio', 'nay', 'muon', 'nen', 'roi', 'can', 'xin', 'va']);

/**
 * "chưa đăng ký kết hôn mà có con, giờ muốn nhận con": what follows "chưa" (not yet) describes the
 * citizen's situation, not the procedure asked for, so its words do not count in the ranking's
 * coverage — unless nothing else is left ("con chưa đăng ký khai sinh thì làm sao": the state is
 * the request). Read on accented text, or on text typed without any marks ("chua").
 * Exported for its table test.
 */
export function withoutState(normalized: string, topic: string[], named: (pair: string) => boolean = () => false): string[] {
  const plain = foldDiacritics(normalized) === normalized;
  const tokens = normalized.toLowerCase().split(/\s+/);
  const bare = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''));
  const folded = bare.map((t) => foldDiacritics(t));
  const spans: string[][] = [];
  /** Words of copied documents and places: always set aside (they never name the procedure). */
  const copies: string[] = [];
  const rest = new Set<string>();
  /** The words after `from` up to a boundary (at most 5): the span, its last index, the word after it. */
  const scan = (from: number) => {
    const span: string[] = [];
    let k = from;
    for (; k < Math.min(tokens.length, from + 5); k++) {
      if (!folded[k] || (stateEnd.has(folded[k]) && !isCanCuoc(folded, k))) break;
      span.push(folded[k]);
      if (/[,.;!?]$/.test(tokens[k])) { k++; break; }
    }
    return { span, last: k - 1, after: folded[k] };
  };
  /** Sets a scanned span aside as the citizen's state; returns where it ends. */
  const keep = (s: ReturnType<typeof scan>) => {
    spans.push(s.span);
    return s.last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = bare[i];
    // "chưa X" (not yet), "có X rồi" (has X already). Not a bare "đã có X": "đã có sổ đỏ giờ sang
    // tên" names the thing the procedure is about.
    // Unless names say it too ("công trình chưa vận hành"; typed plain, "chua chay" is "chữa cháy").
    if ((word === 'chưa' || (plain && word === 'chua')) && !(folded[i + 1] && !genericWords.has(folded[i + 1]) && named(`chua ${folded[i + 1]}`))) {
      i = Math.max(i, keep(scan(i + 1)));
      continue;
    }
    if (word === 'có' || (plain && word === 'co')) {
      const s = scan(i + 1);
      if (s.after === 'roi') { i = keep(s) + 1; continue; }
    }
    const place = placeEnd(folded, i);
    if (place > 0) {
      copies.push(...folded.slice(i, place));
      i = place - 1;
      continue;
    }
    if (familySubject(folded, i)) {
      copies.push('gia', 'dinh');
      i++;
      continue;
    }
    const copied = copiedDocument(bare, folded, i);
    if (copied) {
      copies.push(...copied.words);
      rest.add(folded[i]);
      i = copied.next - 1;
      continue;
    }
    // "đang đóng bảo hiểm xã hội thì mất": what the deceased was doing, not what the family asks.
    if ((word === 'đang' || (plain && word === 'dang' && folded[i + 1] !== 'ky')) && folded[i + 1]) {
      const s = scan(i + 1);
      const event = folded[s.last + 2];
      if ((s.after === 'thi' || s.after === 'ma') && (deathWords.has(event) || deathWords.has(`${event} ${folded[s.last + 3]}`))) { i = keep(s); continue; }
    }
    // "đã công chứng hợp đồng rồi giờ sang tên": what is done already, not what is asked; "hai vợ
    // chồng đã đăng ký kết hôn, bé mới sinh ...": a finished step, closed by a comma.
    if ((word === 'đã' || (plain && word === 'da')) && folded[i + 1] && folded[i + 1] !== 'co') {
      const s = scan(i + 1);
      if (s.after === 'roi') { i = keep(s) + 1; continue; }
      if (s.last > i && /,$/.test(tokens[s.last])) { i = keep(s); continue; }
    }
    // "đã có X nhưng / mà ...": what the citizen has, set against what they ask for.
    if ((word === 'đã' || (plain && word === 'da')) && folded[i + 1] === 'co') {
      const s = scan(i + 2);
      if (s.after === 'nhung' || s.after === 'ma') { i = keep(s); continue; }
    }
    rest.add(folded[i]);
  }
  const own = new Set(topic);
  // A state that shares a topic word with the rest ("chưa có sổ đỏ, muốn làm sổ lần đầu") is
  // about the very thing asked for: it stays.
  const state = new Set(spans.filter((sp) => !sp.some((w) => own.has(w) && rest.has(w) && !genericWords.has(w))).flat());
  const copied = new Set(copies);
  if (state.size === 0 && copied.size === 0) return topic;
  const kept = topic.filter((w) => !copied.has(w) && (rest.has(w) || !state.has(w)));
  // "con em 16 tuổi chưa làm căn cước thì đi làm ở đâu": what is left tells only who and when, so
  // the state is the request itself.
  if (state.size > 0 && kept.every((w) => storyWords.has(w) || genericWords.has(w) || /\d/.test(w))) return topic.filter((w) => !copied.has(w));
  return kept.length >= 2 ? kept : topic;
}

/** Words after "gia đình" that make it the one who asks ("gia đình tôi", "gia đình muốn"). */
const familyNext = new Set(['toi', 'em', 'minh', 'chau', 'khach', 'muon', 'di', 'can', 'dang', 'con', 'bac', 'anh', 'chi', 'ong', 'ba', 'bo', 'me', 'lam', 'xin', 'nop', 'phai', 'se', 'vua', 'moi', 'bi', 'thi', 'gap', 'kho', 'ngheo', 'o', 'nha', 'chung', 'va', 'nay', 'nen']);

/**
 * "gia đình (tôi) muốn ...", "bố mất, gia đình đi làm ...": the family is who asks, not the
 * procedure; "hộ gia đình", "gia đình liệt sĩ" name one and stay.
 */
function familySubject(folded: string[], i: number): boolean {
  if (folded[i] !== 'gia' || folded[i + 1] !== 'dinh' || folded[i - 1] === 'ho') return false;
  return i + 2 >= folded.length || !folded[i + 2] || familyNext.has(folded[i + 2]);
}

/** Folded "can" is "cần" (need: a boundary) but also "căn" of "căn cước". */
function isCanCuoc(folded: string[], k: number): boolean {
  return folded[k] === 'can' && folded[k + 1] === 'cuoc';
}

/**
 * "ở ủy ban nhân dân (cấp) xã", "ủy ban phường": where the citizen goes, not which procedure (the
 * lexicon's stop phrases drop it from the index query too). Kept out of coverage so that names
 * mentioning the commune people's committee ("… cộng tác viên dịch thuật của Ủy ban nhân dân cấp
 * xã") do not look closer. The index after the place starting at `i`, or -1.
 */
function placeEnd(folded: string[], i: number): number {
  const long = folded.slice(i, i + 4).join(' ') === 'uy ban nhan dan';
  const short = folded[i] === 'uy' && folded[i + 1] === 'ban' && /^(?:xa|phuong)$/.test(folded[i + 2] ?? '');
  if (!long && !short) return -1;
  let k = long ? i + 4 : i + 2;
  if (folded[k] === 'cap') k++;
  return /^(?:xa|phuong|huyen|tinh)$/.test(folded[k] ?? '') ? k + 1 : -1;
}

/**
 * "photo / sao y X", "chứng thực / công chứng bản sao X": X is only the document copied ("photo
 * căn cước và bằng đại học"), not the procedure ("Cấp thẻ căn cước"). Not a bare "bản sao X":
 * "bản sao giấy khai sinh" is itself a procedure (Cấp bản sao trích lục). The document's words
 * and the index after them, or null when no copy starts at `i`.
 */
function copiedDocument(bare: string[], folded: string[], i: number): { words: string[]; next: number } | null {
  const certified = folded[i] === 'sao' && folded[i - 1] === 'ban' && (folded[i - 2] === 'thuc' || folded[i - 2] === 'chung');
  if (!(bare[i] === 'photo' || (folded[i] === 'sao' && folded[i + 1] === 'y') || certified)) return null;
  const from = folded[i + 1] === 'y' ? i + 2 : i + 1;
  const words: string[] = [];
  let k = from;
  for (; k < Math.min(folded.length, from + 6) && folded[k] && ((!copyEnd.has(folded[k]) && !stateEnd.has(folded[k])) || isCanCuoc(folded, k)); k++) {
    // "chứng thực bản sao X từ bản chính": "từ bản chính" is the procedure again, not the document.
    if (folded[k] === 'tu' && (folded[k + 1] === 'ban' || folded[k + 1] === 'bang')) break;
    // "photo công chứng X": the request comes first, the document after it.
    const pair = `${folded[k]} ${folded[k + 1]}`;
    if (pair === 'cong chung' || pair === 'chung thuc') { k += 1; continue; }
    words.push(folded[k]);
  }
  return { words, next: k };
}

/**
 * The part of a question that names the procedure: its topic words for the ranking's coverage,
 * and the question without the words set aside (purpose, state, copied document, place) for the
 * index.
 */
export function askedPart(normalized: string, fullTopic: string[], named?: (pair: string) => boolean): { topic: string[]; query: string } {
  const purposeless = withoutPurpose(normalized, fullTopic);
  let topic = withoutState(normalized, purposeless, named);
  // "xin giấy xác nhận chưa có nhà để mua nhà ở xã hội": a bare request before "để" names nothing,
  // so the purpose is what tells the procedure.
  if (purposeless.length < fullTopic.length && !topic.some((w) => !genericWords.has(w) && !storyWords.has(w) && !bareRequest.has(w))) {
    topic = withoutState(normalized, fullTopic, named);
  }
  if (topic.length === fullTopic.length) return { topic, query: normalized };
  const kept = new Set(topic);
  const dropped = new Set(fullTopic.filter((w) => !kept.has(w)));
  const query = normalized.split(/\s+/).filter((t) => !dropped.has(foldDiacritics(t.replace(/[^\p{L}\p{N}]/gu, '')))).join(' ');
  return { topic, query };
}

/**
 * "xin lý lịch tư pháp để đi xuất khẩu lao động": what follows "để" is why the citizen needs
 * the procedure, not which one it is, so its words do not count in the ranking's coverage. Only
 * when the words before "để" already name something ("cần gì để làm hộ chiếu", "điều kiện để
 * đăng ký thường trú" name it after) and only on accented text (folded "de" is also "đề", "đẻ").
 * Exported for its table test.
 */
export function withoutPurpose(normalized: string, topic: string[]): string[] {
  // "để lại" (bequeath), "để trống" (leave blank), "để dành" (save): verbs, not a purpose. "vì"
  // gives a reason the same way ("đổi thẻ căn cước vì đã thay đổi họ tên"). Typed without marks,
  // "de" is also "đề" (đề nghị, đề án) and "vi" also "vi phạm": only "de" before a verb counts.
  const lower = normalized.toLowerCase();
  const plain = foldDiacritics(normalized) === normalized;
  const at = plain
    ? lower.search(/ de (?=(?:nhap|lam|di|xin|vay|mua|ban|du|hoc|ket|nop|bo|cho|duoc|huong|nhan|xay|mo|kinh)\s)/u)
    : lower.search(/ (?:để (?!(?:lại|trống|dành|ý|nguyên|không)(?:\s|$))|vì )/u);
  if (at < 0) return topic;
  // "cần chuẩn bị giấy tờ gì để làm giấy chứng tử": a question word right before "để" means the
  // procedure is named after it.
  if (/(?:^|\s)(?:gì|gi|j|nào|nao)\s*$/u.test(normalized.slice(0, at).toLowerCase())) return topic;
  const head = foldDiacritics(normalized.slice(0, at)).toLowerCase();
  const headTopic = topicWords(head, readIntent(head));
  if (headTopic.length < 2) return topic;
  const own = new Set(headTopic);
  // The purpose ends where the sentence goes on ("để vay ngân hàng thì đăng ký thế chấp ...").
  const after = foldDiacritics(normalized.slice(at + 1).replace(/^\S+\s/u, '')).toLowerCase();
  const end = after.search(/(?:^|[\s,;.])(?:thi|nen|ma)\s|[,;.]/);
  const tail = new Set((end >= 0 ? after.slice(0, end) : after).split(/[^a-z0-9]+/).filter(Boolean));
  return topic.filter((w) => own.has(w) || !tail.has(w));
}
