/**
 * The network edge of crosscheck: one URL to its bytes, safely.
 *
 * Safe means that a URL from an untrusted place (a user of a crosscheck service, a feed, a redirect) cannot
 * make crosscheck talk to the machine it runs on or its private network: every host name is resolved first,
 * every address it resolves to is checked (see {@link blockedAddressKind}), and the connection is made to
 * exactly those checked addresses through a pinned `lookup`, so a second DNS answer cannot swap in another
 * address between the check and the connection. Each redirect goes through the same check. Sizes and time
 * are capped; failures come back as values naming the URL, never as exceptions.
 *
 * Written on `node:http`/`node:https` rather than `fetch` because `fetch` (undici) takes no per-connection
 * `lookup` and follows redirects by itself.
 * @packageDocumentation
 */

import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { blockedAddressKind } from './address-guard.js';

/** Options of {@link fetchUrl}. */
export interface FetchOptions {
  /** Allow loopback, private, link-local and other non-public addresses. Default `false`. */
  allowPrivate?: boolean;
  /** Addresses allowed even though they are not public, e.g. one known intranet feed server. Exact match. */
  allowAddresses?: readonly string[];
  /** Largest body accepted, after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Time for the whole fetch, redirects and body included. Default 15 s. */
  timeoutMs?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** The User-Agent header. Default {@link DEFAULT_USER_AGENT}. */
  userAgent?: string;
  /** The Accept header. Default `*\/*`. */
  accept?: string;
  /**
   * Resolves a host name to its addresses. Default: the system resolver (`dns.lookup`, all addresses).
   * Tests inject one to make a name resolve to a chosen address without touching DNS.
   */
  resolve?: (hostname: string) => Promise<string[]>;
}

/** A fetched body with what is known about it. */
export interface FetchSuccess {
  ok: true;
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** The media type of `Content-Type`, lower-cased, without parameters; empty when the server sent none. */
  contentType: string;
  /** The `charset` parameter of `Content-Type`, lower-cased, when given. */
  charset?: string;
  /** The body, decompressed. */
  bytes: Uint8Array;
  /** Every URL redirected to, in order (the last is `url`). */
  redirects: string[];
}

/** Why a fetch failed. */
export type FetchFailureReason =
  | 'blocked-address'
  | 'bad-url'
  | 'too-large'
  | 'timeout'
  | 'too-many-redirects'
  | 'http-error'
  | 'truncated'
  | 'network';

/** A fetch that gave no body, with a message naming the URL and the problem. */
export interface FetchFailure {
  ok: false;
  reason: FetchFailureReason;
  message: string;
  /** The URL being fetched when it failed (after redirects). */
  url: string;
  /** The HTTP status, for `http-error`. */
  status?: number;
}

/** The outcome of {@link fetchUrl}. */
export type FetchResult = FetchSuccess | FetchFailure;

const packageJson = createRequire(import.meta.url)('../../../package.json') as { version?: string };

/** The User-Agent sent by default: names crosscheck and where to learn about it. */
export const DEFAULT_USER_AGENT = `crosscheck/${packageJson.version ?? '0'} (+https://github.com/crosscheck; offline news reader)`;
/** Default for {@link FetchOptions.maxBytes}: 10 MB, far above any article or feed. */
export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** Default for {@link FetchOptions.timeoutMs}. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Default for {@link FetchOptions.maxRedirects}. */
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A failure found deep in the request, carried out to {@link fetchUrl} as one value. */
class FetchProblem extends Error {
  constructor(
    readonly reason: FetchFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fetches a URL with redirects, size and time limits, and the address guard.
 *
 * Refused before any connection: schemes other than http and https (`bad-url`), and hosts that are or resolve
 * to loopback, private, link-local, unspecified, carrier-grade NAT, multicast or other non-public addresses,
 * in IPv4 or IPv6, literal or via DNS, also IPv4-mapped (`blocked-address`), unless `allowPrivate`.
 * @param url - an absolute http(s) URL
 * @param options - limits, the guard's exemptions and the resolver
 * @returns the body and its type, or why there is none; never throws for network or server problems
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const redirects: string[] = [];
  let current = url;
  try {
    for (;;) {
      const target = parseTarget(current, redirects.length === 0 ? undefined : redirects.length);
      const addresses = await withAbort(vetHost(target, options), controller.signal);
      const response = await send(target, addresses, options, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        response.destroy();
        if (redirects.length >= maxRedirects) {
          throw new FetchProblem(
            'too-many-redirects',
            `${url}: more than ${maxRedirects} redirects (the last to ${resolveLocation(location, target)})`,
          );
        }
        current = resolveLocation(location, target);
        redirects.push(current);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        return {
          ok: false,
          reason: 'http-error',
          status,
          url: current,
          message: `${describeUrl(url, current)}: the server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
        };
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw new FetchProblem(
          'too-large',
          `${describeUrl(url, current)}: ${declared} bytes, over the ${maxBytes}-byte limit`,
        );
      }
      const bytes = await readBody(
        response,
        maxBytes,
        describeUrl(url, current),
        Number.isFinite(declared) ? declared : undefined,
      );
      const { contentType, charset } = parseContentType(response.headers['content-type']);
      const result: FetchSuccess = { ok: true, url: current, status, contentType, bytes, redirects };
      if (charset !== undefined) result.charset = charset;
      return result;
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        ok: false,
        reason: 'timeout',
        url: current,
        message: `${describeUrl(url, current)}: no complete response within ${timeoutMs} ms`,
      };
    }
    if (error instanceof FetchProblem) {
      return { ok: false, reason: error.reason, url: current, message: error.message };
    }
    return {
      ok: false,
      reason: 'network',
      url: current,
      message: `${describeUrl(url, current)}: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Parses and checks a URL to fetch; `redirect` is the redirect's number when the URL came from one. */
function parseTarget(url: string, redirect: number | undefined): URL {
  const from = redirect === undefined ? '' : ` (redirect ${redirect})`;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchProblem('bad-url', `${url}${from}: not a valid absolute URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchProblem(
      'bad-url',
      `${url}${from}: only http and https URLs are fetched, not ${target.protocol}`,
    );
  }
  if (target.hostname === '') throw new FetchProblem('bad-url', `${url}${from}: the URL has no host`);
  return target;
}

/** The host's addresses, every one of them allowed, or a {@link FetchProblem}. */
async function vetHost(target: URL, options: FetchOptions): Promise<string[]> {
  const host = bareHost(target);
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = options.resolve ? await options.resolve(host) : await systemResolve(host);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new FetchProblem('network', `${target.href}: cannot resolve ${host} (${detail})`);
    }
    if (addresses.length === 0) throw new FetchProblem('network', `${target.href}: ${host} has no address`);
  }
  if (options.allowPrivate) return addresses;
  for (const address of addresses) {
    const kind = blockedAddressKind(address);
    if (kind !== undefined && !options.allowAddresses?.includes(address)) {
      const via = address === host ? '' : ` resolves to ${address}, which`;
      throw new FetchProblem(
        'blocked-address',
        `${target.href}: refused, ${host}${via} is a ${kind} address (allow private addresses to fetch it)`,
      );
    }
  }
  return addresses;
}

async function systemResolve(hostname: string): Promise<string[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

/** Sends a GET and waits for the response head. The connection can only go to `addresses`. */
function send(
  target: URL,
  addresses: string[],
  options: FetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        protocol: target.protocol,
        hostname: bareHost(target),
        port: target.port === '' ? undefined : Number(target.port),
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: {
          'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
          accept: options.accept ?? '*/*',
          'accept-encoding': 'gzip, deflate, br',
        },
        // A fresh connection per request: a pooled socket could have been opened by a lookup we did not vet.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request` that answers only with the addresses already checked, so the connection
 * cannot be made to anything the guard did not see.
 */
function pinnedLookup(addresses: string[]) {
  return (
    _hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: LookupCallback,
  ): void => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const entries = addresses
      .map((address) => ({ address, family: isIP(address) }))
      .filter((entry) => family === 0 || entry.family === family);
    const first = entries[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`no IPv${family} address among the checked ones`);
      error.code = 'ENOTFOUND';
      callback(error, '');
    } else if (options.all) {
      callback(null, entries);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/**
 * Reads and decompresses the body, stopping as soon as it passes `maxBytes`. A body cut short (the
 * connection closed before `Content-Length` bytes, or inside a chunk or a gzip stream) is a `truncated`
 * {@link FetchProblem}, never a shorter body: a page cut mid-word ("…Mercedes-Ben") must not be stored as
 * the article.
 * @param declared - the `Content-Length`, when the server sent one (the length on the wire, compressed)
 */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  name: string,
  declared: number | undefined,
): Promise<Uint8Array> {
  const decoder = decoderFor(response.headers['content-encoding'], name);
  let stream: Readable = response;
  if (decoder) {
    response.on('error', (error) => decoder.destroy(error));
    stream = response.pipe(decoder);
  }
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
  });
  const cutShort = (detail: string): FetchProblem =>
    new FetchProblem(
      'truncated',
      `${name}: the body was cut short after ${received}${declared === undefined ? '' : ` of ${declared}`} bytes (${detail}); not read as complete`,
    );
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes)
        throw new FetchProblem('too-large', `${name}: body over the ${maxBytes}-byte limit`);
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    // Node reports a connection closed mid-body as "aborted" (ECONNRESET), a cut gzip stream as a zlib error.
    const code = (error as { code?: unknown }).code;
    if (code === 'ECONNRESET' || (typeof code === 'string' && code.startsWith('Z_')))
      throw cutShort(error instanceof Error ? error.message : String(code));
    throw error;
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  if (!response.complete) throw cutShort('the connection closed before the message ended');
  if (declared !== undefined && received !== declared) throw cutShort('fewer bytes than Content-Length');
  return new Uint8Array(Buffer.concat(chunks, total));
}

function decoderFor(encoding: string | undefined, name: string) {
  const value = encoding?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'identity') return undefined;
  if (value === 'gzip' || value === 'x-gzip') return createGunzip();
  if (value === 'deflate') return createInflate();
  if (value === 'br') return createBrotliDecompress();
  throw new FetchProblem('network', `${name}: unsupported content encoding "${encoding}"`);
}

function parseContentType(header: string | undefined): { contentType: string; charset?: string } {
  if (header === undefined) return { contentType: '' };
  const [type = '', ...parameters] = header.split(';');
  const result: { contentType: string; charset?: string } = { contentType: type.trim().toLowerCase() };
  for (const parameter of parameters) {
    const [key = '', value = ''] = parameter.split('=');
    if (key.trim().toLowerCase() === 'charset') {
      const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
      if (charset !== '') result.charset = charset;
    }
  }
  return result;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchProblem('bad-url', `${base.href}: redirects to an invalid URL "${location}"`);
  }
}

/** `[::1]` → `::1`: the URL keeps brackets around IPv6 hosts, sockets and the guard want them off. */
function bareHost(target: URL): string {
  return target.hostname.replace(/^\[|\]$/g, '');
}

function describeUrl(original: string, current: string): string {
  return original === current ? original : `${original} (redirected to ${current})`;
}

/** Rejects when the signal aborts, for steps (a custom resolver) that do not take a signal themselves. */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
