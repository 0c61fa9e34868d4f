/**
 * The records that flow between pipeline stages (docs/ARCHITECTURE.md shows where; docs/SCHEMA.md their JSON).
 *
 * Stages add their own, richer types next to their entry function; this file holds only what
 * crosses stage boundaries, so every module can import it without pulling in a stage.
 * Every derived fact keeps character offsets into `Article.text`, so the UI can show evidence.
 */

/** How precisely a date is known. The seeds' `date 2023-09` is month precision. */
export type DatePrecision = 'year' | 'month' | 'day' | 'minute';

/**
 * A publication date with honest precision. `value` is an ISO 8601 prefix matching the
 * precision: `2023`, `2023-09`, `2023-09-12`, `2023-09-12T10:30Z` (minute, always UTC).
 */
export interface Published {
  readonly value: string;
  readonly precision: DatePrecision;
}

export type Language = 'pl' | 'en' | 'und';

/** The input formats ingest understands. */
export type SourceFormat = 'text' | 'html' | 'feed' | 'jsonl';

/** Why a block of text was taken out of an article; kept so cleaning is auditable. */
export type RemovedKind =
  | 'advert'        // "REKLAMA"
  | 'video'         // "Zobacz wideo …"
  | 'related'       // "Czytaj też:" and the headline links glued after it
  | 'photo-credit'  // "Fot. …" captions and credits
  | 'share'         // share buttons, "Udostępnij"
  | 'cookie'        // cookie / consent banners
  | 'newsletter'    // newsletter and subscription prompts
  | 'other';

export interface RemovedBlock {
  readonly kind: RemovedKind;
  readonly text: string;
}

/**
 * What an ingest reader produces from bytes, before cleaning, language id and identity:
 * one per article (a feed yields many). `text` has paragraphs separated by blank lines.
 */
export interface RawDocument {
  /** The file path or URL it came from; for feed items, the item's link or `feed#guid`. */
  readonly origin: string;
  readonly format: SourceFormat;
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: Published;
  readonly author?: string;
  readonly outlet?: string;
  /** Boilerplate already removed by the reader (e.g. HTML share lines). */
  readonly removed?: readonly RemovedBlock[];
}

/** A cleaned, identified article: the unit every later stage works on. */
export interface Article {
  /** Stable id: a hash of the normalised clean text, so re-ingesting the same content is a no-op. */
  readonly id: string;
  readonly origin: string;
  readonly format: SourceFormat;
  readonly url?: string;
  readonly title?: string;
  /** Unknown stays undefined: never invent "now". */
  readonly published?: Published;
  readonly language: Language;
  readonly outlet?: string;
  readonly author?: string;
  /** Clean text; paragraphs separated by exactly one blank line ("\n\n"). Offsets index into it. */
  readonly text: string;
  readonly removed: readonly RemovedBlock[];
  /** Id of the earlier article this one nearly duplicates (syndicated copy), if any. */
  readonly duplicateOf?: string;
  /** Id of the earlier article at the same URL that this one is a changed version of, if any. */
  readonly revisionOf?: string;
  /** The subscribed source (src/sources) it was fetched from, if any. */
  readonly sourceId?: string;
  /** Its place in the store's ingest order; set on articles read from a store (src/store/store.ts). */
  readonly seq?: number;
  /** MinHash signature over word shingles, for near-duplicate detection. */
  readonly fingerprint?: readonly number[];
  /** When Kronika first stored it (ISO 8601, UTC). */
  readonly ingestedAt: string;
}

/** A half-open character range [start, end) into an article's clean text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'EVT' | 'PRO';
