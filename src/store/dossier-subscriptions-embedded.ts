import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { storedSubscriptionSchema, subscriptionKey, type DossierSubscription, type DossierSubscriptionStore } from '../dossiers/subscription.js';

/**
 * Dossier subscriptions in one small JSON file under DATA_DIR. Few citizens subscribe at once, so
 * the whole file is rewritten on each change: written to a temporary file, fsynced and renamed,
 * so a crash leaves either the old or the new list, never half of one. Writes are serialized.
 */
const fileSchema = z.array(storedSubscriptionSchema);

export function createEmbeddedSubscriptionStore(file: string): DossierSubscriptionStore {
  let cache: Map<string, DossierSubscription> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Map<string, DossierSubscription>> {
    if (cache) return cache;
    try {
      const list = fileSchema.parse(JSON.parse(await readFile(file, 'utf8'))) as DossierSubscription[];
      cache = new Map(list.map((s) => [subscriptionKey(s), s]));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      cache = new Map();
    }
    return cache;
  }

  async function save(map: Map<string, DossierSubscription>): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify([...map.values()], null, 1)}\n`);
    const handle = await open(tmp, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(tmp, file);
  }

  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    put: (s) => serialized(async () => {
      const map = await load();
      map.set(subscriptionKey(s), s);
      await save(map);
    }),
    list: () => serialized(async () => [...(await load()).values()]),
    remove: (s) => serialized(async () => {
      const map = await load();
      if (map.delete(subscriptionKey(s))) await save(map);
    }),
  };
}
