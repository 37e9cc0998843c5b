/**
 * A throwaway PostgreSQL server for the store tests: initdb into a temporary folder, started on a Unix
 * socket only (no TCP port to collide with), fsync off, stopped and deleted by `stop()`. When the
 * environment variable CROSSCHECK_TEST_POSTGRES holds a connection string, that server is used instead.
 * When neither is possible the reason is returned, so the tests skip with a message instead of failing.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PoolConfig } from 'pg';

const run = promisify(execFile);

/** A server the tests may use. */
export interface TestPostgres {
  /** Where to connect: a pool configuration for the socket, or the CROSSCHECK_TEST_POSTGRES string. */
  connection: string | PoolConfig;
  /** What it is, for test output. */
  description: string;
  /** Stops and deletes a server this helper started; does nothing to a server given by the environment. */
  stop(): Promise<void>;
}

/** Either a server or why there is none. */
export type TestPostgresResult = { server: TestPostgres } | { server: undefined; reason: string };

/** The user initdb makes the superuser; the tests connect as it without a password (trust). */
const TEST_USER = 'crosscheck';
/** The OS user that runs the server when the tests run as root: initdb and postgres refuse root. */
const SERVER_OS_USER = 'postgres';

async function findBinaries(): Promise<string | undefined> {
  const hasServer = (folder: string): boolean =>
    ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(path.join(folder, name)));
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    const folder = stdout.trim();
    if (hasServer(folder)) return folder;
  } catch {
    // pg_config is often absent or belongs to the client package only: look in Debian's layout next.
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((left, right) => Number(right) - Number(left));
  return versions.map((version) => path.join(root, version, 'bin')).find(hasServer);
}

/** The uid and gid of an OS user, from /etc/passwd (no dependency, no shell). */
function osUser(name: string): { uid: number; gid: number } | undefined {
  if (!existsSync('/etc/passwd')) return undefined;
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields[2] !== undefined && fields[3] !== undefined) {
      return { uid: Number(fields[2]), gid: Number(fields[3]) };
    }
  }
  return undefined;
}

/**
 * Starts a throwaway server (about a second) or uses CROSSCHECK_TEST_POSTGRES.
 * @returns the server, or the reason none is available (binaries absent, cannot switch user)
 * @throws when the binaries and user exist but the server fails to start: that is a real fault to see
 */
export async function startTestPostgres(): Promise<TestPostgresResult> {
  const given = process.env.CROSSCHECK_TEST_POSTGRES;
  if (given !== undefined && given.trim() !== '') {
    return {
      server: {
        connection: given.trim(),
        description: 'the server of CROSSCHECK_TEST_POSTGRES',
        stop: async () => undefined,
      },
    };
  }
  const binaries = await findBinaries();
  if (binaries === undefined) {
    return {
      server: undefined,
      reason:
        'no PostgreSQL server binaries (initdb, pg_ctl) via pg_config or in /usr/lib/postgresql/*/bin: ' +
        'install the postgresql package or set CROSSCHECK_TEST_POSTGRES=postgresql://…',
    };
  }
  const asRoot = process.getuid?.() === 0;
  const serverUser = asRoot ? osUser(SERVER_OS_USER) : undefined;
  if (asRoot && (serverUser === undefined || !existsSync('/usr/sbin/runuser'))) {
    return {
      server: undefined,
      reason: `running as root, PostgreSQL needs another OS user, but ${
        serverUser === undefined ? `there is no "${SERVER_OS_USER}" user` : 'runuser is missing'
      }: run the tests as another user or set CROSSCHECK_TEST_POSTGRES`,
    };
  }
  // A short folder: the socket path (folder + "/.s.PGSQL.5432") must fit in 107 bytes.
  const base = tmpdir().length > 60 ? '/tmp' : tmpdir();
  const folder = mkdtempSync(path.join(base, 'crosscheck-pg-'));
  if (serverUser !== undefined) chownSync(folder, serverUser.uid, serverUser.gid);
  const command = (name: string, args: string[]): Promise<unknown> =>
    asRoot
      ? run('/usr/sbin/runuser', ['-u', SERVER_OS_USER, '--', path.join(binaries, name), ...args])
      : run(path.join(binaries, name), args);
  const data = path.join(folder, 'data');
  const stop = async (): Promise<void> => {
    await command('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // UTF-8 and the C locale whatever the machine's locale: the store must not depend on either.
    await command('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      TEST_USER,
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await command('pg_ctl', [
      '-D',
      data,
      '-o',
      `-k ${folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      '-l',
      path.join(folder, 'log'),
      '-w',
      'start',
    ]);
  } catch (error) {
    const log = existsSync(path.join(folder, 'log')) ? readFileSync(path.join(folder, 'log'), 'utf8') : '';
    await stop();
    throw new Error(`the test PostgreSQL server did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    server: {
      connection: { host: folder, user: TEST_USER, database: 'postgres' },
      description: `a throwaway server on ${folder}`,
      stop,
    },
  };
}
