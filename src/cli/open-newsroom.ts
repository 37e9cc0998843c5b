/**
 * The store behind the CLI's store commands and `serve`, opened on demand. The store, service and
 * server modules (SQLite bindings, Hono) are imported only by the commands that use them, so that a
 * one-shot `crosscheck synth` does not load them: they took about a third of its start-up.
 * @packageDocumentation
 */
import type { Newsroom } from '../service/types.js';

/**
 * Opens the newsroom over the store at a location (SQLite path or PostgreSQL URL), on the real clock.
 * @param location - what `--db` names
 * @param options - `worker`: synthesize on a worker thread under a time budget (what `serve` wants)
 */
export async function openNewsroomAt(
  location: string,
  options: { worker?: boolean } = {},
): Promise<Newsroom> {
  const [{ openNewsroom }, { openStore }] = await Promise.all([
    import('../service/newsroom.js'),
    import('../store/open-store.js'),
  ]);
  const store = await openStore(location);
  if (options.worker !== true) return openNewsroom(store, { now: () => new Date() });
  const { workerSynthesizer } = await import('../service/worker-synthesizer.js');
  return openNewsroom(store, { now: () => new Date(), synthesizer: workerSynthesizer() });
}
