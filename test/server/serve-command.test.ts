/**
 * `crosscheck serve` with injected dependencies (no real signals), the real socket server, and the
 * reader's pure helpers (word diff of quotes, routes and link sanitising).
 */

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerServeCommand, type ServeDependencies } from '../../src/cli/commands/serve.js';
import { startServer } from '../../src/server/serve.js';
import { listHref, parseRoute, safeExternalUrl, sourceHref } from '../../web/src/links.js';
import { wordDiff } from '../../web/src/word-diff.js';
import { fakeNewsroom } from './helpers.js';

describe('crosscheck serve', () => {
  it('opens the store given, serves on loopback, finishes an interrupted ingest, answers, then closes on stop', async () => {
    const output: string[] = [];
    const opened: string[] = [];
    let closed = 0;
    let stop = (): void => undefined;
    const deps: ServeDependencies = {
      openNewsroom: async (path) => {
        opened.push(path);
        return {
          ...fakeNewsroom(),
          // As a store left by an ingest killed midway: serve finishes it once started.
          recover: async () => ({
            added: [],
            duplicates: [],
            placements: [],
            storiesChanged: ['s1', 's2'],
            diagnostics: [],
          }),
          close: async () => {
            closed += 1;
          },
        };
      },
      startServer,
      untilStopped: () => new Promise((resolve) => (stop = resolve)),
      defaultDbPath: () => '/nowhere/default.db',
    };
    const program = new Command().exitOverride();
    registerServeCommand(
      program,
      { stdout: (text) => output.push(text), stderr: (text) => output.push(text), isTerminal: false },
      deps,
    );
    const running = program.parseAsync(['serve', '--db', 'mine.db', '--port', '0'], { from: 'user' });
    await expect.poll(() => output.join('')).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output.join(''))![0];
    await expect
      .poll(() => output.join(''))
      .toMatch(/finished an interrupted ingest \(2 story\(ies\) updated\)/);
    const answer = (await (await fetch(`${url}/api/stories/s1`)).json()) as { story: { id: string } };
    expect(answer.story.id).toBe('s1');
    stop();
    await running;
    expect(opened).toEqual(['mine.db']);
    expect(closed).toBe(1);
  });

  it('says to pick another --port when the port is in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as AddressInfo).port;
    let closed = 0;
    const deps: ServeDependencies = {
      openNewsroom: async () => ({
        ...fakeNewsroom(),
        close: async () => {
          closed += 1;
        },
      }),
      startServer,
      untilStopped: () => new Promise(() => undefined),
      defaultDbPath: () => '/nowhere/default.db',
    };
    const program = new Command().exitOverride();
    registerServeCommand(
      program,
      { stdout: () => undefined, stderr: () => undefined, isTerminal: false },
      deps,
    );
    try {
      await expect(
        program.parseAsync(['serve', '--db', 'mine.db', '--port', String(taken)], { from: 'user' }),
      ).rejects.toThrow(
        new RegExp(
          `cannot listen on 127\\.0\\.0\\.1:${taken} \\(EADDRINUSE\\): the port is in use .*--port ${taken + 1}, or --port 0`,
        ),
      );
      expect(closed).toBe(1);
    } finally {
      busy.close();
    }
  });

  it.each(['70000', '-1', 'http'])('rejects --port %s', async (port) => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    registerServeCommand(program, { stdout: () => undefined, stderr: () => undefined, isTerminal: false });
    await expect(program.parseAsync(['serve', '--port', port], { from: 'user' })).rejects.toThrow(/port/);
  });
});

describe('word diff of quote renderings', () => {
  it.each([
    {
      base: 'we will reopen the pier soon',
      rendering: 'we will reopen the pier soon',
      parts: ['same:we will reopen the pier soon'],
    },
    {
      base: 'we will reopen the pier soon',
      rendering: 'We will reopen the pier',
      parts: ['same:We will reopen the pier'],
    },
    {
      base: 'the lives of our neighbours',
      rendering: 'the lives of our neighbors',
      parts: ['same:the lives of our', 'added:neighbors'],
    },
    {
      base: 'nobody crosses that span today',
      rendering: 'nobody crosses the span today',
      parts: ['same:nobody crosses', 'added:the', 'removed:that', 'same:span today'],
    },
  ])('$rendering', ({ base, rendering, parts }) => {
    expect(wordDiff(base, rendering).map((part) => `${part.kind}:${part.text}`)).toEqual(parts);
  });
});

describe('reader links', () => {
  it.each([
    ['https://news.example/a?b=1', 'https://news.example/a?b=1'],
    ['http://news.example/', 'http://news.example/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//news.example/relative', undefined],
    [undefined, undefined],
  ])('safeExternalUrl(%j) → %j', (input, expected) => {
    expect(safeExternalUrl(input)).toBe(expected);
  });

  it.each([
    ['', { page: 'list', query: '', trail: [] }],
    ['#/?q=ferry%20fire&offset=20', { page: 'list', query: 'ferry fire', trail: [] }],
    [
      listHref('ferry fire', ['WyJzdG9yaWVzIl0', 'abc_-9']),
      { page: 'list', query: 'ferry fire', trail: ['WyJzdG9yaWVzIl0', 'abc_-9'] },
    ],
    ['#/?pages=abc.%3Cscript%3E..def', { page: 'list', query: '', trail: ['abc', 'def'] }],
    ['#/story/s-1', { page: 'story', storyId: 's-1' }],
    [
      sourceHref('s 1', 'a/b', { start: 3, end: 9 }),
      { page: 'source', storyId: 's 1', sourceId: 'a/b', start: 3, end: 9 },
    ],
    ['#/story/s-1/source/a?start=9&end=3', { page: 'source', storyId: 's-1', sourceId: 'a' }],
    ['#/story/%E0%A4%A', { page: 'missing', hash: '#/story/%E0%A4%A' }],
    ['#/nothing/here', { page: 'missing', hash: '#/nothing/here' }],
  ])('parseRoute(%j)', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});
