import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('..', import.meta.url));
const tracer = fileURLToPath(new URL('./helpers/trace-packages.mjs', import.meta.url));

/**
 * The packages a fresh process loads while running a snippet: those imported (the tracer's resolve hook)
 * and those required, which Node 20's hooks do not see (read from the CommonJS cache at the end).
 */
function packagesLoaded(snippet: string): Set<string> {
  const listRequired = `
    const { createRequire } = await import('node:module');
    for (const file of Object.keys(createRequire(import.meta.url).cache)) {
      const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file)?.[1];
      if (name) process.stderr.write('package ' + name + '\\n');
    }`;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', tracer, '--input-type=module', '--eval', snippet + listRequired],
    { cwd: repository, encoding: 'utf8', timeout: 60_000 },
  );
  expect(child.status, child.stderr).toBe(0);
  const found = new Set<string>();
  for (const line of child.stderr.split('\n')) {
    const name = /^package ((?:@[^/]+\/)?[^/]+)/.exec(line)?.[1];
    if (name !== undefined) found.add(name);
  }
  return found;
}

// Heavy packages a one-shot `synth` over text files never needs: the DOM and feed parsers, the store
// and the server. Loading them cost about 150 ms of the CLI's start-up.
const HEAVY = [
  'linkedom',
  '@rowanmanning/feed-parser',
  'better-sqlite3',
  'pg',
  'hono',
  '@hono/node-server',
  'cli-progress',
];

describe('CLI start-up', () => {
  it('loads the engine but none of the heavy optional packages to synthesize text files', () => {
    const loaded = packagesLoaded(`
      const { runCli } = await import('./src/cli/run.ts');
      const code = await runCli(['synth', 'examples/harbour-bridge'], { stdout: () => {}, stderr: () => {}, isTerminal: false });
      if (code !== 0) throw new Error('synth exited ' + code);
    `);
    expect(loaded.has('chrono-node'), 'the tracer sees packages').toBe(true);
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
  });

  it('sees linkedom once HTML is parsed, so a regression would show', () => {
    const loaded = packagesLoaded(`
      const { htmlToText } = await import('./src/ingest/html/html-to-text.ts');
      if (!htmlToText('<p>Trams return.</p>').includes('Trams')) throw new Error('no text');
    `);
    expect(loaded.has('linkedom')).toBe(true);
  });
});
