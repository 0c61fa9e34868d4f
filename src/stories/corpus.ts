/**
 * What the clusterer knows about the corpus as a whole: the document count and each term's and
 * entity key's document frequency, and the TF-IDF weights derived from them. IDF is read at
 * weighting time, so weights follow the growing corpus; centroids store raw sums, not weights.
 * One corpus serves both story levels (engine.ts): they count the same articles.
 */
import type { ArticleFeatures } from './features.ts';
import { Vocabulary, type KeySource, type Vec } from './vectors.ts';

/** Ids of an article's term and entity keys, in the order of its count maps. */
export interface ArticleIds {
  readonly terms: number[];
  readonly entities: number[];
}

/** Where a corpus reads the vocabulary entries it has not loaded (a state backend). */
export interface CorpusSource {
  readonly terms: KeySource;
  readonly entities: KeySource;
}

/** A stored corpus: its document count and how many ids each vocabulary has handed out. */
export interface CorpusSize {
  readonly documents: number;
  readonly terms: number;
  readonly entities: number;
}

export class Corpus {
  documents: number;
  readonly terms: Vocabulary;
  readonly entities: Vocabulary;
  /** Ids counted since `takeCounted` (only when tracking changes for a backend). */
  private counted: ArticleIds[] | undefined;

  constructor(source?: CorpusSource, size?: CorpusSize) {
    this.documents = size?.documents ?? 0;
    this.terms = new Vocabulary(source?.terms, size?.terms);
    this.entities = new Vocabulary(source?.entities, size?.entities);
    if (source) this.counted = [];
  }

  /** Counts the article's keys into the document frequencies; returns their ids. */
  count(f: ArticleFeatures): ArticleIds {
    this.documents++;
    this.terms.prefetch(f.terms.keys());
    this.entities.prefetch(f.entities.keys());
    const count = (counts: ReadonlyMap<string, number>, vocab: Vocabulary) => {
      const ids: number[] = [];
      for (const k of counts.keys()) {
        const id = vocab.id(k);
        vocab.df[id]++;
        ids.push(id);
      }
      return ids;
    };
    const ids = { terms: count(f.terms, this.terms), entities: count(f.entities, this.entities) };
    this.counted?.push(ids);
    return ids;
  }

  /** The larger vocabulary's size: scratch arrays indexed by id need this much room. */
  get keys(): number {
    return Math.max(this.terms.size, this.entities.size);
  }

  /** Log-scaled term frequency × current IDF, for a count map whose keys have the ids `ids`. */
  weigh(counts: ReadonlyMap<string, number>, ids: number[], vocab: Vocabulary): Vec {
    const vals: number[] = [];
    let i = 0;
    for (const c of counts.values()) vals.push((1 + Math.log(c)) * this.idf(ids[i++], vocab));
    return { ids, vals };
  }

  /** `shareIds`: the result is only read now, so it may share the centroid's (growing) id array. */
  idfWeighted(centroid: Vec, vocab: Vocabulary, shareIds = false): Vec {
    vocab.ensure(centroid.ids);
    const vals: number[] = new Array(centroid.ids.length);
    for (let i = 0; i < centroid.ids.length; i++) vals[i] = centroid.vals[i] * this.idf(centroid.ids[i], vocab);
    return { ids: shareIds ? centroid.ids : centroid.ids.slice(), vals };
  }

  idf(id: number, vocab: Vocabulary): number {
    return Math.log(1 + this.documents / (vocab.df[id] || 1));
  }

  /** Restores saved counts (before any story is loaded, so centroid keys find their ids). */
  load(documents: number, termDf: Record<string, number>, entityDf: Record<string, number>): void {
    this.documents = documents;
    for (const [k, v] of Object.entries(termDf)) this.terms.df[this.terms.id(k)] = v;
    for (const [k, v] of Object.entries(entityDf)) this.entities.df[this.entities.id(k)] = v;
  }

  /** Ids of the keys counted since the last call, once each: the vocabulary rows a delta writes. */
  takeCounted(): { terms: Set<number>; entities: Set<number> } {
    const terms = new Set<number>();
    const entities = new Set<number>();
    for (const ids of this.counted ?? []) {
      for (const id of ids.terms) terms.add(id);
      for (const id of ids.entities) entities.add(id);
    }
    if (this.counted) this.counted = [];
    return { terms, entities };
  }
}
