/**
 * Bytes of a feed or dump to text. XML declares its own encoding (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
 * which the HTML sniffing rules ignore, so feeds get this small decoder; HTML pages use the page decoder of
 * `../html/charset.ts`. Decoding itself is `TextDecoder` (Node ships full ICU).
 * @packageDocumentation
 */
import { TextDecoder } from 'node:util';

/** Decoded text and the encoding used. */
export interface DecodedText {
  text: string;
  charset: string;
}

const XML_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:+-]+)["']/i;

/**
 * Decodes bytes: a byte-order mark wins, then the transport's charset, then an XML declaration's encoding,
 * else UTF-8 (malformed sequences become U+FFFD rather than failing).
 * @param bytes - the raw bytes
 * @param charset - the `charset` of the `Content-Type` header, when there was one
 * @returns the text without byte-order mark, and the encoding used
 */
export function decodeText(bytes: Uint8Array, charset?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes.subarray(2), 'utf-16le');
  const declared =
    charset ?? XML_ENCODING.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  return decodeWith(bytes, declared ?? 'utf-8');
}

function decodeWith(bytes: Uint8Array, label: string): DecodedText {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // An unknown label (a typo, a private name) is read as UTF-8, the encoding of nearly every feed.
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
