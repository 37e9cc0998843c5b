/**
 * Where the converted lexical resources live: `$XDG_CACHE_HOME/crosscheck`, else
 * `~/.cache/crosscheck`. They are caches in the XDG sense: derived from installed packages, rebuilt when
 * missing or stale, safe to delete.
 * @packageDocumentation
 */
import path from 'node:path';

/**
 * The cache directory of crosscheck for an environment and a home directory. Passed in rather than read
 * from `process` so tests and callers decide.
 * @param environment - the process environment (only `XDG_CACHE_HOME` is read)
 * @param homeDirectory - the user's home directory
 */
export function defaultCacheDirectory(
  environment: Readonly<Record<string, string | undefined>>,
  homeDirectory: string,
): string {
  const cacheHome = environment.XDG_CACHE_HOME;
  // The XDG specification says a relative path in the variable is invalid and must be ignored.
  const base =
    cacheHome !== undefined && cacheHome !== '' && path.isAbsolute(cacheHome)
      ? cacheHome
      : path.join(homeDirectory, '.cache');
  return path.join(base, 'crosscheck');
}
