import type { Dossier } from './dossier.js';

/**
 * Where dossier statuses come from. The national sync API of a provincial one-stop system
 * (http-provider.ts), a file for demos and offices without an API (embedded-provider.ts), and
 * further systems (VNPT iGate and others) all sit behind this one interface, so the answer, the
 * API route and the watcher never know which one is in use.
 */
export interface DossierProvider {
  readonly name: string;
  /**
   * The dossier with this code, or null when the system does not know it.
   * Throws UnavailableError (src/errors.ts) when the system cannot answer now.
   */
  find(code: string, opts?: { fresh?: boolean }): Promise<Dossier | null>;
  /** Whether the provider can answer at all (readiness); never throws. */
  ready(): Promise<boolean>;
  close?(): Promise<void>;
}
