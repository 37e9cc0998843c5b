/**
 * The file-system edge of HTML extraction: reads a saved page (`.html`, `.htm`, or gzip-compressed
 * `.html.gz`), decompresses it when it is gzip, and decodes it with its declared charset.
 * @packageDocumentation
 */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { CrosscheckError } from '../../model/index.js';
import { type DecodedHtml, decodeHtml } from './charset.js';

/** Options of {@link readHtmlFile}. */
export interface ReadHtmlOptions {
  /** The `Content-Type` header the page was served with, when known: its charset wins over the page's own. */
  contentType?: string;
  /** Files (and decompressed pages) larger than this many bytes are refused. Default 50 MB. */
  maxBytes?: number;
}

/** A saved page read from disk. */
export interface HtmlFile extends DecodedHtml {
  path: string;
  /** Whether the file was gzip-compressed. */
  compressed: boolean;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Whether bytes start with the gzip magic number (the extension is not trusted: saved pages lie). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads, decompresses and decodes a saved HTML page.
 * @param path - the file
 * @param options - the transport's `Content-Type` and a size cap
 * @throws CrosscheckError `input-not-found` when the path is not a readable file, `input-too-large`
 *   over the cap, `input-unreadable` when gzip data is corrupt
 */
export async function readHtmlFile(path: string, options: ReadHtmlOptions = {}): Promise<HtmlFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    throw new CrosscheckError('input-not-found', `${path}: no such file`);
  }
  if (info.size > maxBytes) {
    throw new CrosscheckError(
      'input-too-large',
      `${path}: ${info.size} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  let bytes: Uint8Array = await readFile(path);
  const compressed = isGzip(bytes);
  if (compressed) {
    try {
      // maxOutputLength stops a small "zip bomb" from filling memory.
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      throw new CrosscheckError(
        'input-unreadable',
        `${path}: cannot decompress gzip data (${(error as Error).message})`,
      );
    }
  }
  const decoded = decodeHtml(
    bytes,
    options.contentType === undefined ? {} : { contentType: options.contentType },
  );
  return { path, compressed, ...decoded };
}
