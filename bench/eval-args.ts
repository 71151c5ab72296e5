import { readFileSync } from 'node:fs';

/** Shared by the accuracy tools of bench/: `--knowledge <dir>`, `--candidates <file>` and the question sets. */
export interface SetQuestion {
  id: string;
  text: string;
  codes: string[];
  style?: string;
}

export function evalArgs(argv = process.argv.slice(2)) {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const valued = new Set(['--knowledge', '--candidates']);
  const files = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  const questions: SetQuestion[] = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as SetQuestion))
    // Procedure questions only (no smalltalk or dossier lines), not the bare "thủ tục 1.001612" code lookups.
    .filter((q) => Array.isArray(q.codes) && q.codes.length > 0 && q.style !== 'code');
  return { knowledge: opt('knowledge') ?? process.env.KNOWLEDGE_DIR ?? 'knowledge', candidates: opt('candidates'), files, questions };
}
