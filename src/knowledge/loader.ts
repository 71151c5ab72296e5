import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { procedureSchema, type Procedure } from './procedure.js';

export interface LoadProblem {
  file: string;
  /** Dotted path of the bad field, or '' when the file itself is unreadable. */
  field: string;
  message: string;
}

export interface LoadedKnowledge {
  procedures: Procedure[];
  problems: LoadProblem[];
}

/**
 * Load and validate every `procedures/<code>.json` under `dir` (or `dir` itself when it holds
 * the JSON files directly, as an `import --out` directory may). A bad file is reported with its
 * name and field; the rest still loads.
 */
export async function loadKnowledge(dir: string): Promise<LoadedKnowledge> {
  const folder = await procedureFolder(dir);
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  const procedures: Procedure[] = [];
  const problems: LoadProblem[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const file = join(folder, name);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      problems.push({ file, field: '', message: `unreadable JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = procedureSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.join('.'), message: issue.message });
      }
      continue;
    }
    if (seen.has(parsed.data.code)) {
      problems.push({ file, field: 'code', message: `duplicate procedure code ${parsed.data.code}` });
      continue;
    }
    seen.add(parsed.data.code);
    procedures.push(parsed.data);
  }
  return { procedures, problems };
}

async function procedureFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.some((e) => e.isDirectory() && e.name === 'procedures') ? join(dir, 'procedures') : dir;
}
