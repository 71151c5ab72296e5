import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { channelKit } from '../../bots/kit.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { redisReady } from '../../src/store/redis.js';
import { createServer, createServices, startBackgroundWork } from '../../src/main.js';
import type { Services } from '../../src/services.js';
import { structuredExport } from '../support/shared.js';

/**
 * A real server for channel tests: services built by createServices from real knowledge, so the
 * answers come from the real assistant. Knowledge is the project's `knowledge/` when it has
 * records, else the structured export of ../shared imported once into a temporary folder.
 */
const projectKnowledge = resolve(import.meta.dirname, '..', '..', 'knowledge');
let imported: string | null = null;

export function knowledgeDir(): string {
  const procedures = join(projectKnowledge, 'procedures');
  if (existsSync(procedures) && readdirSync(procedures).some((n) => n.endsWith('.json'))) return projectKnowledge;
  if (imported) return imported;
  const out = mkdtempSync(join(tmpdir(), 'channels-knowledge-'));
  const run = spawnSync('npx', ['tsx', 'src/cli.ts', 'import', structuredExport, '--out', out], {
    cwd: resolve(import.meta.dirname, '..', '..'), encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`importing test knowledge failed: ${run.stderr}`);
  imported = out;
  return out;
}

export interface TestServer {
  app: FastifyInstance;
  services: Services;
  /** Wait until every queued channel reply has been sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `background: true` starts every loop `serve` starts (startBackgroundWork: outbox, dossier watch,
 * turn-queue consumers); by default only the channels' turn-queue consumers run, so suites that
 * drive the outbox by hand keep doing so.
 */
export async function startServer(env: Record<string, string>, opts: { background?: boolean } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'channels-data-'));
  const config = readConfig({ KNOWLEDGE_DIR: knowledgeDir(), DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const services = await createServices(config, createLogger('silent'));
  if (!services.assistant) throw new Error('services.assistant is not wired in src/main.ts');
  const app = await createServer(services);
  await app.ready();
  const { redis, queue } = channelKit(services);
  if (redis) await redisReady(redis);
  if (opts.background) startBackgroundWork(services);
  else queue.start();
  return {
    app,
    services,
    settled: () => channelKit(services).queue.idle(),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
