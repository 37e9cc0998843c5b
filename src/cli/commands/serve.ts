/**
 * `crosscheck serve [--db PATH] [--host HOST] [--port PORT] [--allowed-host NAME…] [--allow-private]`: the
 * JSON API and the web reader over a store, on loopback by default, answering only loopback host names,
 * the host bound and the names `--allowed-host` gives (against DNS rebinding). Runs until interrupted (Ctrl-C), then closes the server
 * and the store cleanly.
 * @packageDocumentation
 */
import { homedir } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { CrosscheckError } from '../../model/index.js';
import type { RunningServer, ServerOptions } from '../../server/serve.js';
import type { Newsroom } from '../../service/types.js';
import { defaultStorePath } from '../../store/default-path.js';
import { openNewsroomAt } from '../open-newsroom.js';
import type { CliIo } from '../run.js';

/** What `serve` needs from the outside world, injected so tests run it without sockets or signals. */
export interface ServeDependencies {
  /** Opens the newsroom over the store at `path` (created when missing). */
  openNewsroom: (path: string) => Promise<Newsroom>;
  startServer: (options: ServerOptions) => Promise<RunningServer>;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  untilStopped: () => Promise<void>;
  /** The store used without `--db`. */
  defaultDbPath: () => string;
}

/** The real dependencies: the store `--db` names (SQLite file or PostgreSQL URL), real clock, real socket, process signals. */
export const defaultServeDependencies: ServeDependencies = {
  // Stories are analysed on a worker thread: reads keep answering, and SIGTERM is heard, during an ingest.
  openNewsroom: (path) => openNewsroomAt(path, { worker: true }),
  // Imported here, not at the top: the server modules are for `serve` alone.
  startServer: async (options) => (await import('../../server/serve.js')).startServer(options),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  defaultDbPath: () => defaultStorePath(process.env, homedir()),
};

function port(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535)
    throw new InvalidArgumentError('expected a port number 0–65535');
  return parsed;
}

/**
 * What to do when the port cannot be had: another port for one in use, an unprivileged one for a
 * refused low port, another --host for an address this machine does not have.
 */
function listenHint(code: string, port: number): string {
  if (code === 'EADDRINUSE')
    return `the port is in use (another crosscheck serve?); pick another with --port ${port === 65535 ? port - 1 : port + 1}, or --port 0 for any free one`;
  if (code === 'EACCES')
    return `ports below 1024 need privileges; pick another with --port ${port < 1024 ? 8080 : port + 1}`;
  return 'this machine has no such address; bind another with --host, such as --host 127.0.0.1';
}

/**
 * Adds `serve` to the program.
 * @param program - the root command
 * @param io - where messages go (the server address to stdout, problems to stderr)
 * @param deps - store, server and stop signal; {@link defaultServeDependencies} in the real CLI
 */
export function registerServeCommand(
  program: Command,
  io: CliIo,
  deps: ServeDependencies = defaultServeDependencies,
): Command {
  return program
    .command('serve')
    .description('serve the JSON API (under /api) and the web reader over a store')
    .option(
      '--db <path-or-url>',
      'the store: an SQLite file or a postgresql:// URL (default: $CROSSCHECK_DB, else the user data folder)',
    )
    .option(
      '--host <host>',
      'interface to bind; anything but loopback exposes the API to the network',
      '127.0.0.1',
    )
    .option('--port <port>', 'port (0 picks a free one)', port, 8080)
    .option(
      '--allowed-host <name>',
      'a host name the server answers besides loopback and --host (repeatable; * for any)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--allow-private', 'let POST /api/ingest { url } fetch loopback and private addresses')
    .action(
      async (options: {
        db?: string;
        host: string;
        port: number;
        allowedHost: string[];
        allowPrivate?: boolean;
      }) => {
        const newsroom = await deps.openNewsroom(options.db ?? deps.defaultDbPath());
        try {
          const server = await deps
            .startServer({
              newsroom,
              host: options.host,
              port: options.port,
              allowPrivate: options.allowPrivate ?? false,
              allowedHosts: options.allowedHost,
            })
            .catch((error: unknown) => {
              const code = (error as { code?: unknown }).code;
              if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
                throw new CrosscheckError(
                  'serve-listen-failed',
                  `cannot listen on ${options.host}:${options.port} (${code}): ${listenHint(code, options.port)}`,
                );
              throw error;
            });
          io.stdout(`crosscheck: serving ${server.url}/ (API under ${server.url}/api, Ctrl-C to stop)\n`);
          if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1')
            io.stderr(
              `crosscheck: warning: listening on ${options.host}: anyone who can reach it can read and ingest\n`,
            );
          if ((options.host === '0.0.0.0' || options.host === '::') && options.allowedHost.length === 0)
            io.stderr(
              `crosscheck: warning: ${options.host} names no host: only loopback names are answered until --allowed-host names this machine\n`,
            );
          const stopped = deps.untilStopped();
          let stopping = false;
          // An ingest killed midway is finished while the server already answers reads. Stopping abandons
          // it (the newsroom closes under it); the next start finishes it again.
          void newsroom.recover().then(
            (recovered) => {
              if (recovered !== undefined)
                io.stderr(
                  `crosscheck: finished an interrupted ingest (${recovered.storiesChanged.length} story(ies) updated)\n`,
                );
            },
            (error: unknown) => {
              if (!stopping)
                io.stderr(
                  `crosscheck: warning: could not finish an interrupted ingest: ${(error as Error).message}\n`,
                );
            },
          );
          await stopped;
          stopping = true;
          await server.close();
        } finally {
          await newsroom.close();
        }
      },
    );
}
