/**
 * The Host header check against DNS rebinding: a page on `evil.example` whose name is made to resolve to
 * 127.0.0.1 reaches a loopback server from the victim's browser, with `Host: evil.example`. Answering
 * only the names the server is meant to be reached by stops it; loopback names are always allowed.
 * @packageDocumentation
 */

/** Names of this machine's loopback interface, which no other site can claim. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The host name of a `Host` header value, lower-cased, without port or trailing dot; `[::1]` keeps its brackets.
 * @param header - e.g. `Example.org:8080`, `[::1]:8080`
 */
export function hostOfHeader(header: string): string {
  const value = header.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Whether a host name is loopback: `localhost` and its subdomains, 127.0.0.0/8, `[::1]`.
 * @param name - a host name as {@link hostOfHeader} gives it
 */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/**
 * Builds the check of a request's host name: loopback names, and the names allowed besides (`*` allows any).
 * @param allowed - host names, as given to `--host` and `--allowed-host`
 * @returns whether a `Host` header value is allowed
 */
export function hostAllowed(allowed: readonly string[] = []): (header: string) => boolean {
  const names = new Set(allowed.map(hostOfHeader));
  if (names.has('*')) return () => true;
  return (header) => {
    const name = hostOfHeader(header);
    return name !== '' && (isLoopbackName(name) || names.has(name));
  };
}
