import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnavailableError } from '../errors.js';
import { staffAccountSchema, type StaffAccount } from '../feedback/staff.js';
import { syncDir } from './embedded-log.js';

/**
 * Staff accounts of the embedded store: `DATA_DIR/staff.json` (mode 0600), replaced atomically
 * (write, fsync, rename) and read at each login. Kept apart from the feedback log so that
 * `cli staff add` can run while the server owns the log.
 */
export class StaffFile {
  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, 'staff.json');
  }

  private async readAll(): Promise<Record<string, StaffAccount>> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Record<string, StaffAccount>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new UnavailableError('embedded staff file', err);
    }
  }

  async get(username: string): Promise<StaffAccount | null> {
    const found = (await this.readAll())[username];
    return found ? staffAccountSchema.parse(found) : null;
  }

  async put(account: StaffAccount): Promise<void> {
    const all = await this.readAll();
    all[account.username] = staffAccountSchema.parse(account);
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    const fh = await open(tmp, 'r');
    try { await fh.sync(); } finally { await fh.close(); }
    await rename(tmp, this.path);
    syncDir(this.dir);
  }
}
