/**
 * The ingest of the crash-recovery test (crash-recovery.test.ts), run as a child process that the test
 * kills with SIGKILL, and in the test's own process for the clean run and the re-run. It runs the real
 * `crosscheck ingest` command over a newsroom with small chunks and a checkpoint hook: on reaching the
 * kill point it writes the marker file and blocks, without spinning, until the parent kills it. Every
 * text of the generated corpus is invented.
 * Usage: node --import tsx test/service/crash-ingest-child.ts STORE KILL_AT MARKER SOURCE…
 *   STORE: JSON, {"sqlite": PATH} or {"postgres": CONNECTION, "schema": NAME}
 *   KILL_AT: POINT:N, the N-th time the ingest reaches POINT (an IngestCheckpoint, or `in-transaction`:
 *   inside the N-th store batch that writes articles, before it commits)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultStoreCommandDependencies } from '../../src/cli/commands/store-commands.js';
import { runCli } from '../../src/cli/run.js';
import { type IngestCheckpoint, openNewsroom } from '../../src/service/newsroom.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { openPostgresStore, type PostgresConnection } from '../../src/store/postgres.js';

/** Where a run's store is. */
export type StoreSpec = { sqlite: string } | { postgres: PostgresConnection; schema: string };

/** Where a run stops: the `count`-th time it reaches `point`. */
export interface KillPoint {
  point: IngestCheckpoint | 'in-transaction';
  count: number;
}

/** Articles per store transaction in these runs: the corpus spans several chunks. */
export const CRASH_CHUNK = 12;

/** Opens the store a spec names. */
export function openSpecStore(spec: StoreSpec): Promise<Store> {
  return 'sqlite' in spec
    ? openSqliteStore(spec.sqlite)
    : openPostgresStore(spec.postgres, { schema: spec.schema });
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Invented events: place, what happened, who acted, what they did, a figure. */
const EVENTS = [
  ['Tarnby', 'a landslide blocked the coast road', 'Road crews', 'cleared the fallen rocks', 'trucks'],
  ['Velmora', 'a warehouse fire destroyed the grain store', 'Firefighters', 'fought the flames', 'tonnes'],
  ['Osk', 'a power cut left the island without electricity', 'Engineers', 'repaired the cable', 'homes'],
  ['Brennick', 'a train derailed at the junction', 'Rail inspectors', 'examined the track', 'passengers'],
  ['Harlow Bay', 'a fishing trawler sank in a storm', 'Coastguard divers', 'searched the wreck', 'crew'],
  ['Quillon', 'the river burst its banks after heavy rain', 'Volunteers', 'filled sandbags', 'streets'],
] as const;
const OUTLETS = ['Valley Post', 'Island Echo', 'The Aldous Courier', 'Northern Ledger', 'Coast Herald'];
/** The same dull sentences turn up in every story, as agency boilerplate does. */
const FILLER = [
  'Officials said more details would be released later in the week.',
  'Residents were asked to follow the advice of the local authorities.',
  'The regional council will meet on Friday to discuss the response.',
];

/**
 * Writes the invented corpus as front-matter text files into `folder`: six events of eight to eleven
 * reports each, in several outlets' words, over a few days.
 * @returns how many articles were written
 */
export function writeCrashCorpus(folder: string): number {
  mkdirSync(folder, { recursive: true });
  const next = random(18);
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(next() * items.length)]!;
  let written = 0;
  for (const [event, [place, happened, actors, action, unit]] of EVENTS.entries()) {
    const reports = 8 + (event % 4);
    for (let report = 0; report < reports; report += 1) {
      const figure = 20 + event * 7 + (report % 3);
      const sentences = [
        `In ${place}, ${happened} on ${pick(['Monday', 'Monday night', 'early Monday'])}, officials said.`,
        `${actors} ${action} through the night, according to the ${place} mayor, ${pick(['Ana Voss', 'Mayor Voss'])}.`,
        `At least ${figure} ${unit} were affected in ${place}, a spokesperson for the district said.`,
        `"We have never seen anything like this in ${place}," said ${pick(['Tomas Reyl', 'Mr Reyl'])}, who lives nearby.`,
        `The ${place} district opened an inquiry into how ${happened.replace(/^(a|the) /, 'the ')}.`,
        `${actors} expected to finish by ${pick(['Wednesday', 'midweek', 'the end of the week'])}.`,
      ];
      const chosen = sentences.filter(() => next() < 0.7);
      if (chosen.length < 3) chosen.push(sentences[0]!, sentences[2]!);
      chosen.push(pick(FILLER), `This report, number ${report} of the desk, was filed by ${pick(OUTLETS)}.`);
      const day = 10 + Math.floor(report / 4);
      const text = [
        '---',
        `title: ${place}: ${happened.replace(/^(a|the) /, '')} (${report + 1})`,
        `outlet: ${pick(OUTLETS)}`,
        `date: 2025-03-${day}`,
        '---',
        chosen.join(' '),
        '',
      ].join('\n');
      writeFileSync(path.join(folder, `event-${event}-report-${report}.txt`), text);
      written += 1;
    }
  }
  return written;
}

/** Blocks this process for good without using the CPU: the parent's SIGKILL ends it. */
function blockForever(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/**
 * Runs `crosscheck ingest SOURCES` on the store, stopping at the kill point when one is given (after
 * writing `marker`).
 * @returns the CLI's exit code and what it printed
 */
export async function runCrashIngest(
  spec: StoreSpec,
  sources: readonly string[],
  kill?: { at: KillPoint; marker: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const store = await openSpecStore(spec);
  const reached = new Map<string, number>();
  const reach = (point: KillPoint['point']): boolean => {
    const count = (reached.get(point) ?? 0) + 1;
    reached.set(point, count);
    return kill !== undefined && kill.at.point === point && kill.at.count === count;
  };
  const stop = (point: string): never => {
    writeFileSync(kill!.marker, point);
    blockForever();
  };
  if (kill?.at.point === 'in-transaction') {
    const ingest = store.ingest.bind(store);
    store.ingest = (batch) => {
      const middle = batch.articles[Math.floor(batch.articles.length / 2)];
      if (middle !== undefined && reach('in-transaction')) {
        // Both stores serialise features inside the open transaction, after earlier statements of the
        // batch: this stops the process there, with uncommitted rows.
        middle.features = { toJSON: (): never => stop('in-transaction') };
      }
      return ingest(batch);
    };
  }
  const newsroom = await openNewsroom(store, {
    now: () => new Date(),
    ingestChunk: CRASH_CHUNK,
    checkpoint: (point) => {
      if (reach(point)) stop(point);
    },
  });
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['ingest', ...sources, '--db', 'given-by-the-test'],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      isTerminal: false,
    },
    {
      store: { ...defaultStoreCommandDependencies, openNewsroom: async () => newsroom, progress: false },
    },
  );
  return { code, stdout, stderr };
}

async function main(): Promise<void> {
  const [specText, killText, marker, ...sources] = process.argv.slice(2);
  const match = /^([a-z-]+):(\d+)$/.exec(killText ?? '');
  if (specText === undefined || match === null || marker === undefined || sources.length === 0) {
    throw new Error('usage: crash-ingest-child.ts STORE POINT:N MARKER SOURCE…');
  }
  const at: KillPoint = { point: match[1] as KillPoint['point'], count: Number(match[2]) };
  const result = await runCrashIngest(JSON.parse(specText) as StoreSpec, sources, { at, marker });
  // Reaching the end means the kill point was never reached: the parent reports this output.
  process.stderr.write(`${result.stderr}the ingest ended (exit ${result.code}) before ${killText}\n`);
  process.exitCode = 3;
}

// Only when run as a script, so the test can import the helpers without starting an ingest.
if (process.argv[1]?.endsWith('crash-ingest-child.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
