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
  let folder: string;
  let names: string[];
  try {
    folder = await procedureFolder(dir);
    names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    // A missing or unreadable directory is a problem to report, not a crash: readiness says no.
    return { procedures: [], problems: [{ file: dir, field: '', message: `cannot read knowledge directory: ${(err as Error).message}` }] };
  }
  const procedures: Procedure[] = [];
  const problems: LoadProblem[] = [];
  const seen = new Set<string>();
  // Reads go out in parallel (start-up time matters for `ask`); validation stays in file order.
  const texts = await readAll(names.map((n) => join(folder, n)));
  for (const [i, name] of names.entries()) {
    const file = join(folder, name);
    let raw: unknown;
    try {
      const text = texts[i]!;
      if (text instanceof Error) throw text;
      raw = JSON.parse(text);
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

async function readAll(files: string[], width = 64): Promise<Array<string | Error>> {
  const out: Array<string | Error> = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      out[i] = await readFile(files[i]!, 'utf8').catch((err: Error) => err);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, files.length) }, worker));
  return out;
}

async function procedureFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.some((e) => e.isDirectory() && e.name === 'procedures') ? join(dir, 'procedures') : dir;
}
