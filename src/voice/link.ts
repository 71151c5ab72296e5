import { spellCode } from './code.js';

/**
 * Web addresses cannot be followed by ear, so a voice says where to find them instead:
 * "trên Cổng Dịch vụ công quốc gia" for the national portal, "theo đường dẫn trong tin nhắn" otherwise.
 * E-mail addresses are read out ("a còng", "chấm") because a citizen may need to write them down.
 */
const url = /(?:https?:\/\/|www\.)[^\s<>"')\]]+|(?<![\p{L}\p{N}@.])(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|edu\.vn|vn|com|org|net)(?:\/[^\s<>"')\]]*)?(?![\p{L}\p{N}])/giu;
const email = /(?<![\p{L}\p{N}.])[\w.+*-]+@[\w-]+(?:\.[\w-]+)+/gu;

export function speakUrl(address: string): string {
  if (/dichvucong\.gov\.vn/i.test(address)) return 'Cổng Dịch vụ công quốc gia';
  return 'đường dẫn trong tin nhắn';
}

/** "nguyenvana@gmail.com" -> "nguyenvana a còng gmail chấm com"; masked parts are skipped. */
export function speakEmail(address: string): string {
  const [user, domain] = address.split('@');
  const readPart = (part: string) => part.split('.').map((p) => (/\d/.test(p) ? spellCode(p) : p)).filter(Boolean).join(' chấm ');
  const userWords = user.includes('*') ? `${readPart(user.replace(/\*+/g, ''))}, phần giữa được ẩn,` : readPart(user);
  return `${userWords} a còng ${readPart(domain)}`;
}

/** Rewrite e-mail addresses first (their domains look like links), then links. */
export function rewriteLinks(text: string): string {
  return text
    .replace(email, (m) => speakEmail(m.replace(/[.]+$/, '')) + (m.endsWith('.') ? '.' : ''))
    .replace(url, (m) => {
      const trailing = /[.,;:!?]+$/.exec(m)?.[0] ?? '';
      return speakUrl(m.slice(0, m.length - trailing.length)) + trailing;
    });
}
