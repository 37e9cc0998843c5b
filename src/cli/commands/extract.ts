/**
 * `crosscheck extract <page.html>`: one saved page → its article, as JSON
 * (`{ title, byline, outlet, url, published, updated, text }`, missing fields `null`) or as text.
 * Needs no store; for pipelines and scripts. A URL is fetched under the address guard (private, loopback
 * and link-local addresses refused unless `--allow-private`).
 * @packageDocumentation
 */
import { type Command, Option } from 'commander';
import { type FetchOptions, type FetchResult, fetchUrl } from '../../ingest/fetch/fetch-url.js';
import { decodeHtml } from '../../ingest/html/charset.js';
import { extractArticle } from '../../ingest/html/extract-article.js';
import { readHtmlFile } from '../../ingest/html/read-html-file.js';
import { CrosscheckError } from '../../model/index.js';
import type { CliIo } from '../run.js';

/** The JSON `crosscheck extract --format json` prints: every field present, `null` when the page does not say. */
export interface ExtractOutput {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  updated: string | null;
  text: string;
}

const METADATA_FIELDS = ['title', 'byline', 'outlet', 'url', 'published', 'updated'] as const;

/**
 * Adds the `extract` command to the program. Failures (a missing file, a page that is not an
 * article) are thrown as {@link CrosscheckError}, which `runCli` prints and turns into exit code 2.
 * @param program - the root `crosscheck` command
 * @param io - where output goes (stdout carries only the article)
 */
export function registerExtractCommand(
  program: Command,
  io: CliIo,
  fetch: (url: string, options: FetchOptions) => Promise<FetchResult> = fetchUrl,
): void {
  program
    .command('extract')
    .description('extract the article (text and metadata) from a saved HTML page (.html, .htm, .html.gz)')
    .argument('<page>', 'a saved HTML page or an http(s) URL')
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--url <url>', "the page's address, when the saved page does not name it (resolves links, dates)")
    .option('--content-type <value>', 'the Content-Type header the page was served with (for its charset)')
    .action(
      async (
        page: string,
        options: { format: string; url?: string; contentType?: string; allowPrivate?: boolean },
      ) => {
        let html: string;
        let url = options.url;
        if (/^https?:\/\//i.test(page)) {
          const fetched = await fetch(page, { allowPrivate: options.allowPrivate === true });
          if (!fetched.ok) throw new CrosscheckError(`fetch-${fetched.reason}`, fetched.message);
          const contentType = options.contentType ?? fetched.contentType;
          html = decodeHtml(fetched.bytes, contentType ? { contentType } : {}).text;
          url ??= fetched.url;
        } else {
          const file = await readHtmlFile(
            page,
            options.contentType === undefined ? {} : { contentType: options.contentType },
          );
          html = file.text;
        }
        const result = extractArticle(html, { name: page, ...(url === undefined ? {} : { url }) });
        if (!result.ok) throw new CrosscheckError(`extract-${result.reason}`, result.message);
        const { article } = result;
        const output: ExtractOutput = {
          title: article.title ?? null,
          byline: article.byline ?? null,
          outlet: article.outlet ?? null,
          url: article.url ?? null,
          published: article.published ?? null,
          updated: article.updated ?? null,
          text: article.text,
        };
        if (options.format === 'json') {
          io.stdout(`${JSON.stringify(output, null, 2)}\n`);
          return;
        }
        const header = METADATA_FIELDS.flatMap((field) => {
          const value = output[field];
          return value === null ? [] : [`${field}: ${value}`];
        });
        io.stdout(`${header.join('\n')}${header.length > 0 ? '\n\n' : ''}${article.text}\n`);
      },
    );
}
