import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { coverageOf } from '../knowledge/coverage.js';
import { importFiles } from '../knowledge/importer.js';
import { writeKnowledgeDir } from '../knowledge/knowledge-dir.js';

/**
 * `import <file...> --out <dir> [--report] [--only <codes file>]` (CONTRACTS.md §1).
 * Rejections are listed one a line; the last stdout line is `imported N, rejected M`.
 */
export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, report: { type: 'boolean', default: false }, only: { type: 'string' } },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const { out, report, only } = args.values;
  if (!out || args.positionals.length === 0) {
    process.stderr.write('Cách dùng: import <tệp...> --out <thư mục> [--report] [--only <tệp danh sách mã>]\n');
    return 2;
  }
  const codes = only ? await readCodes(only) : undefined;
  const { procedures, rejected } = await importFiles(args.positionals, { only: codes });
  for (const r of rejected) process.stdout.write(`rejected ${r.code ?? '-'} (${r.source}): ${r.reason}\n`);
  if (codes) {
    const got = new Set(procedures.map((p) => p.code));
    for (const c of codes) if (!got.has(c)) process.stdout.write(`missing ${c}: not found in the input\n`);
  }
  if (procedures.length > 0) await writeKnowledgeDir(out, procedures);
  if (report) process.stdout.write(`${JSON.stringify(coverageOf(procedures, rejected.length), null, 2)}\n`);
  process.stdout.write(`imported ${procedures.length}, rejected ${rejected.length}\n`);
  return procedures.length > 0 ? 0 : 1;
}

/** A codes file: the first word of each line is a procedure code; `#` starts a comment. */
async function readCodes(file: string): Promise<Set<string>> {
  const text = await readFile(file, 'utf8');
  const codes = new Set<string>();
  for (const line of text.split('\n')) {
    const code = line.replace(/#.*/u, '').trim().split(/\s+/u)[0];
    if (code) codes.add(code);
  }
  return codes;
}
