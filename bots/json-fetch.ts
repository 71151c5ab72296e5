import http from 'node:http';
import https from 'node:https';

/**
 * A minimal fetch for JSON APIs (the Telegram Bot API), on node:http with keep-alive agents.
 * Node's built-in fetch costs several times more CPU per call (web streams, header objects), and
 * under a burst of webhooks that CPU is taken from acknowledging the next ones. Only what grammY
 * and our clients use is implemented: method, string body, headers, abort signal, and a response
 * with `ok`, `status` and `json()`.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export interface JsonResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export function jsonFetch(
  input: string | URL,
  init: { method?: string; headers?: Record<string, string> | Headers; body?: unknown; signal?: AbortSignal | null } = {},
): Promise<JsonResponse> {
  const url = typeof input === 'string' ? new URL(input) : input;
  const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
  const headers: Record<string, string> = {};
  if (init.headers instanceof Headers) init.headers.forEach((v, k) => { headers[k] = v; });
  else Object.assign(headers, init.headers ?? {});
  // The agent keeps connections alive; a caller's hop-by-hop header would only confuse it.
  delete headers.connection;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  // Looked up at call time (not imported by name) so interceptors such as nock in tests see the call.
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, status, text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    // grammY passes a polyfilled AbortSignal that node:http refuses, so listen to it instead.
    const signal = init.signal as { aborted?: boolean; addEventListener?: (type: 'abort', fn: () => void) => void } | null | undefined;
    if (signal?.aborted) req.destroy(new Error('aborted'));
    signal?.addEventListener?.('abort', () => req.destroy(new Error('aborted')));
    req.end(body);
  });
}
