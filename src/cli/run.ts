import { createRequire } from 'node:module';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readArticles } from '../ingest/read-articles.js';
import { CrosscheckError } from '../model/index.js';
import { DEFAULT_SUMMARY_WORDS, synthesize } from '../pipeline/synthesize.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import { appendAll } from '../text/iterables.js';
import { registerClusterCommand } from './commands/cluster.js';
import { registerExtractCommand } from './commands/extract.js';
import { defaultServeDependencies, registerServeCommand, type ServeDependencies } from './commands/serve.js';
import {
  defaultStoreCommandDependencies,
  registerStoreCommands,
  type StoreCommandDependencies,
} from './commands/store-commands.js';
import { skippedLine } from './skipped-line.js';

/** The package version, read from package.json (two levels up from both src/cli and dist/cli). */
const VERSION = (createRequire(import.meta.url)('../../package.json') as { version?: string }).version ?? '0';

/** Where the CLI writes: injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal: colour only then. */
  isTerminal: boolean;
}

/** Exit codes: every input read; a story made but some inputs skipped; nothing usable or a usage error. */
export const EXIT = { ok: 0, partial: 1, failure: 2 } as const;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

/** The outside world of the commands that need more than files and streams: injected by tests. */
export interface CliDependencies {
  store: StoreCommandDependencies;
  serve: ServeDependencies;
}

/**
 * Runs the `crosscheck` command line with the given arguments (without `node` and the script).
 * Resolves to the process exit code; never calls `process.exit`.
 * @param argv - the arguments
 * @param io - where output goes
 * @param dependencies - stores, network and clock of the store commands (real ones by default)
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  dependencies: Partial<CliDependencies> = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command()
    .name('crosscheck')
    .description('Reads many news articles about one event and gives the story once, with its evidence.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('synth')
    .description(
      'synthesize one story from article files and folders (plain text, front matter or a "date YYYY-MM-DD" first line)',
    )
    .argument('<paths...>', 'files or folders of articles')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'),
    )
    .option('-w, --words <n>', 'summary word budget', positiveInteger, DEFAULT_SUMMARY_WORDS)
    .option(
      '--reference-date <YYYY-MM-DD>',
      'resolve relative dates of undated articles against this day',
      isoDay,
    )
    .option('-v, --verbose', 'list every diagnostic (what cleaning removed, inferred dates)')
    .action(
      async (
        paths: string[],
        options: { format: string; words: number; referenceDate?: string; verbose?: boolean },
      ) => {
        const read = await readArticles(paths);
        for (const skipped of read.skipped) io.stderr(skippedLine(skipped.path, skipped.message));
        if (read.articles.length === 0) {
          io.stderr(`crosscheck: no readable article in ${paths.join(', ')}\n`);
          exitCode = EXIT.failure;
          return;
        }
        io.stderr(
          `crosscheck: read ${read.articles.length} article(s)${read.skipped.length ? `, skipped ${read.skipped.length}` : ''}\n`,
        );
        const report = synthesize(read.articles, {
          words: options.words,
          ...(options.referenceDate === undefined ? {} : { referenceDate: options.referenceDate }),
        });
        report.diagnostics = appendAll([...read.diagnostics], report.diagnostics);
        if (options.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        else if (options.format === 'md') io.stdout(renderMarkdown(report));
        else io.stdout(renderText(report, { color: io.isTerminal, verbose: options.verbose ?? false }));
        exitCode = read.skipped.length > 0 ? EXIT.partial : EXIT.ok;
      },
    );

  registerExtractCommand(program, io);
  registerClusterCommand(program, io, setExitCode);
  registerStoreCommands(program, io, setExitCode, dependencies.store ?? defaultStoreCommandDependencies);
  registerServeCommand(program, io, dependencies.serve ?? defaultServeDependencies);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    }
    if (error instanceof CrosscheckError) {
      io.stderr(`crosscheck: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
