/**
 * Decoding an HTML page's bytes to text with the charset the page declares, in the order of the HTML
 * standard's encoding sniffing: byte-order mark, then the transport's `Content-Type` header, then a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` near the top, then UTF-8 when the bytes are
 * valid UTF-8 and windows-1252 otherwise. Decoding itself is `TextDecoder` (Node ships full ICU);
 * only the sniffing is written here, because no installed package does it.
 * @packageDocumentation
 */

/** Where the charset used came from. */
export type CharsetSource = 'bom' | 'content-type' | 'meta' | 'utf8-valid' | 'fallback';

/** A decoded page and how its charset was chosen. */
export interface DecodedHtml {
  /** The page text, without byte-order mark. */
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  charset: string;
  source: CharsetSource;
}

/** Options of {@link decodeHtml}. */
export interface DecodeOptions {
  /** The HTTP `Content-Type` header the page was served with, e.g. `text/html; charset=ISO-8859-1`. */
  contentType?: string;
}

/** How far into the page a `<meta>` charset declaration is looked for (the standard says 1024 bytes; pages with long heads exceed it). */
const META_SCAN_BYTES = 4096;

const BOMS: ReadonlyArray<{ bytes: readonly number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:+-]+)/i;
const HEADER_CHARSET = /\bcharset\s*=\s*["']?\s*([\w.:+-]+)/i;

/**
 * The WHATWG encoding name for a label, or undefined when `TextDecoder` does not know it.
 * @param label - a charset label as found in a header or a page, e.g. `ISO-8859-1`, `utf8`, `x-sjis`
 */
export function normalizeCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** The charset a `Content-Type` value names, normalised, or undefined. */
export function charsetFromContentType(contentType: string): string | undefined {
  const label = HEADER_CHARSET.exec(contentType)?.[1];
  return label === undefined ? undefined : normalizeCharset(label);
}

/**
 * The charset a page declares in a `<meta>` element near its top, normalised, or undefined.
 * A page cannot be UTF-16 by its own declaration (it would not be readable as ASCII to find the
 * declaration), so the standard reads a declared UTF-16 as UTF-8, and so does this.
 * @param bytes - the page's bytes
 */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so ASCII markup reads the same in any ASCII-compatible charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES));
  const label = META_CHARSET.exec(head)?.[1];
  if (label === undefined) return undefined;
  const charset = normalizeCharset(label);
  return charset?.startsWith('utf-16') ? 'utf-8' : charset;
}

/**
 * windows-1252's characters at bytes 0x80–0x9F (curly quotes, dashes, the euro sign…), by byte.
 * Node 20's `TextDecoder('windows-1252')` decodes these bytes as ISO-8859-1's C1 control characters
 * instead (U+0080–U+009F), so they are mapped here after decoding. Unassigned bytes stay as they are.
 */
const WINDOWS_1252_HIGH: Readonly<Record<number, string>> = {
  128: '\u20ac',
  130: '\u201a',
  131: '\u0192',
  132: '\u201e',
  133: '\u2026',
  134: '\u2020',
  135: '\u2021',
  136: '\u02c6',
  137: '\u2030',
  138: '\u0160',
  139: '\u2039',
  140: '\u0152',
  142: '\u017d',
  145: '\u2018',
  146: '\u2019',
  147: '\u201c',
  148: '\u201d',
  149: '\u2022',
  150: '\u2013',
  151: '\u2014',
  152: '\u02dc',
  153: '\u2122',
  154: '\u0161',
  155: '\u203a',
  156: '\u0153',
  158: '\u017e',
  159: '\u0178',
};

/**
 * Decodes bytes in a WHATWG encoding. For windows-1252 (which the standard also uses for every
 * `latin1` / `iso-8859-1` / `ascii` label) the C1 range is repaired, see {@link WINDOWS_1252_HIGH}.
 * @param bytes - the bytes to decode
 * @param charset - a normalised encoding name from {@link normalizeCharset}
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const text = new TextDecoder(charset).decode(bytes);
  if (charset !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0)] ?? control);
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, position) => bytes[position] === byte)) {
      return { charset: bom.charset, length: bom.bytes.length };
    }
  }
  return undefined;
}

/**
 * Decodes an HTML page's bytes. Never throws on bad bytes: invalid sequences become U+FFFD.
 * @param bytes - the raw page, e.g. from `readFile` or a fetch body
 * @param options - the transport's `Content-Type`, when the page was fetched
 * @example decodeHtml(bytes, { contentType: 'text/html; charset=windows-1252' }).text
 */
export function decodeHtml(bytes: Uint8Array, options: DecodeOptions = {}): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom !== undefined) {
    return {
      text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)),
      charset: bom.charset,
      source: 'bom',
    };
  }
  const declared: Array<[string | undefined, CharsetSource]> = [
    [
      options.contentType === undefined ? undefined : charsetFromContentType(options.contentType),
      'content-type',
    ],
    [charsetFromMeta(bytes), 'meta'],
  ];
  for (const [charset, source] of declared) {
    if (charset !== undefined) return { text: decodeBytes(bytes, charset), charset, source };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      charset: 'utf-8',
      source: 'utf8-valid',
    };
  } catch {
    // Undeclared and not UTF-8: windows-1252 is what browsers assume for Western pages.
    return {
      text: decodeBytes(bytes, 'windows-1252'),
      charset: 'windows-1252',
      source: 'fallback',
    };
  }
}
