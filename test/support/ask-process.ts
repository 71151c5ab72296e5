import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface AskRun {
  out: Array<Record<string, unknown>>;
  code: number | null;
  stderr: string;
}

/**
 * Run `ask --jsonl` as a child process, as a user or a checker would: one JSON line per input
 * line in, one per answer out. `env` is added to the current environment (DATA_DIR, REDIS_URL...).
 */
export function askJsonl(lines: Array<string | object>, opts: { env?: Record<string, string>; args?: string[] } = {}): Promise<AskRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli.ts', 'ask', ...(opts.args ?? []), '--jsonl'], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({
      out: stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
      code,
      stderr,
    }));
    child.stdin.end(`${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  });
}
