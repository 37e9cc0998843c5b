/**
 * The file-system edge of crosscheck: turns paths (files and folders) into {@link ArticleInput}s.
 * The only module of the library that does I/O; parsing itself is the pure {@link parseArticleText}.
 *
 * A bad input file never throws and never loses what was already read: it becomes a `skipped` entry and a
 * warning diagnostic. A path that does not exist is a usage error instead (see {@link readArticles}).
 * @packageDocumentation
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { ArticleInput, Diagnostic } from '../model/index.js';
import { CrosscheckError } from '../model/index.js';
import { appendAll } from '../text/iterables.js';
import { extractArticle } from './html/extract-article.js';
import { readHtmlFile } from './html/read-html-file.js';
import { fileStem, parseArticleText } from './parse-article.js';

/** Options of {@link readArticles}. */
export interface ReadOptions {
  /** Files larger than this many bytes are skipped without being read. Default 50 MB. */
  maxBytes?: number;
}

/** One input file that did not become an article. */
export interface SkippedInput {
  path: string;
  /**
   * `empty`, `binary`, `not-utf8`, `too-large`, `no-text`, `unreadable`, `symlink-loop`, or a page's
   * extraction failure (`not-html`, `not-an-article`, `unparseable`).
   */
  reason: string;
  message: string;
}

/** What {@link readArticles} found: the articles, the findings and the files it had to skip. */
export interface ReadResult {
  articles: ArticleInput[];
  diagnostics: Diagnostic[];
  skipped: SkippedInput[];
}

/** The default for {@link ReadOptions.maxBytes}: 50 MB, far above any news article. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** File extensions read when walking a folder. A file named directly is read whatever its extension. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.text']);
/** Saved web pages, read through the HTML extractor. */
const PAGE_PATTERN = /\.(?:html?|xhtml)(?:\.gz)?$/i;

/**
 * Reads articles from files and folders. Folders are walked recursively for `.txt`, `.md` and `.text` files,
 * hidden files and folders and `README.*` files skipped, in path order so that the result does not depend on the file system;
 * the paths given are read in the order given. Each article's id is its file stem, made unique with `-2`,
 * `-3`, … when two files share a stem.
 *
 * Every path is checked before anything is read: when some do not exist, one {@link CrosscheckError} with
 * code `path-not-found` lists them all (a usage error the CLI maps to exit code 2).
 * @param paths - files and folders to read
 * @param options - limits
 * @returns the articles read, diagnostics (parse findings and one warning per skipped file) and the skipped files
 */
export async function readArticles(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new CrosscheckError('invalid-option', `maxBytes must be a positive number, got ${maxBytes}`);
  }
  const result: ReadResult = { articles: [], diagnostics: [], skipped: [] };
  const skip = (path: string, reason: string, message: string): void => {
    result.skipped.push({ path, reason, message });
    result.diagnostics.push({ source: path, code: `input-${reason}`, message, severity: 'warning' });
  };

  const roots = await checkPathsExist(paths);

  const files: string[] = [];
  for (const root of roots) {
    if (root.kind === 'file') {
      const document = documentExtension(root.path);
      if (document === undefined) files.push(root.path);
      else
        skip(
          root.path,
          'not-an-article',
          `${root.path}: skipped, ${unreadKind(root.path)}, not article text${document}`,
        );
    } else if (root.kind === 'directory') {
      const unread: string[] = [];
      const found = (await walk(root.path, skip, new Set(), new Set(), unread)).sort(comparePaths);
      appendAll(files, found);
      // A folder with nothing to read says why, file by file, rather than only "no readable article".
      if (found.length === 0) reportUnread(unread.sort(comparePaths), root.path, skip);
    } else if (root.kind === 'unreadable') {
      skip(root.path, 'unreadable', `${root.path}: skipped, cannot be read (${root.error})`);
    }
  }

  const seenFiles = new Set<string>();
  const usedIds = new Set<string>();
  for (const path of files) {
    // The same file reached twice (named and inside a named folder) is read once.
    // Real paths, so that a file reached through a link and directly is read once too.
    const absolute = await realpath(path).catch(() => resolve(path));
    if (seenFiles.has(absolute)) continue;
    seenFiles.add(absolute);
    if (PAGE_PATTERN.test(path)) {
      const page = await readPage(
        path,
        uniqueId(fileStem(path.replace(/\.gz$/i, '')), usedIds),
        maxBytes,
        skip,
      );
      if (page === undefined) continue;
      usedIds.add(page.article.id);
      result.articles.push(page.article);
      appendAll(result.diagnostics, page.diagnostics);
      continue;
    }
    const text = await readText(path, maxBytes, skip);
    if (text === undefined) continue;
    const id = uniqueId(fileStem(path), usedIds);
    const parsed = parseArticleText(text, { id, path });
    if (!parsed.ok) {
      const detail = parsed.message.startsWith(`${path}: `)
        ? parsed.message.slice(path.length + 2)
        : parsed.message;
      skip(path, parsed.reason, `${path}: skipped, ${detail}`);
      continue;
    }
    usedIds.add(id);
    result.articles.push(parsed.article);
    appendAll(result.diagnostics, parsed.diagnostics);
  }
  return result;
}

/**
 * Checks that every path exists before anything is read, as `synth`, `cluster` and `ingest` all do.
 * @param paths - files and folders
 * @returns what each path is
 * @throws CrosscheckError `path-not-found` listing every path that does not exist (a usage error: exit code 2)
 */
export async function checkPathsExist(paths: readonly string[]): Promise<Root[]> {
  const roots = await statRoots(paths);
  const missing = roots.filter((root) => root.kind === 'missing').map((root) => root.path);
  if (missing.length > 0) {
    throw new CrosscheckError(
      'path-not-found',
      `${missing.length === 1 ? 'Input path does' : 'Input paths do'} not exist: ${missing.join(', ')}`,
    );
  }
  return roots;
}

/** What one input path is, found by {@link checkPathsExist}. */
export type Root =
  | { kind: 'file'; path: string }
  | { kind: 'directory'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'unreadable'; path: string; error: string };

async function statRoots(paths: readonly string[]): Promise<Root[]> {
  const roots: Root[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      roots.push({ kind: info.isDirectory() ? 'directory' : 'file', path });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') roots.push({ kind: 'missing', path });
      else roots.push({ kind: 'unreadable', path, error: describe(error) });
    }
  }
  return roots;
}

type Skip = (path: string, reason: string, message: string) => void;

/**
 * Collects article files under a folder. Symbolic links are followed, to files and to folders; a link
 * back to a folder being walked (a loop) or one that cannot be resolved is reported per entry, and a
 * folder reached twice through links is walked once.
 * @param ancestors - real paths of the folders on the way here: a link to one of them is a loop
 * @param walked - real paths of every folder walked so far
 */
async function walk(
  folder: string,
  skip: Skip,
  ancestors: Set<string>,
  walked: Set<string>,
  unread: string[],
): Promise<string[]> {
  let entries: Dirent[];
  let real: string;
  try {
    real = await realpath(folder);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    skip(folder, 'unreadable', `${folder}: skipped, cannot list the folder (${describe(error)})`);
    return [];
  }
  walked.add(real);
  const inside = new Set(ancestors).add(real);
  const files: string[] = [];
  for (const entry of entries) {
    // A folder of articles often carries a README describing it; it is not one of the articles.
    if (entry.name.startsWith('.') || /^readme\./i.test(entry.name)) continue;
    const path = join(folder, entry.name);
    const wanted = ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) || PAGE_PATTERN.test(entry.name);
    if (entry.isDirectory()) {
      appendAll(files, await walk(path, skip, inside, walked, unread));
    } else if (entry.isFile()) {
      if (wanted) files.push(path);
      else unread.push(path);
    } else if (entry.isSymbolicLink()) {
      const target = await resolveLink(path);
      if ('error' in target) {
        // A loop is reported whatever the link's name; a broken link only when it names an article file.
        if (target.error.startsWith('ELOOP'))
          skip(path, 'symlink-loop', `${path}: skipped, a symbolic link loop (${target.error})`);
        else if (wanted)
          skip(path, 'unreadable', `${path}: skipped, a broken symbolic link (${target.error})`);
      } else if (target.directory) {
        if (inside.has(target.real))
          skip(path, 'symlink-loop', `${path}: skipped, a symbolic link loop back to ${target.real}`);
        else if (!walked.has(target.real)) appendAll(files, await walk(path, skip, inside, walked, unread));
      } else if (wanted) files.push(path);
      else unread.push(path);
    }
  }
  return files;
}

/** Unread files named one by one when a folder has nothing to read; the rest are counted. */
const UNREAD_LISTED = 20;

/** Skips a folder's unread files, each with why it was not read, or says the folder holds none. */
function reportUnread(unread: readonly string[], folder: string, skip: Skip): void {
  if (unread.length === 0) {
    skip(
      folder,
      'empty',
      `${folder}: skipped, the folder holds no files (hidden files and README files are not read)`,
    );
    return;
  }
  for (const path of unread.slice(0, UNREAD_LISTED)) {
    skip(
      path,
      'unsupported',
      `${path}: skipped, ${unreadKind(path)} (${READ_FORMATS})${documentExtension(path) ?? ''}`,
    );
  }
  if (unread.length > UNREAD_LISTED) {
    const more = unread.length - UNREAD_LISTED;
    skip(folder, 'unsupported', `${folder}: skipped, ${more} more file(s) of kinds crosscheck does not read`);
  }
}

/** What crosscheck reads from a folder, for the message about a file it did not read. */
const READ_FORMATS = 'crosscheck reads .txt, .md and .text articles and saved .html, .htm and .html.gz pages';

/** Document formats that are never article text, with the hint for each. */
const DOCUMENT_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['.pdf', '; convert it to text first, e.g. with pdftotext'],
  ['.doc', '; save it as plain text first'],
  ['.docx', '; save it as plain text first'],
  ['.odt', '; save it as plain text first'],
  ['.rtf', '; save it as plain text first'],
  ['.epub', '; save it as plain text first'],
  ['.pages', '; save it as plain text first'],
]);

/** The hint for a document file (by extension), or undefined when the name is no document's. */
function documentExtension(path: string): string | undefined {
  return DOCUMENT_EXTENSIONS.get(extname(path).toLowerCase());
}

/** "a .pdf file", "a file without an extension". */
function unreadKind(path: string): string {
  const extension = extname(path).toLowerCase();
  return extension === '' ? 'a file without an extension' : `a ${extension} file`;
}

async function resolveLink(path: string): Promise<{ real: string; directory: boolean } | { error: string }> {
  try {
    const real = await realpath(path);
    return { real, directory: (await stat(real)).isDirectory() };
  } catch (error) {
    return { error: describe(error) };
  }
}

/** Reads a saved page and extracts its article, or reports why it has none and returns undefined. */
async function readPage(
  path: string,
  id: string,
  maxBytes: number,
  skip: Skip,
): Promise<{ article: ArticleInput; diagnostics: Diagnostic[] } | undefined> {
  let html: string;
  try {
    html = (await readHtmlFile(path, { maxBytes })).text;
  } catch (error) {
    const reason =
      error instanceof CrosscheckError && error.code === 'input-too-large' ? 'too-large' : 'unreadable';
    const problem = error instanceof CrosscheckError ? error.message : describe(error);
    skip(path, reason, `${path}: skipped, ${problem.replace(`${path}: `, '')}`);
    return undefined;
  }
  const extracted = extractArticle(html, { name: path });
  if (!extracted.ok) {
    skip(path, extracted.reason, `${path}: skipped, ${extracted.message.replace(`${path}: `, '')}`);
    return undefined;
  }
  const { title, outlet, url, published, text } = extracted.article;
  const article: ArticleInput = { id, path, body: text };
  if (title !== undefined) article.title = title;
  if (outlet !== undefined) article.outlet = outlet;
  if (url !== undefined) article.url = url;
  if (published !== undefined && /^\d{4}-\d{2}-\d{2}/.test(published))
    article.published = published.slice(0, 10);
  return { article, diagnostics: extracted.diagnostics.map((diagnostic) => ({ ...diagnostic, source: id })) };
}

/** Reads one file as strict UTF-8, or reports why it cannot be an article and returns undefined. */
async function readText(path: string, maxBytes: number, skip: Skip): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    // The size is checked before reading so that a huge file is never loaded into memory.
    const info = await stat(path);
    if (!info.isFile()) {
      skip(path, 'unreadable', `${path}: skipped, not a regular file`);
      return undefined;
    }
    if (info.size > maxBytes) {
      skip(path, 'too-large', `${path}: skipped, too large (${info.size} bytes, the limit is ${maxBytes})`);
      return undefined;
    }
    bytes = await readFile(path);
  } catch (error) {
    skip(path, 'unreadable', `${path}: skipped, cannot be read (${describe(error)})`);
    return undefined;
  }
  if (bytes.length === 0) {
    skip(path, 'empty', `${path}: skipped, the file is empty`);
    return undefined;
  }
  if (bytes.includes(0)) {
    skip(path, 'binary', `${path}: skipped, looks like a binary file (contains NUL bytes)`);
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    skip(path, 'not-utf8', `${path}: skipped, not valid UTF-8 text`);
    return undefined;
  }
}

/** `stem`, or `stem-2`, `stem-3`, … when taken. */
function uniqueId(stem: string, used: Set<string>): string {
  if (!used.has(stem)) return stem;
  let suffix = 2;
  while (used.has(`${stem}-${suffix}`)) suffix++;
  return `${stem}-${suffix}`;
}

/** Code-unit order rather than localeCompare, so the order is the same on every machine and locale. */
function comparePaths(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
