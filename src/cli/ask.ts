import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { ask } from '../assistant/ask.js';
import { loadEngine } from '../assistant/engine.js';
import { askInputSchema } from '../assistant/turn.js';

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
  const engine = await loadEngine({ knowledgeDir: args.knowledgeDir });
  for (const p of engine.problems.slice(0, 20)) process.stderr.write(`knowledge file rejected: ${p.file} ${p.field} ${p.message}\n`);
  if (engine.procedures.length === 0) {
    process.stderr.write(`Không tìm thấy thủ tục nào trong ${args.knowledgeDir}.\n`);
    return 1;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: !args.jsonl && process.stdin.isTTY });

  if (args.jsonl) {
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
      const out = await ask(engine.assistant, input, 'cli');
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return 0;
  }

  const session = `cli-${randomUUID()}`;
  process.stdout.write(`Trợ lý Một cửa (${engine.procedures.length} thủ tục). Gõ câu hỏi, "thoát" để kết thúc.\n`);
  rl.setPrompt('Bạn: ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(thoát|thoat|exit|quit)$/i.test(text)) break;
    if (text) {
      const out = await ask(engine.assistant, { text, session }, 'cli');
      process.stdout.write(`\nTrợ lý: ${out.text}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
