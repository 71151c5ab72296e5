import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/notify/backoff.js';

describe('retryDelay', () => {
  // [attempt, base, max, random, expected]
  const table: [number, number, number, number, number][] = [
    [1, 1000, 60_000, 0, 500],
    [1, 1000, 60_000, 1, 1000],
    [2, 1000, 60_000, 0.5, 1500],
    [3, 1000, 60_000, 1, 4000],
    [10, 1000, 60_000, 1, 60_000], // capped
    [10, 1000, 60_000, 0, 30_000], // capped, jitter keeps at least half
    [200, 1000, 60_000, 1, 60_000], // no overflow
    [0, 1000, 60_000, 1, 1000],
  ];
  it.each(table)('attempt %i base %i max %i random %f -> %i ms', (attempt, base, max, r, expected) => {
    expect(retryDelay(attempt, base, max, () => r)).toBe(expected);
  });

  it('grows with each attempt until the cap', () => {
    const delays = [1, 2, 3, 4, 5].map((a) => retryDelay(a, 100, 10_000, () => 0.5));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
  });
});
