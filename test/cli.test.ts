import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/run.js';
import type { StoryReport } from '../src/model/index.js';
import { runCliCaptured } from './helpers/cli.js';

const run = (argv: string[]) => runCliCaptured(argv);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function corpus(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

const first =
  'date 2025-01-14 The river ferry stopped running on Sunday after a storm damaged its landing stage. ' +
  'The operator said repairs would take two weeks.\n\nCommuters were told to use the bridge instead.';
const second =
  '---\noutlet: Valley Post\ndate: 2025-01-14\n---\nThe river ferry was halted on Sunday when a storm damaged the landing stage. ' +
  'Repairs will take two weeks, the operator said.';

describe('crosscheck synth', () => {
  it('prints only the report on stdout and exits 0 when every input is read', async () => {
    const result = await run(['synth', corpus({ 'a.txt': first, 'b.txt': second }), '--format', 'json']);
    expect(result.code).toBe(EXIT.ok);
    const report = JSON.parse(result.stdout) as StoryReport;
    expect(report.sources.map((source) => source.outlet)).toEqual(['a', 'Valley Post']);
    expect(report.summary.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/read 2 article/);
  });

  it.each([
    ['text', /SUMMARY/],
    ['md', /^# /],
  ])('renders --format %s', async (format, pattern) => {
    const result = await run(['synth', corpus({ 'a.txt': first, 'b.txt': second }), '--format', format]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(pattern);
    expect(result.stdout).not.toContain(String.fromCharCode(27));
  });

  it('exits 1 and names the skipped file when a story was made but an input was bad', async () => {
    const result = await run(['synth', corpus({ 'a.txt': first, 'b.txt': second, 'empty.txt': '' })]);
    expect(result.code).toBe(EXIT.partial);
    expect(result.stderr).toMatch(/empty\.txt/);
    expect(result.stdout).toMatch(/SUMMARY/);
  });

  it('exits 2 when nothing is usable', async () => {
    const result = await run(['synth', corpus({ 'binary.txt': Buffer.from([0, 1, 2, 3, 0, 255]) })]);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(/binary\.txt/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 naming a path that does not exist', async () => {
    const result = await run(['synth', '/no/such/folder/anywhere']);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(/\/no\/such\/folder\/anywhere/);
  });

  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['synth', '.', '--format', 'pdf']],
    [['synth', '.', '--words', 'many']],
    [['synth', '.', '--reference-date', 'yesterday']],
    [['frobnicate']],
    [['synth']],
  ])('exits 2 on the usage error %j', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr.length).toBeGreaterThan(0);
  });
});

describe('messages about inputs that are no article', () => {
  const pdf =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

  it.each(['synth', 'cluster'])(
    '%s: a folder of PDFs gives one line per file with its reason, then "no readable article"',
    async (command) => {
      const folder = corpus({ 'a.pdf': pdf, 'b.pdf': Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]) });
      const result = await run([command, folder]);
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual([
        `crosscheck: skipped ${join(folder, 'a.pdf')}: a .pdf file (crosscheck reads .txt, .md and .text articles and saved .html, .htm and .html.gz pages); convert it to text first, e.g. with pdftotext`,
        `crosscheck: skipped ${join(folder, 'b.pdf')}: a .pdf file (crosscheck reads .txt, .md and .text articles and saved .html, .htm and .html.gz pages); convert it to text first, e.g. with pdftotext`,
        `crosscheck: no readable article in ${folder}`,
      ]);
    },
  );

  it('a text-only file named .pdf is skipped with its reason, not read as an empty story', async () => {
    const folder = corpus({ 'scan.pdf': pdf, 'a.txt': first });
    const result = await run(['synth', join(folder, 'scan.pdf'), join(folder, 'a.txt')]);
    expect(result.code).toBe(EXIT.partial);
    expect(result.stderr).toContain(
      `crosscheck: skipped ${join(folder, 'scan.pdf')}: a .pdf file, not article text; convert it to text first, e.g. with pdftotext\n`,
    );
    expect(result.stdout).not.toMatch(/Untitled story/);
  });

  it('a PDF saved under a text name is skipped by its signature', async () => {
    const folder = corpus({ 'saved.txt': pdf });
    const result = await run(['synth', folder]);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toContain(
      `crosscheck: skipped ${join(folder, 'saved.txt')}: a PDF document, not article text (convert it to text first, e.g. with pdftotext)\n`,
    );
  });

  it('an empty folder says it holds no files', async () => {
    const folder = corpus({});
    const result = await run(['synth', folder]);
    expect(result.stderr).toBe(
      `crosscheck: skipped ${folder}: the folder holds no files (hidden files and README files are not read)\ncrosscheck: no readable article in ${folder}\n`,
    );
  });

  it('a binary file is named once, on one line, without its path twice', async () => {
    const folder = corpus({ 'binary.txt': Buffer.from([0, 1, 2, 3, 0, 255]) });
    for (const command of ['synth', 'cluster']) {
      const result = await run([command, folder]);
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines).toEqual([
        `crosscheck: skipped ${join(folder, 'binary.txt')}: looks like a binary file (contains NUL bytes)`,
        `crosscheck: no readable article in ${folder}`,
      ]);
    }
  });
});
