import { AppError, UnavailableError } from '../errors.js';
import type { HolidaySet } from '../feedback/holidays.js';
import type { Logger } from '../log.js';
import { contactKind, contactMatches } from './contact-proof.js';
import type { Dossier } from './dossier.js';
import { normalizeDossierCode } from './dossier-code.js';
import type { LookupLimiter } from './lookup-limit.js';
import type { DossierProvider } from './provider.js';

/**
 * The dossier capability as the dialogue and the API see it: a verified lookup. The status is
 * given only when the contact matches the one on the dossier; an unknown code and a wrong
 * contact give the same answer, so nobody can learn which codes exist; attempts are limited
 * per user/address and wrong contacts per code. Logs carry the code and the kind of contact
 * given, never the contact itself.
 */
export type LookupOutcome =
  | { kind: 'found'; dossier: Dossier }
  | { kind: 'not_found' }
  | { kind: 'limited'; retryAfterSeconds: number };

export interface DossierService {
  readonly provider: DossierProvider;
  readonly holidays?: HolidaySet;
  /** Throws UnavailableError when the provider or the limiter store cannot answer. */
  lookup(input: { code: string; contact: string; keys: string[] }): Promise<LookupOutcome>;
}

/** A limiter store that fails (Redis down) must not turn into unlimited lookups: answer "busy". */
async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw err instanceof AppError ? err : new UnavailableError('dossier lookup limiter', err);
  }
}

export function createDossierService(opts: { provider: DossierProvider; limiter: LookupLimiter; log?: Logger; holidays?: HolidaySet }): DossierService {
  const { provider, log } = opts;
  const limiter: LookupLimiter = {
    attempt: (keys) => guarded(opts.limiter.attempt(keys)),
    codeLocked: (code) => guarded(opts.limiter.codeLocked(code)),
    failure: (code) => guarded(opts.limiter.failure(code)),
  };
  return {
    provider,
    holidays: opts.holidays,
    async lookup({ code: raw, contact, keys }) {
      const code = normalizeDossierCode(raw);
      const allowed = await limiter.attempt(keys);
      if (!allowed.allowed) {
        log?.warn({ dossier: code, keys: keys.length }, 'dossier lookup rate-limited');
        return { kind: 'limited', retryAfterSeconds: allowed.retryAfterSeconds };
      }
      const locked = await limiter.codeLocked(code);
      if (!locked.allowed) {
        log?.warn({ dossier: code }, 'dossier lookup refused: too many wrong contacts for this code');
        return { kind: 'limited', retryAfterSeconds: locked.retryAfterSeconds };
      }
      const dossier = await provider.find(code);
      if (!dossier || !contactMatches(dossier, contact)) {
        await limiter.failure(code);
        log?.info({ dossier: code, proof: contactKind(contact), known: dossier !== null }, 'dossier lookup not matched');
        return { kind: 'not_found' };
      }
      log?.info({ dossier: code, proof: contactKind(contact), status: dossier.status }, 'dossier lookup');
      return { kind: 'found', dossier };
    },
  };
}
