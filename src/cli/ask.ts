import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ask } from '../assistant/ask.js';
import { loadEngine } from '../assistant/engine.js';
import { askInputSchema, type Assistant } from '../assistant/turn.js';
import { readConfig } from '../config.js';
import { createLogger } from '../log.js';
import { createServices } from '../main.js';

export interface AskRuntime {
  assistant: Assistant;
  procedures: number;
  /** True when the skills of the composition root (feedback, dossiers) are wired. */
  skills: boolean;
  close(): Promise<void>;
}

/**
 * The same assistant as the server: the composition root builds it with its skills (feedback
 * intake and status, dossier lookup) and embedded stores under DATA_DIR. Logs go to stderr so
 * `--jsonl` output stays clean. If a capability fails to start, the bare assistant (procedure
 * questions only) is used and the reason is written to stderr.
 */
export async function openAskRuntime(knowledgeDir: string, env: Record<string, string | undefined> = process.env): Promise<AskRuntime> {
  try {
    const config = readConfig({ ...env, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
    const log = createLogger(config.LOG_LEVEL, pino.destination(2));
    const services = await createServices(config, log);
    const assistant = services.assistant as Assistant | undefined;
    if (!assistant) throw new Error('the composition root built no assistant');
    await ask(assistant, { text: 'lệ phí đăng ký khai sinh bao nhiêu' }).catch(() => undefined); // warm-up
    return {
      assistant,
      procedures: services.procedures.length,
      skills: true,
      close: async () => {
        for (const close of [...services.closers].reverse()) await close().catch(() => undefined);
      },
    };
  } catch (err) {
    process.stderr.write(`full assistant unavailable (${(err as Error).message}); answering procedure questions only\n`);
    const engine = await loadEngine({ knowledgeDir });
    for (const p of engine.problems.slice(0, 20)) process.stderr.write(`knowledge file rejected: ${p.file} ${p.field} ${p.message}\n`);
    return { assistant: engine.assistant, procedures: engine.procedures.length, skills: false, close: async () => undefined };
  }
}

/**
 * `ask [--knowledge <dir>] [--jsonl]` (CONTRACTS.md §1). With --jsonl, one JSON question a line
 * in, one JSON answer a line out, in order; a bad line gets an `{"error": ...}` line so the
 * output stays aligned with the input. Without it, a chat in the terminal.
 */
export function parseAskArgs(argv: string[], env: Record<string, string | undefined> = process.env) {
  let knowledgeDir = env.KNOWLEDGE_DIR ?? 'knowledge';
  let jsonl = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--jsonl') jsonl = true;
    else if (argv[i] === '--knowledge' && argv[i + 1]) knowledgeDir = argv[++i];
    else if (argv[i].startsWith('--knowledge=')) knowledgeDir = argv[i].slice('--knowledge='.length);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return { knowledgeDir, jsonl };
}

export async function run(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseAskArgs>;
  try {
    args = parseAskArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nCách dùng: ask [--knowledge <thư mục>] [--jsonl]\n`);
    return 2;
  }
  const runtime = await openAskRuntime(args.knowledgeDir);
  if (runtime.procedures === 0) {
    process.stderr.write(`Không tìm thấy thủ tục nào trong ${args.knowledgeDir}.\n`);
    await runtime.close();
    return 1;
  }
  try {
    return await converse(runtime, args.jsonl);
  } finally {
    await runtime.close();
  }
}

async function converse(runtime: AskRuntime, jsonl: boolean): Promise<number> {
  const { assistant } = runtime;
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: !jsonl && process.stdin.isTTY });

  if (jsonl) {
    for await (const line of rl) {
      if (!line.trim()) continue;
      let input;
      try {
        input = askInputSchema.parse(JSON.parse(line));
      } catch (err) {
        const message = err instanceof SyntaxError ? 'Dòng không phải JSON hợp lệ.' : 'Dữ liệu không hợp lệ: cần {"text": "...", "session"?: "...", "channel"?: "..."}.';
        process.stdout.write(`${JSON.stringify({ error: { code: 'invalid_input', message } })}\n`);
        continue;
      }
      const out = await ask(assistant, input, 'cli');
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return 0;
  }

  const session = `cli-${randomUUID()}`;
  process.stdout.write(`Trợ lý Một cửa (${runtime.procedures} thủ tục). Gõ câu hỏi, "thoát" để kết thúc.\n`);
  rl.setPrompt('Bạn: ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(thoát|thoat|exit|quit)$/i.test(text)) break;
    if (text) {
      const out = await ask(assistant, { text, session }, 'cli');
      process.stdout.write(`\nTrợ lý: ${out.text}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
