import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags the CLI sets for itself. A one-shot run executes most regular expressions only a handful of
 * times; V8 first interprets a regular expression and compiles it after its first use, and compiling at
 * once saved 40 of the first call's 210 ms on the seed story (`npm run bench`, seeds vs seeds-cli). It
 * changes no result. The library leaves the host's flags alone.
 */
export const CLI_V8_FLAGS = ['--no-regexp-tier-up'] as const;

/** Applies {@link CLI_V8_FLAGS}; call before the engine's modules load, as the flags apply to later compilations. */
export function applyCliV8Flags(): void {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}
