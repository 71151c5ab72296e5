import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKnowledge, type LoadProblem } from '../knowledge/loader.js';
import type { Procedure } from '../knowledge/procedure.js';
import { loadLexicon, type Lexicon } from '../search/lexicon.js';
import { buildProcedureIndex, type ProcedureIndex } from '../search/procedure-index.js';
import { createMemorySessionStore } from '../store/session-memory.js';
import { createAssistant } from './assistant.js';
import { createRetrieval, type Retrieval } from './retrieval.js';
import { ask } from './ask.js';
import type { SessionStore } from './session.js';
import type { Skill } from './skill.js';
import type { Assistant } from './turn.js';

export interface Engine {
  assistant: Assistant;
  procedures: Procedure[];
  problems: LoadProblem[];
  index: ProcedureIndex;
  retrieval: Retrieval;
  lexicon: Lexicon;
  sessions: SessionStore;
  /** Start-up time (load, index), excluded from per-turn timings. */
  startupMs: number;
}

/**
 * Everything the assistant needs, built from a knowledge directory: used by `ask`, `eval` and
 * the benchmark, so all three run the very same engine as the server.
 */
export async function loadEngine(opts: {
  knowledgeDir: string;
  lexiconDir?: string;
  sessions?: SessionStore;
  skills?: Skill[];
  sessionTtlSeconds?: number;
  procedures?: Procedure[];
  /** Index snapshot file; defaults to one per knowledge directory under DATA_DIR (or the temp dir). */
  snapshotPath?: string | null;
}): Promise<Engine> {
  const started = performance.now();
  const loaded = opts.procedures ? { procedures: opts.procedures, problems: [] } : await loadKnowledge(opts.knowledgeDir);
  const lexicon = await loadLexicon(opts.lexiconDir);
  const snapshotPath = opts.snapshotPath === null ? undefined : opts.snapshotPath ?? defaultSnapshotPath(opts.knowledgeDir);
  const index = await buildProcedureIndex(loaded.procedures, lexicon, { snapshotPath });
  const sessions = opts.sessions ?? createMemorySessionStore();
  const assistant = createAssistant({
    procedures: loaded.procedures, index, lexicon, sessions, skills: opts.skills, sessionTtlSeconds: opts.sessionTtlSeconds,
  });
  // One stand-alone turn warms the JIT, the index and the spoken renderer, so the first citizen
  // does not pay for it (start-up time, excluded from per-turn timings).
  await ask(assistant, { text: 'lệ phí đăng ký khai sinh bao nhiêu' }).catch(() => undefined);
  return {
    assistant, procedures: loaded.procedures, problems: loaded.problems, index, lexicon, sessions,
    retrieval: createRetrieval({ procedures: loaded.procedures, index, lexicon }),
    startupMs: Math.round(performance.now() - started),
  };
}

/**
 * The index snapshot is keyed by the knowledge directory; the index itself checks a content hash,
 * so a changed record or lexicon rebuilds it instead of answering from a stale one.
 */
export function defaultSnapshotPath(knowledgeDir: string, env: Record<string, string | undefined> = process.env): string {
  const key = createHash('sha256').update(resolve(knowledgeDir)).digest('hex').slice(0, 12);
  return join(env.DATA_DIR ?? join(tmpdir(), 'tro-ly-mot-cua'), 'index', `${key}.json`);
}
