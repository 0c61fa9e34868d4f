/**
 * The ingest entry point the CLI uses: turns inputs (files, folders, `-` for stdin, http(s)
 * URLs) into RawDocuments, one reader per format. Formats come from the file extension or
 * Content-Type, else from sniffing the text. A failing input yields one error item naming it
 * and reading goes on with the next, so one bad file never sinks a batch.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RawDocument, SourceFormat } from '../types.ts';
import { decodeBytes, type DecodeHints } from './charset.ts';
import { IngestError } from './errors.ts';
import { readFeed } from './feed.ts';
import { assertFetchable, fetchResource, type FetchedResource, type FetchOptions } from './fetch.ts';
import { extractHtml } from './extract.ts';
import { readJsonl } from './jsonl.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, describeBytes } from './limits.ts';
import { readOpml } from './opml.ts';
import { readPlainText } from './plain-text.ts';

export { IngestError } from './errors.ts';

export interface IngestOptions {
  /** Fetch the page of a feed item that carries only a short summary. */
  fetchLinked?: boolean;
  /** Inputs (files, responses, stdin) larger than this are refused. Default 10 MB. */
  maxBytes?: number;
  /** Per URL. Default 15 s. */
  timeoutMs?: number;
  /** Read for the `-` input; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Fetch internal addresses (loopback, private, link-local…); default KRONIKA_ALLOW_PRIVATE (src/net/http.ts). */
  allowPrivate?: boolean;
  /** DNS for URL inputs; tests answer without a resolver. */
  lookup?: FetchOptions['lookup'];
  /** Longest one HTML page's extraction may take (src/ingest/extract.ts). Default 10 s. */
  extractTimeoutMs?: number;
}

export type IngestItem =
  | { kind: 'document'; input: string; document: RawDocument }
  | { kind: 'error'; input: string; message: string }
  /** The input was read, with a doubt worth telling (e.g. its charset was guessed). */
  | { kind: 'warning'; input: string; message: string };

/** What a file or response holds; OPML lists feeds rather than articles. */
export type InputFormat = SourceFormat | 'opml';

const EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  '.opml': 'opml',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

const IS_URL = /^[a-z][a-z0-9+.-]+:/i;

/**
 * The format a text's opening suggests: markup roots, a JSON object line, else plain text.
 * @example sniffFormat('<?xml version="1.0"?><rss version="2.0">') // → 'feed'
 */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('<')) {
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html|<html[\s>]/i.test(head)) return 'html';
    if (/<opml[\s>]/i.test(head)) return 'opml';
    if (/<(rss|feed|rdf:RDF)[\s>]/.test(head)) return 'feed';
    return 'html';
  }
  if (head.startsWith('{')) {
    try {
      JSON.parse(head.split('\n', 1)[0]);
      return 'jsonl';
    } catch {
      // Text that merely starts with a brace.
    }
  }
  return 'text';
}

function formatFromContentType(contentType: string | undefined): InputFormat | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (!type) return undefined;
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/(rss|atom|rdf)\+xml$/.test(type)) return 'feed';
  if (type === 'text/x-opml' || type === 'text/x-opml+xml') return 'opml';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/plain') return 'text';
  return undefined;
}

/** XML extensions cover feeds and OPML alike; the root element decides. */
function refineXml(format: InputFormat, text: string): InputFormat {
  return format === 'feed' && sniffFormat(text) === 'opml' ? 'opml' : format;
}

const errorItem = (error: unknown, input: string): IngestItem =>
  error instanceof IngestError
    ? { kind: 'error', input: error.input, message: error.message }
    : { kind: 'error', input, message: error instanceof Error ? error.message : String(error) };

class Reader {
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  /** OPML files and feeds already expanded, so a list naming itself cannot loop. */
  private readonly opened = new Set<string>();

  constructor(private readonly options: IngestOptions) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async *input(input: string): AsyncGenerator<IngestItem> {
    try {
      if (input === '-') yield* this.stdin();
      else if (IS_URL.test(input) && !(await exists(input))) yield* this.url(input);
      else yield* this.path(input);
    } catch (error) {
      yield errorItem(error, input);
    }
  }

  private async *path(path: string): AsyncGenerator<IngestItem> {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new IngestError(path, 'no such file or folder');
    }
    if (info.isDirectory()) {
      for (const file of await listFolder(path)) yield* this.input(file);
      return;
    }
    if (info.size > this.maxBytes) {
      throw new IngestError(path, `file is ${describeBytes(info.size)}, over the ${describeBytes(this.maxBytes)} limit`);
    }
    const bytes = await readFile(path);
    const text = yield* this.decode(bytes, { origin: path });
    const byExtension = EXTENSIONS[extname(path).toLowerCase()];
    const format = byExtension ? refineXml(byExtension, text) : sniffFormat(text);
    yield* this.content(text, format, path);
  }

  private async *stdin(): AsyncGenerator<IngestItem> {
    const stream = this.options.stdin ?? process.stdin;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > this.maxBytes) throw new IngestError('-', `standard input is over the ${describeBytes(this.maxBytes)} limit`);
      chunks.push(buffer);
    }
    const text = yield* this.decode(Buffer.concat(chunks, total), { origin: '-' });
    yield* this.content(text, sniffFormat(text), '-');
  }

  /** Bytes → text; a charset guessed or overruled comes out as a warning item first. */
  private async *decode(bytes: Uint8Array, hints: DecodeHints): AsyncGenerator<IngestItem, string> {
    const decoded = decodeBytes(bytes, hints);
    if (decoded.warning) yield { kind: 'warning', input: hints.origin, message: decoded.warning };
    return decoded.text;
  }

  private fetch(url: string): Promise<FetchedResource> {
    const { allowPrivate, lookup } = this.options;
    return fetchResource(url, {
      timeoutMs: this.timeoutMs, maxBytes: this.maxBytes,
      ...(allowPrivate !== undefined && { allowPrivate }), ...(lookup && { lookup }),
    });
  }

  private html(text: string, input: { origin: string; url?: string }): Promise<RawDocument> {
    const { extractTimeoutMs } = this.options;
    return extractHtml(text, input, extractTimeoutMs === undefined ? {} : { timeoutMs: extractTimeoutMs });
  }

  private async *url(url: string): AsyncGenerator<IngestItem> {
    assertFetchable(url);
    yield* this.fetched(url, await this.fetch(url));
  }

  /** A response already fetched: the format from its Content-Type or, when that is vague, from sniffing. */
  async *fetched(url: string, resource: FetchedResource): AsyncGenerator<IngestItem> {
    const text = yield* this.decode(resource.bytes, { origin: url, contentType: resource.contentType });
    const byType = formatFromContentType(resource.contentType);
    // Servers label feeds text/xml or text/html as often as not: sniff unless the type is specific.
    const format = byType === 'html' || byType === undefined ? sniffFormat(text) : byType;
    yield* this.content(text, format, url, resource.url);
  }

  private async *content(text: string, format: InputFormat, origin: string, url?: string): AsyncGenerator<IngestItem> {
    switch (format) {
      case 'text':
        yield document(readPlainText(text, origin));
        return;
      case 'html':
        yield document(await this.html(text, { origin, ...(url && { url }) }));
        return;
      case 'jsonl':
        for (const item of readJsonl(text, origin)) {
          yield item.kind === 'document' ? document(item.document) : errorItem(item.error, origin);
        }
        return;
      case 'feed':
        yield* this.feed(text, origin);
        return;
      case 'opml':
        if (this.opened.has(origin)) return;
        this.opened.add(origin);
        for (const location of readOpml(text, origin)) {
          // A feed that fails is reported with the list that named it, so the user knows which file to fix.
          for await (const item of this.input(location)) {
            yield item.kind === 'document' ? item : { ...item, message: `${item.message} (listed in ${origin})` };
          }
        }
        return;
    }
  }

  private async *feed(xml: string, origin: string): AsyncGenerator<IngestItem> {
    for (const item of readFeed(xml, origin).items) {
      const link = item.document.url;
      if (!(this.options.fetchLinked && item.summaryOnly && link)) {
        yield document(item.document);
        continue;
      }
      try {
        yield document(yield* this.linkedPage(item.document, link));
      } catch (error) {
        // The summary is still worth keeping; the error line says the full page is missing.
        yield errorItem(error, link);
        if (item.document.text) yield document(item.document);
      }
    }
  }

  /** The full article behind a summary-only feed item; the item's metadata fills the page's gaps. */
  private async *linkedPage(item: RawDocument, link: string): AsyncGenerator<IngestItem, RawDocument> {
    const resource = await this.fetch(link);
    const text = yield* this.decode(resource.bytes, { origin: link, contentType: resource.contentType });
    const page = await this.html(text, { origin: link, url: resource.url });
    return {
      ...item,
      ...page,
      origin: link,
      format: 'feed',
      title: page.title ?? item.title,
      published: page.published ?? item.published,
      author: page.author ?? item.author,
      outlet: item.outlet ?? page.outlet,
    };
  }
}

function document(doc: RawDocument): IngestItem {
  return { kind: 'document', input: doc.origin, document: doc };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Files under a folder with a known extension, recursively, sorted, dotfiles and dot-folders
 * skipped. Symbolic links are followed, but each real folder is visited once: a link to a parent
 * (a loop) or a second link to the same folder adds nothing.
 */
async function listFolder(folder: string, visited = new Set<string>()): Promise<string[]> {
  const real = await realpath(folder);
  if (visited.has(real)) return [];
  visited.add(real);
  const files: string[] = [];
  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
    if (info?.isDirectory()) files.push(...(await listFolder(path, visited)));
    else if (info?.isFile() && EXTENSIONS[extname(entry.name).toLowerCase()]) files.push(path);
  }
  return files;
}

/**
 * The documents of a response fetched elsewhere (the API's URL ingest), read as `kronika ingest
 * <url>` reads it: a feed URL yields its items, a page its article.
 * @example for await (const item of readFetched(url, await fetchResource(url))) …
 */
export function readFetched(url: string, resource: FetchedResource, options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  return new Reader(options).fetched(url, resource);
}

/**
 * Reads every input in order and yields its documents, or one error item per failure.
 * @example for await (const item of readInputs(['samples/kim-putin-2023'])) console.log(item.kind, item.input)
 */
export async function* readInputs(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const reader = new Reader(options);
  for (const input of inputs) yield* reader.input(input);
}
