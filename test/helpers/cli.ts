import { defaultStoreCommandDependencies } from '../../src/cli/commands/store-commands.js';
import { type CliDependencies, runCli } from '../../src/cli/run.js';
import { openNewsroom } from '../../src/service/newsroom.js';
import { openSqliteStore } from '../../src/store/index.js';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing stdout and stderr (stdout is no terminal). */
export async function runCliCaptured(
  argv: readonly string[],
  dependencies: Partial<CliDependencies> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      isTerminal: false,
    },
    dependencies,
  );
  return { code, stdout, stderr };
}

/**
 * The store commands' dependencies over SQLite at `db`, on a clock that advances a minute per call,
 * without progress bars; `sleeps` records what `watch` waited.
 */
export function sqliteStoreDependencies(db: string, start = Date.UTC(2025, 2, 12, 9)) {
  let clock = start;
  const sleeps: number[] = [];
  const store = {
    ...defaultStoreCommandDependencies,
    openNewsroom: async (path: string) =>
      openNewsroom(await openSqliteStore(path), {
        now: () => {
          clock += 60_000;
          return new Date(clock);
        },
      }),
    defaultDbPath: () => db,
    sleep: async (milliseconds: number) => {
      sleeps.push(milliseconds);
    },
    progress: false,
  };
  return { store, sleeps, now: () => new Date(clock).toISOString() };
}
