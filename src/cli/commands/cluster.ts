/**
 * `crosscheck cluster <files or folders>`: groups articles into stories with no store, for pipelines
 * and scripts. Prints `{ stories: [{ id, title, articles: [path, …] }] }` as JSON, or a readable list;
 * `--why` adds, per article, the shared terms, entities and score that placed it.
 * @packageDocumentation
 */
import { type Command, Option } from 'commander';
import { clusterArticles } from '../../cluster/cluster-articles.js';
import type { Placement } from '../../cluster/story-clusterer.js';
import { readArticles } from '../../ingest/read-articles.js';
import { type CliIo, EXIT } from '../run.js';
import { skippedLine } from '../skipped-line.js';

/** One article's placement as `--why` prints it. */
export interface ArticleWhy {
  article: string;
  created: boolean;
  score: number;
  terms: string[];
  entities: string[];
  nearDuplicateOf?: string;
  closestStory?: string;
}

/** The JSON the command prints. */
export interface ClusterOutput {
  stories: Array<{ id: string; title: string; articles: string[]; why?: ArticleWhy[] }>;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function explain(article: string, placement: Placement, pathOf: Map<string, string>): ArticleWhy {
  const why: ArticleWhy = {
    article,
    created: placement.created,
    score: round(placement.why.score),
    terms: placement.why.terms,
    entities: placement.why.entities,
  };
  if (placement.why.nearDuplicateOf !== undefined) {
    why.nearDuplicateOf = pathOf.get(placement.why.nearDuplicateOf) ?? placement.why.nearDuplicateOf;
  }
  if (placement.why.closestStory !== undefined) why.closestStory = placement.why.closestStory;
  return why;
}

function renderText(output: ClusterOutput): string {
  const lines: string[] = [];
  for (const story of output.stories) {
    const count = story.articles.length;
    lines.push(`${story.id}  ${story.title}  (${count} article${count === 1 ? '' : 's'})`);
    for (const [position, article] of story.articles.entries()) {
      const why = story.why?.[position];
      if (why === undefined) {
        lines.push(`  ${article}`);
        continue;
      }
      let reason: string;
      if (why.created) {
        reason =
          why.closestStory === undefined
            ? 'founded the story (no story shared its rare terms)'
            : `founded the story (closest ${why.closestStory} at ${why.score.toFixed(3)}, below the threshold)`;
      } else {
        reason = `score ${why.score.toFixed(3)}`;
        if (why.nearDuplicateOf !== undefined) reason += `, near-copy of ${why.nearDuplicateOf}`;
        if (why.terms.length > 0) reason += `; terms: ${why.terms.join(', ')}`;
        if (why.entities.length > 0) reason += `; entities: ${why.entities.join(', ')}`;
      }
      lines.push(`  ${article}  — ${reason}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/**
 * Adds the `cluster` command to a crosscheck program.
 * @param program - the root command
 * @param io - where to write
 * @param setExitCode - receives the exit code ({@link EXIT}): partial when some inputs were skipped,
 *   failure when none was readable; the caller returns it from `runCli`
 */
export function registerClusterCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void = () => {},
): Command {
  return program
    .command('cluster')
    .description('group articles (files or folders) into stories, without a store')
    .argument('<paths...>', 'files or folders of articles')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--why', 'show for each article the shared terms, entities and score that placed it')
    .action(async (paths: string[], options: { format: string; why?: boolean }) => {
      const read = await readArticles(paths);
      for (const skipped of read.skipped) io.stderr(skippedLine(skipped.path, skipped.message));
      if (read.articles.length === 0) {
        io.stderr(`crosscheck: no readable article in ${paths.join(', ')}\n`);
        setExitCode(EXIT.failure);
        return;
      }
      const result = clusterArticles(read.articles);
      const pathOf = new Map(read.articles.map((article) => [article.id, article.path ?? article.id]));
      const output: ClusterOutput = {
        stories: result.stories.map((story) => {
          const articles = story.articles.map((id) => pathOf.get(id) ?? id);
          const entry: ClusterOutput['stories'][number] = { id: story.id, title: story.title, articles };
          if (options.why === true) {
            entry.why = story.articles.map((id, position) =>
              explain(articles[position]!, result.placements.get(id)!, pathOf),
            );
          }
          return entry;
        }),
      };
      io.stderr(
        `crosscheck: ${read.articles.length} article(s) in ${output.stories.length} stor${output.stories.length === 1 ? 'y' : 'ies'}` +
          `${read.skipped.length > 0 ? `, skipped ${read.skipped.length}` : ''}\n`,
      );
      if (options.format === 'json') io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      else io.stdout(renderText(output));
      setExitCode(read.skipped.length > 0 ? EXIT.partial : EXIT.ok);
    });
}
