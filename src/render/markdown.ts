import type { StoryReport } from '../model/index.js';
import {
  asOfLabel,
  citation,
  citationNumbers,
  sourceLabel,
  timelineDate,
  titleBesideLabel,
  updatesSpanYears,
} from './citations.js';

/** Escapes the characters Markdown would read as markup in article text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ');
}

/**
 * Renders a report as Markdown: summary with citations, claims by agreement, conflicts, figures that moved,
 * quotes, entities, timeline, and the passages behind every summary sentence.
 */
export function renderMarkdown(report: StoryReport): string {
  const numbers = citationNumbers(report);
  const cite = (sources: readonly string[]): string => citation(numbers, sources);
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, '', '## Sources', ''];
  report.sources.forEach((source, index) => {
    const link = source.url ? ` — <${source.url}>` : '';
    const label = sourceLabel(source, index);
    const title = titleBesideLabel(source, label);
    out.push(
      `${index + 1}. **${escapeMarkdown(label)}** (${source.published ?? 'undated'})${title === '' ? '' : ` ${escapeMarkdown(title)}`}${link}`,
    );
  });
  if (report.conflicts.length > 0) {
    out.push('', '## Where the sources disagree', '');
    for (const conflict of report.conflicts) {
      out.push(`- **${escapeMarkdown(conflict.kind)}** — ${escapeMarkdown(conflict.topic)}`);
      for (const position of conflict.positions) {
        const stance = position.stance === undefined ? '' : ` _(${position.stance})_`;
        out.push(`  - **${escapeMarkdown(position.value)}**${stance} ${cite(position.sources)}`);
        for (const evidence of position.evidence) {
          out.push(
            `    - [${numbers.get(evidence.source) ?? 0}] chars ${evidence.start}–${evidence.end}: “${escapeMarkdown(evidence.text)}”`,
          );
        }
      }
    }
  }
  if (report.updates.length > 0) {
    out.push('', '## How figures moved', '');
    const withYear = updatesSpanYears(report.updates);
    for (const update of report.updates) {
      const moves = update.positions.map(
        (position) =>
          `${escapeMarkdown(position.value)} (${asOfLabel(position.asOf, withYear)}) ${cite(position.sources)}`,
      );
      out.push(
        `- **${escapeMarkdown(update.kind)}** — ${escapeMarkdown(update.topic)}: ${moves.join(' → ')}`,
      );
      for (const position of update.positions) {
        out.push(
          `  - **${escapeMarkdown(position.value)}** as of ${asOfLabel(position.asOf, withYear)} ${cite(position.sources)}`,
        );
        for (const evidence of position.evidence) {
          out.push(
            `    - [${numbers.get(evidence.source) ?? 0}] chars ${evidence.start}–${evidence.end}: “${escapeMarkdown(evidence.text)}”`,
          );
        }
      }
    }
  }
  const reprints = report.reprints ?? [];
  if (reprints.length > 0) {
    out.push('', '## Copies', '', 'Counted once with the source they copy:', '');
    for (const reprint of reprints) {
      out.push(
        `- [${numbers.get(reprint.source) ?? 0}] copies [${numbers.get(reprint.copyOf) ?? 0}] (shingle similarity ${reprint.similarity.toFixed(2)})`,
      );
    }
  }
  out.push('', '## Summary', '');
  for (const sentence of report.summary) {
    const disputed = sentence.disputed
      ? ` — *disputed: ${escapeMarkdown(sentence.disputed.join('; '))}*`
      : '';
    out.push(`- ${escapeMarkdown(sentence.text)} ${cite(sentence.sources)}${disputed}`);
  }
  out.push('', '<details><summary>Passages behind the summary</summary>', '');
  for (const sentence of report.summary) {
    out.push(`- ${escapeMarkdown(sentence.text.slice(0, 80))}…`);
    for (const evidence of sentence.evidence) {
      out.push(
        `  - [${numbers.get(evidence.source) ?? 0}] chars ${evidence.start}–${evidence.end}: “${escapeMarkdown(evidence.text)}”`,
      );
    }
  }
  out.push('', '</details>');
  const section = (title: string, kind: string): void => {
    const claims = report.claims.filter((claim) => claim.kind === kind);
    out.push('', `## ${title} (${claims.length})`, '');
    for (const claim of claims) {
      const independent =
        claim.independentSources !== undefined && claim.independentSources < claim.sources.length
          ? ` (${claim.independentSources} independent)`
          : '';
      const stances = (claim.stances ?? []).filter((item) => item.stance !== 'asserts');
      const held =
        stances.length === 0
          ? ''
          : ` — ${stances.map((item) => `[${numbers.get(item.source) ?? 0}] ${item.stance}${item.cue === undefined ? '' : ` “${escapeMarkdown(item.cue)}”`}`).join('; ')}`;
      out.push(`- ${escapeMarkdown(claim.text)} ${cite(claim.sources)}${independent}${held}`);
    }
  };
  section('Reported by every source', 'consensus');
  section('Reported by some sources', 'shared');
  section('Reported by one source', 'unique');
  out.push('', '## Quotes', '');
  for (const group of report.quotes) {
    out.push(
      `- **${escapeMarkdown(group.speaker ?? 'Unattributed')}**: “${escapeMarkdown(group.text)}” ${cite(group.sources)}`,
    );
    if (group.conflictingSpeakers !== undefined)
      out.push(`  - given to different speakers: ${escapeMarkdown(group.conflictingSpeakers.join(' / '))}`);
    for (const variant of group.variants) {
      // A reported-speech rendering is both of form and of fidelity "reported": said once.
      const fidelity =
        variant.fidelity === undefined || variant.fidelity === variant.form ? '' : `, ${variant.fidelity}`;
      const flag = variant.paraphraseInQuotes ? ' ⚠ changed words inside quotation marks' : '';
      out.push(
        `  - [${numbers.get(variant.source) ?? 0}] ${variant.form}${fidelity}: “${escapeMarkdown(variant.text)}”${flag}`,
      );
    }
  }
  out.push(
    '',
    '## People, organisations, places',
    '',
    '| name | type | also | sources |',
    '|---|---|---|---|',
  );
  for (const entity of report.entities) {
    out.push(
      `| ${escapeMarkdown(entity.name)} | ${entity.type} | ${escapeMarkdown(entity.aliases.join(', '))} | ${cite(entity.sources)} |`,
    );
  }
  out.push('', '## Timeline', '', '| date | event | sources |', '|---|---|---|');
  for (const event of report.timeline)
    out.push(`| ${timelineDate(event)} | ${escapeMarkdown(event.text)} | ${cite(event.sources)} |`);
  if (report.diagnostics.length > 0) {
    out.push('', '## Diagnostics', '');
    for (const diagnostic of report.diagnostics)
      out.push(`- \`${diagnostic.code}\` ${escapeMarkdown(diagnostic.message)}`);
  }
  return `${out.join('\n')}\n`;
}
