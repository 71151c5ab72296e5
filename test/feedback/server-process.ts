import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real server (`src/cli.ts serve`) as a child process, for crash tests. It runs as
 * `node --import tsx` rather than through `npx tsx`, so the pid we SIGKILL is the server itself
 * and not a wrapper that would leave it running.
 */
const root = resolve(import.meta.dirname, '..', '..');
const emptyKnowledge = mkdtempSync(join(tmpdir(), 'fb-knowledge-'));

export interface ServerProcess {
  url: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', KNOWLEDGE_DIR: emptyKnowledge, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
  const url = `http://127.0.0.1:${env.PORT}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // Wait for /healthz; give up if the process dies first.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Wait until `condition` holds (checked every 10 ms); the test timeout bounds it. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}
