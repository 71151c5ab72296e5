import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `../shared` beside the project holds the real data and the dev question set. Suites that read
 * it use `describe.skipIf(!hasShared)`; under CI (CI=true) its absence is a failure.
 */
export const sharedDir = resolve(process.env.SHARED_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared'));
export const hasShared = existsSync(join(sharedDir, 'data'));
if (!hasShared && process.env.CI) {
  throw new Error(`../shared is required in CI but was not found at ${sharedDir}`);
}
export const portalCrawl = join(sharedDir, 'data', 'chatbot_tthc_dvcqg', 'procedures.jsonl');
export const structuredExport = join(sharedDir, 'data', 'nhdandz_tthc207', 'procedures_extracted_fixed.jsonl');
export const devQuestions = join(sharedDir, 'eval', 'dev.jsonl');
export const officialFaq = join(sharedDir, 'data', 'dvc_faq_drpie143', 'dvc_faq_qa_500.jsonl');
