import { index as oramaIndex } from '@orama/orama/components';

/**
 * Orama's index component with one change: a search term is looked up exactly.
 *
 * Our tokenizer makes every term end in `~`, so prefix matching would only ever find the term
 * itself; but Orama 3.1.18 still gathers the matched documents with `Array.includes` inside a
 * loop, which is quadratic in the number of documents containing a term ("dang~" is in a third
 * of the records). Measured: p99 of 18 ms at 2,642 records, far worse at 50,000. Here the term's
 * node is found by walking the radix tree and its document set is scored directly with Orama's
 * own BM25 (`calculateResultScores`). Insertion, removal, save and load are Orama's, untouched.
 *
 * The walk reads the radix node fields of @orama/orama 3.1.18 (`c` children, `s` edge label,
 * `e` end of word, `d` document ids); the package is pinned, and the retrieval tests fail if a
 * new version changes them.
 */
interface RadixNodeShape {
  c: Map<string, RadixNodeShape>;
  s: string;
  e: boolean;
  d: Set<number>;
}

function lookup(root: RadixNodeShape, term: string): Set<number> | null {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]);
    if (!child || !term.startsWith(child.s, i)) return null;
    node = child;
    i += child.s.length;
  }
  return node.e && node.d.size ? node.d : null;
}

type IndexComponent = ReturnType<typeof oramaIndex.createIndex>;
type SearchFn = IndexComponent['search'];

interface IndexStoreShape {
  indexes: Record<string, { type: string; node: unknown }>;
  fieldLengths: Record<string, Record<number, number>>;
  avgFieldLength: Record<string, number>;
}

/** How many best documents the index hands back; the caller re-ranks and cuts further. */
export const INDEX_CANDIDATES = 40;

/**
 * BM25 over term presence (the tokenizer deduplicates document terms, so tf is 1), summed over
 * fields with their boosts, keeping only the best `INDEX_CANDIDATES` documents. Scores are
 * accumulated in a typed array indexed by Orama's internal document id: at 50,000 records a
 * common term touches thousands of documents, and a Map per search cost more than the rest.
 */
export function createExactIndex(): IndexComponent {
  const base = oramaIndex.createIndex();
  const scratch = new WeakMap<object, Scratch>();
  const search: SearchFn = (store, term, tokenizer, language, propertiesToSearch, _exact, _tolerance, boostByProp, relevance, docsCount, whereFiltersIDs) => {
    const index = store as unknown as IndexStoreShape;
    const boost = boostByProp as Record<string, number | undefined>;
    const params = relevance as { k: number; b: number; d: number };
    const tokens = tokenizer.tokenize(term, language) as string[];
    const work = scratchFor(scratch, index, params, docsCount);
    const { scores, touched } = work;
    let touchedCount = 0;
    for (const prop of propertiesToSearch) {
      const tree = index.indexes[prop];
      if (!tree || tree.type !== 'Radix') continue;
      const weight = boost[prop] ?? 1;
      const norm = work.norms(prop);
      const found = work.terms(prop);
      for (const token of tokens) {
        let set = found.get(token);
        if (set === undefined) {
          if (found.size > 50_000) found.clear();
          set = lookup(tree.node as RadixNodeShape, token);
          found.set(token, set);
        }
        if (!set) continue;
        const w = weight * Math.log(1 + (docsCount - set.size + 0.5) / (set.size + 0.5));
        const ids = work.ids(set);
        for (let t = 0; t < ids.length; t++) {
          const id = ids[t];
          if (whereFiltersIDs && !whereFiltersIDs.has(id)) continue;
          if (scores[id] === 0) touched[touchedCount++] = id;
          scores[id] += w * (norm[id] ?? 0);
        }
      }
    }
    const top = best(scores, touched, touchedCount, INDEX_CANDIDATES);
    for (let i = 0; i < touchedCount; i++) scores[touched[i]] = 0;
    return top as never;
  };
  return { ...base, search };
}

interface Scratch {
  scores: Float64Array;
  touched: Uint32Array;
  norms(prop: string): Float64Array;
  /**
   * A term's document set as a typed array, in the set's order (so scores add up identically):
   * a common term's set is walked on most turns. The procedure index is built once and then only
   * searched; a set that grows or shrinks is copied again.
   */
  ids(set: Set<number>): Uint32Array;
  /** Per field, terms already looked up in its tree (the same few hundred words come back all day). */
  terms(prop: string): Map<string, Set<number> | null>;
}

/**
 * Per-index buffers, rebuilt when documents are added: the score array, and per field the BM25
 * factor of each document, d + (k + 1) / (1 + k (1 - b + b len / avg)), which only depends on
 * the field length.
 */
function scratchFor(cache: WeakMap<object, Scratch>, index: IndexStoreShape, params: { k: number; b: number; d: number }, docsCount: number): Scratch {
  const key = `${docsCount}:${params.k}:${params.b}:${params.d}`;
  const cached = cache.get(index) as (Scratch & { key: string }) | undefined;
  if (cached?.key === key) return cached;
  const maxId = maxInternalId(index);
  const size = maxId + 1;
  const norms = new Map<string, Float64Array>();
  const idLists = new WeakMap<Set<number>, Uint32Array>();
  const termSets = new Map<string, Map<string, Set<number> | null>>();
  const entry = {
    key,
    terms(prop: string) {
      let m = termSets.get(prop);
      if (!m) {
        m = new Map();
        termSets.set(prop, m);
      }
      return m;
    },
    ids(set: Set<number>): Uint32Array {
      let list = idLists.get(set);
      if (!list || list.length !== set.size) {
        list = Uint32Array.from(set);
        idLists.set(set, list);
      }
      return list;
    },
    scores: new Float64Array(size),
    touched: new Uint32Array(size),
    norms(prop: string): Float64Array {
      let n = norms.get(prop);
      if (!n) {
        n = new Float64Array(size);
        const lengths = index.fieldLengths[prop] ?? {};
        const avg = index.avgFieldLength[prop] || 1;
        const { k, b, d } = params;
        for (const [id, len] of Object.entries(lengths)) {
          if (typeof len === 'number' && Number(id) < size) n[Number(id)] = d + (k + 1) / (1 + k * (1 - b + (b * len) / avg));
        }
        norms.set(prop, n);
      }
      return n;
    },
  };
  cache.set(index, entry);
  return entry;
}

function maxInternalId(index: IndexStoreShape): number {
  let max = 0;
  for (const lengths of Object.values(index.fieldLengths)) {
    for (const id of Object.keys(lengths)) if (Number(id) > max) max = Number(id);
  }
  return max;
}

/** The `n` highest-scoring documents, best first, without sorting every matched one. */
function best(scores: Float64Array, touched: Uint32Array, count: number, n: number): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  for (let t = 0; t < count; t++) {
    const id = touched[t];
    const score = scores[id];
    if (top.length === n && score <= top[n - 1][1]) continue;
    let i = top.length < n ? top.length : n - 1;
    if (top.length < n) top.push([id, score]);
    while (i > 0 && top[i - 1][1] < score) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = [id, score];
  }
  return top;
}
