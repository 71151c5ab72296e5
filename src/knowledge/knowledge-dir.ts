import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { procedureSchema, type Procedure } from './procedure.js';

/**
 * Write the canonical records as `<dir>/<code>.json`. Everything is written into a fresh
 * directory beside `dir` and renamed into place at the end, so a crash or a bad record never
 * leaves a half-written knowledge directory behind.
 */
export async function writeKnowledgeDir(dir: string, procedures: Procedure[]): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  await mkdir(temp);
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < procedures.length) {
        const p = procedures[next++]!;
        await writeFile(join(temp, `${p.code}.json`), serializeProcedure(p));
      }
    };
    await Promise.all(Array.from({ length: Math.min(32, procedures.length) }, worker));
    let hadOld = true;
    try {
      await rename(target, old);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      hadOld = false;
    }
    await rename(temp, target);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/** Stable serialisation: schema key order, two-space indent, trailing newline. */
export function serializeProcedure(p: Procedure): string {
  return `${JSON.stringify(procedureSchema.parse(p), null, 2)}\n`;
}
