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
 */
export async function openNewsroomAt(location: string): Promise<Newsroom> {
  const [{ openNewsroom }, { openStore }] = await Promise.all([
    import('../service/newsroom.js'),
    import('../store/open-store.js'),
  ]);
  return openNewsroom(await openStore(location), { now: () => new Date() });
}
