import { serve } from '../main.js';

export async function run(_argv: string[]): Promise<number> {
  await serve();
  return 0;
}
