/**
 * What the reader calls each source of a story. Chips and column heads need names that are short and
 * tell the sources apart: the outlet, else the web site, else the file name without its generated hash
 * ("000.txt" for "000_2f3df334388c028e.txt"), the title or the id a person gave ("civic-radio"); a
 * source with none of these becomes "Source 3", its place in the story, as the terminal report numbers
 * sources. Two articles of one outlet are numbered: "Bay Herald (2)".
 * Free of DOM types so the tests can import it.
 */

import type { Source } from '../../src/model/index.js';
import { readableSourceName } from '../../src/text/outlet-identity.js';

/** The host of an http(s) URL without "www.", or undefined. */
function siteOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Short, distinct labels for the sources of one story, by source id.
 * @param sources - the story's sources in report order
 */
export function sourceLabels(sources: readonly Source[]): Map<string, string> {
  const bases = sources.map(
    (source, index) =>
      source.outlet ?? siteOf(source.url) ?? readableSourceName(source) ?? `Source ${index + 1}`,
  );
  const totals = new Map<string, number>();
  for (const base of bases) totals.set(base, (totals.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    sources.map((source, index) => {
      const base = bases[index]!;
      if (totals.get(base) === 1) return [source.id, base];
      const number = (seen.get(base) ?? 0) + 1;
      seen.set(base, number);
      return [source.id, `${base} (${number})`];
    }),
  );
}
