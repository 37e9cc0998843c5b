/**
 * Where the evaluation data lives: `../shared/data` next to the repository (the CI layout), or the
 * directory named by `CROSSCHECK_DATA`. The data is never copied into the repository.
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the parent of `eval/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The root of the shared evaluation data. */
export const DATA_ROOT = process.env.CROSSCHECK_DATA ?? path.resolve(REPO_ROOT, '../shared/data');

/**
 * Absolute path of a file or directory of the shared data.
 * @param parts - path segments under the data root, e.g. `'allsides', 'neus-test.jsonl'`
 */
export function dataPath(...parts: string[]): string {
  return path.join(DATA_ROOT, ...parts);
}

/**
 * Whether every given data path exists; callers skip their evaluation with a message when not.
 * @param paths - absolute paths from {@link dataPath}
 */
export function dataAvailable(...paths: string[]): boolean {
  return paths.every((candidate) => existsSync(candidate));
}

/** Directory the harness writes its JSON results to. */
export const RESULTS_DIRECTORY = path.join(REPO_ROOT, 'eval', 'results');
