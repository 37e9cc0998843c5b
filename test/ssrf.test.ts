import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedAddressKind } from '../src/ingest/fetch/address-guard.js';
import { fetchUrl } from '../src/ingest/fetch/fetch-url.js';

// The guard against server-side request forgery. Traffic in this file goes only to a server on 127.0.0.1
// started here; every other address below is refused before any socket is opened, which is what is tested.
// Names such as public.example resolve through an injected resolver, never through DNS.

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits += 1;
    const redirects: Record<string, string> = {
      '/to-internal': 'http://internal.example/admin',
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-ipv6-loopback': `http://[::1]:${port}/ok`,
      '/to-other-loopback': `http://127.0.0.2:${port}/ok`,
      '/to-mapped': `http://[::ffff:7f00:1]:${port}/ok`,
      '/to-self': '/ok',
      '/to-loopback-name': `http://loopback.example:${port}/ok`,
    };
    const location = redirects[request.url ?? ''];
    if (location) response.writeHead(302, { location }).end();
    else response.writeHead(200, { 'content-type': 'text/plain' }).end('loopback server');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A resolver for invented names; any other name fails the test instead of reaching DNS. */
function fakeResolver(table: Record<string, string[]>, calls: string[] = []) {
  return async (hostname: string): Promise<string[]> => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw new Error(`unexpected lookup of ${hostname}`);
    return addresses;
  };
}

describe('blockedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['fd12:3456::1', 'private (unique local)'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:7f00:1::1', 'loopback'],
    ['localhost', 'not an IP address'],
  ])('%s is refused as %s', (address, kind) => {
    expect(blockedAddressKind(address)).toBe(kind);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:93.184.216.34',
    '64:ff9b::808:808',
  ])('%s is a public address and allowed', (address) => {
    expect(blockedAddressKind(address)).toBeUndefined();
  });
});

describe('fetchUrl refuses non-public addresses before connecting', () => {
  it.each([
    { name: 'IPv4 loopback', url: () => `http://127.0.0.1:${port}/ok` },
    { name: 'localhost', url: () => `http://localhost:${port}/ok` },
    { name: 'IPv6 loopback', url: () => `http://[::1]:${port}/ok` },
    { name: 'IPv4-mapped loopback', url: () => `http://[::ffff:127.0.0.1]:${port}/ok` },
    { name: 'the unspecified address', url: () => `http://0.0.0.0:${port}/ok` },
    { name: 'loopback as one decimal number', url: () => `http://2130706433:${port}/ok` },
    { name: 'loopback in hexadecimal', url: () => `http://0x7f.1:${port}/ok` },
    { name: 'a private address', url: () => 'http://10.0.0.1/' },
    { name: 'the cloud metadata address', url: () => 'http://169.254.169.254/latest/meta-data/' },
    { name: 'a carrier-grade NAT address', url: () => 'http://100.64.0.1/' },
    { name: 'an IPv6 unique-local address', url: () => 'http://[fd00::1]/' },
    { name: 'an IPv6 link-local address', url: () => 'http://[fe80::1]/' },
  ])('$name', async ({ url }) => {
    const before = hits;
    const calls: string[] = [];
    // localhost goes through the injected resolver too, so no test depends on the machine's hosts file.
    const resolve = fakeResolver({ localhost: ['127.0.0.1', '::1'] }, calls);
    const result = await fetchUrl(url(), { resolve, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(!result.ok && result.message).toMatch(/refused/);
    expect(hits).toBe(before);
    // Literal addresses are checked as they are, without a lookup.
    expect(calls).toEqual(url().includes('localhost') ? ['localhost'] : []);
  });

  it.each([
    { name: 'a name resolving to loopback', addresses: ['127.0.0.1'] },
    { name: 'a name resolving to a private address', addresses: ['10.0.0.1'] },
    {
      name: 'a name with one public-looking allowed and one loopback address',
      addresses: ['127.0.0.1', '::1'],
    },
  ])('$name', async ({ addresses }) => {
    const before = hits;
    const result = await fetchUrl(`http://public.example:${port}/ok`, {
      resolve: fakeResolver({ 'public.example': addresses }),
      // Only the last case exempts 127.0.0.1; its other address still blocks the whole host.
      allowAddresses: addresses.length > 1 ? ['127.0.0.1'] : [],
    });
    expect(result).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(!result.ok && result.message).toContain('public.example');
    expect(hits).toBe(before);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://files.example/',
    'gopher://old.example/',
    'javascript:alert(1)',
    'not a url',
  ])('%s is a bad URL', async (url) => {
    const result = await fetchUrl(url, { resolve: fakeResolver({}) });
    expect(result).toMatchObject({ ok: false, reason: 'bad-url' });
    expect(!result.ok && result.message).toContain(url);
  });
});

describe('fetchUrl checks every redirect', () => {
  // "public.example" stands for a public server: it resolves to the loopback test server, and that one address
  // is exempted from the guard, so the first hop connects and everything after it is checked as in production.
  const options = (calls: string[] = []) => ({
    resolve: fakeResolver({ 'public.example': ['127.0.0.1'], 'internal.example': ['10.0.0.1'] }, calls),
    allowAddresses: ['127.0.0.1'],
    timeoutMs: 2000,
  });

  it('follows a redirect that stays on allowed addresses (control)', async () => {
    const result = await fetchUrl(`http://public.example:${port}/to-self`, options());
    expect(result.ok).toBe(true);
    expect(result.ok && result.url).toBe(`http://public.example:${port}/ok`);
  });

  it.each([
    { path: '/to-internal', target: 'internal.example', address: '10.0.0.1' },
    { path: '/to-metadata', target: '169.254.169.254', address: '169.254.169.254' },
    { path: '/to-ipv6-loopback', target: '[::1]', address: '::1' },
    { path: '/to-other-loopback', target: '127.0.0.2', address: '127.0.0.2' },
    { path: '/to-mapped', target: '[::ffff:7f00:1]', address: '::ffff:7f00:1' },
  ])('a public → $target redirect is refused', async ({ path, target, address }) => {
    const before = hits;
    const calls: string[] = [];
    const result = await fetchUrl(`http://public.example:${port}${path}`, options(calls));
    expect(result).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(!result.ok && result.url).toContain(target);
    expect(!result.ok && result.message).toContain(address);
    // Only the first hop reached the server.
    expect(hits).toBe(before + 1);
    expect(calls[0]).toBe('public.example');
  });

  it('follows a redirect to a loopback name only when private addresses are allowed', async () => {
    const resolve = fakeResolver({ 'public.example': ['127.0.0.1'], 'loopback.example': ['127.0.0.1'] });
    const url = `http://public.example:${port}/to-loopback-name`;
    const allowed = await fetchUrl(url, { resolve, allowPrivate: true });
    expect(allowed.ok && allowed.url).toBe(`http://loopback.example:${port}/ok`);
    const refused = await fetchUrl(url, { resolve });
    expect(refused).toMatchObject({ ok: false, reason: 'blocked-address' });
  });
});
