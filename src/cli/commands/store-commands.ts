/**
 * The commands over a store: `ingest`, `stories`, `story`, `search` and `watch`. Each opens the store
 * (`--db PATH`, else the default under the user's data directory), does its work through the
 * {@link Newsroom} and closes it again.
 * @packageDocumentation
 */
import { homedir } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type IngestDeps, ingestSources, isUrlRef } from '../../ingest/fetch/ingest-sources.js';
import { decodeHtml } from '../../ingest/html/charset.js';
import { extractArticle } from '../../ingest/html/extract-article.js';
import { htmlToText } from '../../ingest/html/html-to-text.js';
import { checkPathsExist, readArticles } from '../../ingest/read-articles.js';
import { CrosscheckError } from '../../model/index.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import type { IngestOptions, IngestOutcome, Newsroom } from '../../service/types.js';
import { defaultStorePath } from '../../store/default-path.js';
import { readableSourceName } from '../../text/outlet-identity.js';
import { openNewsroomAt } from '../open-newsroom.js';
import { type CliIo, EXIT } from '../run.js';
import { skippedLine } from '../skipped-line.js';

/** What the store commands need from the outside world, injected so tests run them in-process. */
export interface StoreCommandDependencies {
  openNewsroom: (path: string) => Promise<Newsroom>;
  defaultDbPath: () => string;
  /** How sources are read and fetched (the extractor, the address guard, a fake fetch in tests). */
  sources: Omit<IngestDeps, 'fetchOptions'>;
  /** Waits between polls of `watch`. */
  sleep: (milliseconds: number) => Promise<void>;
  /** Whether progress bars may be drawn (stderr is a terminal). */
  progress: boolean;
}

/** The real dependencies: the store `--db` names (SQLite file or PostgreSQL URL), the real clock and network. */
export const defaultStoreCommandDependencies: StoreCommandDependencies = {
  openNewsroom: openNewsroomAt,
  defaultDbPath: () => defaultStorePath(process.env, homedir()),
  sources: {
    htmlToText,
    extractArticle: (html, options) => extractArticle(html, options),
    decodeHtml: (bytes, options) =>
      decodeHtml(bytes, options.contentType ? { contentType: options.contentType } : {}),
    readArticles: (paths) => readArticles(paths),
  },
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  progress: process.stderr.isTTY === true,
};

/** An ingest of more articles than this draws a progress bar (on a terminal). */
const PROGRESS_ARTICLES = 250;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

/** `15m`, `90s`, `2h` or a number of minutes, in milliseconds. */
export function parseInterval(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected an interval such as 90s, 15m or 2h');
  const unit = match[2] ?? 'm';
  const milliseconds = Number(match[1]) * (unit === 's' ? 1_000 : unit === 'm' ? 60_000 : 3_600_000);
  if (milliseconds < 1_000) throw new InvalidArgumentError('the interval must be at least one second');
  return milliseconds;
}

function isoTime(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new InvalidArgumentError('expected a date or time such as 2025-03-10 or 2025-03-10T12:00Z');
  return new Date(time).toISOString();
}

/** Articles listed per store call when naming a story's articles. */
const ARTICLE_PAGE = 200;

/**
 * What each article of the listed stories is called: its outlet, else its file name without a generated
 * hash or its title (see `readableSourceName`); an article with none of these is left out.
 */
async function articleNames(
  newsroom: Newsroom,
  stories: readonly { id: string }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const story of stories) {
    for (let offset = 0; ; offset += ARTICLE_PAGE) {
      const page = await newsroom.listArticles({ storyId: story.id, limit: ARTICLE_PAGE, offset });
      for (const article of page.items) {
        const name = readableSourceName(article);
        if (name !== undefined) names.set(article.id, name);
      }
      if (page.items.length < ARTICLE_PAGE) break;
    }
  }
  return names;
}

/**
 * Adds the store commands to the program.
 * @param program - the root command
 * @param io - stdout for results, stderr for progress and problems
 * @param setExitCode - records the exit code of the command that ran
 * @param deps - {@link defaultStoreCommandDependencies} in the real CLI
 */
export function registerStoreCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
  deps: StoreCommandDependencies = defaultStoreCommandDependencies,
): void {
  const dbOption = () =>
    new Option(
      '--db <path-or-url>',
      'the store: an SQLite file or a postgresql:// URL (default: $CROSSCHECK_DB, else under the user data directory)',
    );
  const withNewsroom = async <Result>(
    db: string | undefined,
    work: (newsroom: Newsroom) => Promise<Result>,
  ) => {
    const newsroom = await deps.openNewsroom(db ?? deps.defaultDbPath());
    try {
      return await work(newsroom);
    } finally {
      await newsroom.close();
    }
  };

  const ingestOnce = async (
    newsroom: Newsroom,
    refs: string[],
    allowPrivate: boolean,
    refine?: boolean,
  ): Promise<{ outcome: IngestOutcome; failed: number; read: number }> => {
    const read = await ingestSources(refs, { ...deps.sources, fetchOptions: { allowPrivate } });
    for (const failure of read.failed) io.stderr(skippedLine(failure.ref, failure.message));
    const failedRefs = new Set(read.failed.map((failure) => failure.ref));
    for (const diagnostic of read.diagnostics) {
      // A failure's own diagnostic was just printed as its "skipped" line.
      const printed = diagnostic.code.startsWith('ingest-') && failedRefs.has(diagnostic.source ?? '');
      if (diagnostic.severity !== 'info' && !printed) io.stderr(`crosscheck: ${diagnostic.message}\n`);
    }
    // The progress bar library is loaded only when a bar is drawn.
    const bar =
      deps.progress && read.articles.length > PROGRESS_ARTICLES
        ? new (await import('cli-progress')).SingleBar({ stream: process.stderr })
        : undefined;
    let barStarted = false;
    const ingestOptions: IngestOptions = {};
    if (refine !== undefined) ingestOptions.refine = refine;
    if (bar !== undefined) {
      ingestOptions.onProgress = (done, total) => {
        if (!barStarted) bar.start(total, 0);
        barStarted = true;
        bar.update(done);
      };
    }
    // One call: the newsroom commits in chunks and ends a batch import with one re-clustering pass.
    try {
      const outcome = await newsroom.ingest(read.articles, ingestOptions);
      return { outcome, failed: read.failed.length, read: read.articles.length };
    } finally {
      if (barStarted) bar?.stop();
    }
  };

  program
    .command('ingest')
    .description(
      'read files, folders, saved pages, feeds, JSONL dumps and URLs into the store, grouped into stories',
    )
    .argument('<sources...>', 'paths, page URLs or feed URLs')
    .addOption(dbOption())
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
    .option(
      '--refine',
      're-cluster the whole store afterwards (default: when 20 or more articles were added)',
    )
    .option('--no-refine', 'never re-cluster after this ingest')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      async (
        refs: string[],
        options: { db?: string; allowPrivate?: boolean; refine?: boolean; format: string },
      ) => {
        // A path that does not exist is a usage error (exit 2), found before anything is read or stored.
        await checkPathsExist(refs.filter((ref) => !isUrlRef(ref)));
        await withNewsroom(options.db, async (newsroom) => {
          const { outcome, failed, read } = await ingestOnce(
            newsroom,
            refs,
            options.allowPrivate === true,
            options.refine,
          );
          // As `synth` says: the skipped lines above give each input's reason.
          if (read === 0 && outcome.duplicates.length === 0)
            io.stderr(`crosscheck: no readable article in ${refs.join(', ')}\n`);
          if (options.format === 'json') {
            io.stdout(`${JSON.stringify({ ...outcome, failed }, null, 2)}\n`);
          } else {
            io.stdout(
              `ingested ${outcome.added.length} new article(s), ${outcome.duplicates.length} already stored; ` +
                `${outcome.storiesChanged.length} story(ies) updated\n`,
            );
          }
          setExitCode(read === 0 ? EXIT.failure : failed > 0 ? EXIT.partial : EXIT.ok);
        });
      },
    );

  program
    .command('recluster')
    .description(
      're-cluster every stored article in one pass (corrections still hold), then re-synthesize what changed',
    )
    .addOption(dbOption())
    .action(async (options: { db?: string }) => {
      await withNewsroom(options.db, async (newsroom) => {
        const refined = await newsroom.refine();
        io.stdout(
          `moved ${refined.moved} article(s); ${refined.storiesBefore} → ${refined.storiesAfter} stories; ` +
            `${refined.storiesChanged.length} story(ies) updated\n`,
        );
      });
    });

  program
    .command('stories')
    .description('list the stories in the store: size, outlets, date range, headline')
    .addOption(dbOption())
    .option('-q, --query <words>', 'only stories matching these words')
    .option('--outlet <name>', 'only stories with an article from this outlet')
    .option('--limit <n>', 'how many', positiveInteger, 50)
    .option('--why', 'for each article, the terms, entities and score that placed it')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      async (options: {
        db?: string;
        query?: string;
        outlet?: string;
        limit: number;
        why?: boolean;
        format: string;
      }) => {
        await withNewsroom(options.db, async (newsroom) => {
          const page = await newsroom.listStories({
            limit: options.limit,
            offset: 0,
            ...(options.query === undefined ? {} : { query: options.query }),
            ...(options.outlet === undefined ? {} : { outlet: options.outlet }),
          });
          const why = options.why
            ? new Map(
                await Promise.all(
                  page.items.map(async (item) => [item.id, await newsroom.explain(item.id)] as const),
                ),
              )
            : undefined;
          const names = why === undefined ? undefined : await articleNames(newsroom, page.items);
          if (options.format === 'json') {
            const items = page.items.map((item) => ({ ...item, ...(why ? { why: why.get(item.id) } : {}) }));
            io.stdout(`${JSON.stringify({ total: page.total, items }, null, 2)}\n`);
            return;
          }
          io.stdout(`${page.total} stor${page.total === 1 ? 'y' : 'ies'}\n`);
          for (const item of page.items) {
            const dates =
              item.firstPublished === item.lastPublished
                ? (item.firstPublished ?? 'undated')
                : `${item.firstPublished ?? '?'} – ${item.lastPublished ?? '?'}`;
            // A story of articles that name no outlet has no outlet slot, rather than an empty one.
            const outlets = item.outlets.length === 0 ? '' : ` · ${item.outlets.join(', ')}`;
            io.stdout(`\n${item.id}  ${item.title}\n  ${item.size} article(s)${outlets} · ${dates}`);
            io.stdout(`${item.conflicts > 0 ? ` · ${item.conflicts} conflict(s)` : ''}\n`);
            for (const placement of why?.get(item.id) ?? []) {
              const reason = placement.created
                ? 'started the story'
                : placement.nearDuplicateOf
                  ? `near-copy of ${names?.get(placement.nearDuplicateOf) ?? placement.nearDuplicateOf}`
                  : `score ${placement.score.toFixed(2)}; terms ${placement.terms.slice(0, 6).join(', ')}; entities ${placement.entities.slice(0, 4).join(', ')}`;
              // The name a reader knows the article by, then the id `story split` takes.
              const name = names?.get(placement.articleId);
              const article = name === undefined ? placement.articleId : `${name} (${placement.articleId})`;
              io.stdout(`    ${article}: ${reason}\n`);
            }
          }
        });
      },
    );

  program
    .command('story')
    .description(
      'show a story (`story ID`), or correct the grouping (`story merge A B`, `story split ID ARTICLE…`)',
    )
    .argument('<id-or-action>', 'a story id, or merge / split')
    .argument(
      '[more...]',
      'for merge: the two story ids; for split: the story id and the article ids to move out',
    )
    .addOption(dbOption())
    .option(
      '--since <time>',
      'only what is new since this time: claims, conflicts, updates and quotes',
      isoTime,
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'),
    )
    .action(
      async (first: string, more: string[], options: { db?: string; since?: string; format: string }) => {
        await withNewsroom(options.db, async (newsroom) => {
          if (first === 'merge') {
            if (more.length !== 2)
              throw new CrosscheckError('usage', 'story merge takes two story ids: story merge A B');
            const kept = await newsroom.merge(more[0]!, more[1]!);
            io.stdout(`merged into ${kept}\n`);
            return;
          }
          if (first === 'split') {
            const [storyId, ...articles] = more;
            if (storyId === undefined || articles.length === 0) {
              throw new CrosscheckError(
                'usage',
                'story split takes a story id and the article ids to move: story split ID A1 A2',
              );
            }
            const created = await newsroom.split(storyId, articles);
            io.stdout(`moved ${articles.length} article(s) into ${created}\n`);
            return;
          }
          if (options.since !== undefined) {
            const changes = await newsroom.storyChanges(first, options.since);
            if (changes === undefined)
              throw new CrosscheckError('unknown-story', `no story with id "${first}"`);
            if (options.format === 'json') io.stdout(`${JSON.stringify(changes, null, 2)}\n`);
            else {
              io.stdout(
                `new in ${first} since ${options.since}: ${changes.claims.length} claim(s), ${changes.conflicts.length} conflict(s), ${changes.updates.length} update(s), ${changes.quotes.length} quote(s)\n`,
              );
              for (const claim of changes.claims) io.stdout(`  + ${claim.text}\n`);
              for (const conflict of changes.conflicts)
                io.stdout(`  ! ${conflict.kind}: ${conflict.topic}\n`);
              for (const update of changes.updates)
                io.stdout(
                  `  ↗ ${update.kind}: ${update.topic}: ${update.positions.map((position) => `${position.value} (${position.asOf})`).join(' → ')}\n`,
                );
              for (const quote of changes.quotes)
                io.stdout(`  “ ${quote.speaker ?? 'unattributed'}: ${quote.text}\n`);
            }
            return;
          }
          const view = await newsroom.story(first);
          if (view === undefined)
            throw new CrosscheckError(
              'unknown-story',
              `no story with id "${first}": list them with \`crosscheck stories\``,
            );
          if (options.format === 'json') io.stdout(`${JSON.stringify(view.report, null, 2)}\n`);
          else if (options.format === 'md') io.stdout(renderMarkdown(view.report));
          else io.stdout(renderText(view.report, { color: io.isTerminal }));
        });
      },
    );

  program
    .command('search')
    .description('full-text search over stored articles and claims')
    .argument('<words...>', 'what to look for; "quoted phrases" and prefix* work')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', positiveInteger, 20)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (words: string[], options: { db?: string; limit: number; format: string }) => {
      await withNewsroom(options.db, async (newsroom) => {
        const { hits } = await newsroom.search(words.join(' '), { limit: options.limit });
        if (options.format === 'json') {
          io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
          return;
        }
        if (hits.length === 0) io.stdout('no match\n');
        for (const hit of hits) io.stdout(`${hit.rank}. [${hit.kind}] ${hit.storyId ?? ''} ${hit.snippet}\n`);
      });
    });

  program
    .command('watch')
    .description('poll feeds or pages and ingest what is new, until interrupted')
    .argument('<sources...>', 'feed URLs, page URLs or paths')
    .addOption(dbOption())
    .option('--every <interval>', 'time between polls, e.g. 90s, 15m, 2h', parseInterval, 15 * 60_000)
    .option('--times <n>', 'stop after this many polls (default: until interrupted)', positiveInteger)
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
    .action(
      async (
        refs: string[],
        options: { db?: string; every: number; times?: number; allowPrivate?: boolean },
      ) => {
        await withNewsroom(options.db, async (newsroom) => {
          for (let poll = 1; options.times === undefined || poll <= options.times; poll++) {
            const { outcome } = await ingestOnce(newsroom, refs, options.allowPrivate === true);
            io.stderr(
              `crosscheck: poll ${poll}: ${outcome.added.length} new article(s), ${outcome.storiesChanged.length} story(ies) updated\n`,
            );
            if (options.times !== undefined && poll === options.times) break;
            await deps.sleep(options.every);
          }
        });
      },
    );
}
