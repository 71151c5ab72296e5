import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry personal data. pino replaces them before a line is written,
 * so phone numbers, e-mails and ID numbers never reach the log whole.
 */
export const redactPaths = [
  'phone', 'email', 'idNumber', 'contact', 'password', 'token', 'address',
  '*.phone', '*.email', '*.idNumber', '*.contact', '*.password', '*.token', '*.address',
  '*.*.phone', '*.*.email', '*.*.contact',
  'req.headers.authorization', 'req.headers["x-zevent-signature"]',
  'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers["x-bot-api-secret-token"]',
];

/**
 * Query parameters that carry personal data (`GET /api/dossiers/:code?contact=0912345678`) are
 * masked in logged URLs: fastify logs every request's URL, and redaction paths cannot reach
 * inside a string.
 */
export function maskUrl(url: string): string {
  return url.replace(/([?&](?:contact|phone|email|sdt|so_dien_thoai)=)[^&#]*/gi, '$1[masked]');
}

/** Replaces fastify's request serializer (it lets the logger's own serializers win) with one that masks the URL. */
const serializers = {
  req: (req: { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
    method: req.method,
    url: maskUrl(req.url ?? ''),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[masked]' }, base: undefined, serializers }, destination);
}

/** Mask a phone number for logs and views: 0912345678 -> 091****678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
}

/** Mask an e-mail for logs and views: nguyenvana@gmail.com -> ng***@gmail.com. */
export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  if (!domain) return '***';
  return `${user.slice(0, 2)}***@${domain}`;
}
