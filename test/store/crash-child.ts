/**
 * Child process of the crash test (sqlite.test.ts): commits some batches to the store at argv[2], then
 * starts one more and, midway through it, writes the marker file argv[3] and spins until the parent
 * kills it with SIGKILL. Every text is invented.
 * Usage: node --import tsx test/store/crash-child.ts DB MARKER BATCHES
 */
import { writeFileSync } from 'node:fs';
import { articleIdFor, openSqliteStore } from '../../src/store/index.js';

/** Articles per committed batch. */
export const CRASH_BATCH_SIZE = 50;
/** Articles of the batch in flight; the spin happens at PARTIAL_STALL. */
export const PARTIAL_SIZE = 3000;
const PARTIAL_STALL = 2500;

/** The body of the `index`-th article of batch `batch`: the parent rebuilds it to check. */
export function crashBody(batch: number | 'partial', index: number): string {
  return `Invented report ${index} of batch ${batch}: the night ferry waited at the pier while the crew checked the ramp.`;
}

async function main(): Promise<void> {
  const [database, marker, batchText] = process.argv.slice(2);
  if (database === undefined || marker === undefined || batchText === undefined) {
    throw new Error('usage: crash-child.ts DB MARKER BATCHES');
  }
  const store = await openSqliteStore(database);
  const batches = Number(batchText);
  for (let batch = 0; batch < batches; batch += 1) {
    const bodies = Array.from({ length: CRASH_BATCH_SIZE }, (_, index) => crashBody(batch, index));
    await store.ingest({
      at: `2025-03-12T0${batch % 10}:00:00Z`,
      articles: bodies.map((body) => ({ id: articleIdFor(body), body, outlet: `Outlet ${batch}` })),
      stories: [{ id: `story-${batch}`, title: `Story ${batch}` }],
      assignments: bodies.map((body) => ({ articleId: articleIdFor(body), storyId: `story-${batch}` })),
      clustererState: JSON.stringify({ batches: batch + 1 }),
    });
  }
  const bodies = Array.from({ length: PARTIAL_SIZE }, (_, index) => crashBody('partial', index));
  await store.ingest({
    at: '2025-03-13T00:00:00Z',
    stories: [{ id: 'story-partial', title: 'Never committed' }],
    assignments: [],
    clustererState: JSON.stringify({ batches: 'partial' }),
    articles: bodies.map((body, index) => ({
      id: articleIdFor(body),
      body,
      // The store serialises features row by row inside its transaction: this one stalls it there, with
      // 2,500 uncommitted rows (held in better-sqlite3's 16 MB page cache, not yet spilled to the WAL).
      features:
        index === PARTIAL_STALL
          ? {
              toJSON(): never {
                writeFileSync(marker, 'inside the transaction');
                for (;;) {
                  // Spin until SIGKILL: the transaction is open and holds uncommitted rows.
                }
              },
            }
          : { index },
    })),
  });
}

// Only when run as a script, so the test can import crashBody without starting a crash.
if (process.argv[1]?.endsWith('crash-child.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
