import { createColors } from 'picocolors';
import type { StoryReport } from '../model/index.js';
import { PRONOUN_START, quotesBalanced } from '../stages/align.js';
import { appendAll, maxOf } from '../text/iterables.js';
import {
  asOfLabel,
  citation,
  citationNumbers,
  sourceLabel,
  timelineDate,
  titleBesideLabel,
  updatesSpanYears,
} from './citations.js';

/** Options of {@link renderText}. */
export interface TextRenderOptions {
  /** Colour with ANSI escapes (the CLI turns it on only when stdout is a terminal). */
  color?: boolean;
  /** Also list every diagnostic instead of a count. */
  verbose?: boolean;
}

const WIDTH = 100;
// Built from a string because a control character in a regex literal reads as a mistake.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * Renders a report for a terminal: where the sources disagree and how figures moved first (when they do),
 * then sources, summary, agreement, quotes, people and places, timeline.
 */
export function renderText(report: StoryReport, options: TextRenderOptions = {}): string {
  const colors = createColors(options.color ?? false);
  const numbers = citationNumbers(report);
  const lines: string[] = [];
  const heading = (text: string): void => {
    lines.push('', colors.bold(colors.cyan(text)));
  };
  const cite = (sources: readonly string[]): string => colors.dim(citation(numbers, sources));

  lines.push(colors.bold(report.title));
  // Disagreement is what a reader cannot get from any one outlet: it comes first.
  if (report.conflicts.length > 0) {
    heading(`WHERE THEY DISAGREE (${report.conflicts.length})`);
    for (const conflict of report.conflicts) {
      appendAll(lines, wrap(`${colors.yellow(conflict.kind)} · ${conflict.topic}`, '  ', '    '));
      for (const position of conflict.positions) {
        const passage = position.evidence[0]?.text ?? '';
        appendAll(
          lines,
          wrap(`${colors.bold(position.value)} ${cite(position.sources)}`, '    – ', '      '),
        );
        if (passage !== '')
          appendAll(lines, wrap(colors.dim(`“${abbreviate(passage, 140)}”`), '        ', '        '));
      }
    }
  }
  // A revised figure is not a disagreement, but a reader who saw an early report needs the later value.
  if (report.updates.length > 0) {
    heading(`HOW FIGURES MOVED (${report.updates.length})`);
    const withYear = updatesSpanYears(report.updates);
    for (const update of report.updates) {
      const moves = update.positions.map(
        (position) =>
          `${colors.bold(position.value)} (${asOfLabel(position.asOf, withYear)}) ${cite(position.sources)}`,
      );
      // Each value with its time and citation stays on one line; the arrow leads a continued line.
      const chain = moves.map((move, index) => (index === 0 ? move : `→ ${move}`));
      const topic = `${colors.yellow(update.kind)} · ${update.topic}:`.split(/\s+/);
      appendAll(lines, wrapWords([...topic, ...chain], '  ', '    '));
      update.positions.forEach((position, index) => {
        const passage = position.evidence[0]?.text ?? '';
        appendAll(lines, wrap(moves[index] ?? '', '    – ', '      '));
        if (passage !== '')
          appendAll(lines, wrap(colors.dim(`“${abbreviate(passage, 140)}”`), '        ', '        '));
      });
    }
  }

  heading(`SOURCES (${report.sources.length})`);
  report.sources.forEach((source, index) => {
    const date = source.published ?? 'undated';
    const label = sourceLabel(source, index);
    const title = titleBesideLabel(source, label);
    lines.push(`  [${index + 1}] ${label} · ${date}${title === '' ? '' : ` · ${title}`}`);
  });

  const reprints = report.reprints ?? [];
  if (reprints.length > 0) {
    lines.push(colors.dim('  Copies (counted once with what they copy):'));
    for (const reprint of reprints) {
      lines.push(
        colors.dim(
          `    [${numbers.get(reprint.source) ?? 0}] reprints [${numbers.get(reprint.copyOf) ?? 0}] (similarity ${reprint.similarity.toFixed(2)})`,
        ),
      );
    }
  }

  heading('SUMMARY');
  for (const sentence of report.summary) {
    const disputed = sentence.disputed
      ? ` ${colors.yellow(`(disputed: ${sentence.disputed.join('; ')})`)}`
      : '';
    appendAll(lines, wrap(`${sentence.text} ${cite(sentence.sources)}${disputed}`, '  • ', '    '));
  }

  const byKind = (kind: string) => report.claims.filter((claim) => claim.kind === kind);
  const consensus = byKind('consensus');
  const shared = byKind('shared');
  heading(`REPORTED BY EVERY SOURCE (${consensus.length})`);
  for (const claim of consensus)
    appendAll(lines, wrap(`${claim.text} ${cite(claim.sources)}`, '  • ', '    '));
  heading(`REPORTED BY SOME (${shared.length})`);
  for (const claim of shared) appendAll(lines, wrap(`${claim.text} ${cite(claim.sources)}`, '  • ', '    '));
  heading('ONLY ONE SOURCE');
  report.sources.forEach((source, index) => {
    // Facts that stand on their own first: "He was 84." or half a quotation needs the sentence before it.
    const unique = byKind('unique')
      .filter((claim) => claim.sources[0] === source.id)
      .map((claim, position) => ({
        claim,
        position,
        leans: PRONOUN_START.test(claim.text) || !quotesBalanced(claim.text),
      }))
      .sort((left, right) => Number(left.leans) - Number(right.leans) || left.position - right.position)
      .map((entry) => entry.claim);
    lines.push(
      `  [${index + 1}] ${sourceLabel(source, index)}: ${unique.length} fact${unique.length === 1 ? '' : 's'} no other source has`,
    );
    for (const claim of unique.slice(0, 5)) appendAll(lines, wrap(claim.text, '      – ', '        '));
    if (unique.length > 5)
      lines.push(colors.dim(`      … and ${unique.length - 5} more (see --format md or json)`));
  });

  heading(`QUOTES (${report.quotes.length})`);
  for (const group of report.quotes) {
    lines.push(
      ...wrap(
        `${colors.bold(group.speaker ?? 'unattributed')}: “${group.text}” ${cite(group.sources)}`,
        '  • ',
        '    ',
      ),
    );
    const renderings = new Set(group.variants.map((variant) => variant.text));
    if (renderings.size > 1) {
      for (const variant of group.variants) {
        const label = numbers.get(variant.source) ?? 0;
        const fidelity = variant.fidelity === undefined ? '' : ` ${variant.fidelity}`;
        const flag = variant.paraphraseInQuotes ? ' (changed words inside quotation marks)' : '';
        lines.push(
          ...wrap(colors.dim(`[${label}]${fidelity}${flag}: “${variant.text}”`), '      ', '        '),
        );
      }
    }
    if (group.conflictingSpeakers !== undefined)
      lines.push(
        colors.yellow(`      given to different speakers: ${group.conflictingSpeakers.join(' / ')}`),
      );
  }

  heading('PEOPLE, ORGANISATIONS, PLACES');
  for (const entity of report.entities
    .filter((item) => item.type !== 'money' && item.type !== 'date')
    .slice(0, 20)) {
    const aliases = entity.aliases.length > 0 ? ` (also ${entity.aliases.join(', ')})` : '';
    appendAll(
      lines,
      wrap(`${entity.name} · ${entity.type}${aliases} ${cite(entity.sources)}`, '  • ', '    '),
    );
  }

  heading('TIMELINE');
  // One date column as wide as the widest date (a range is wider), text wrapping under the text.
  const dateWidth = maxOf(
    report.timeline.map((event) => timelineDate(event).length),
    0,
  );
  for (const event of report.timeline) {
    lines.push(
      ...wrap(
        `${event.text} ${cite(event.sources)}`,
        `  ${colors.bold(timelineDate(event).padEnd(dateWidth))} `,
        ' '.repeat(dateWidth + 3),
      ),
    );
  }

  const warnings = report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  heading(`DIAGNOSTICS (${report.diagnostics.length}, ${warnings.length} warnings)`);
  for (const diagnostic of options.verbose ? report.diagnostics : warnings) {
    appendAll(lines, wrap(`${diagnostic.code}: ${diagnostic.message}`, '  ', '    '));
  }
  if (!options.verbose && report.diagnostics.length > warnings.length) {
    lines.push(colors.dim('  (--verbose lists what cleaning removed and other notes)'));
  }
  return `${lines.join('\n')}\n`;
}

function abbreviate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Wraps text at word boundaries; escape sequences do not count toward the width. */
function wrap(text: string, first: string, rest: string): string[] {
  return wrapWords(text.split(/\s+/), first, rest);
}

/** Wraps words, each kept whole even when it holds spaces, joined by one space. */
function wrapWords(words: readonly string[], first: string, rest: string): string[] {
  const visible = (value: string): number => value.replace(ANSI_ESCAPE, '').length;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && visible(line) + 1 + visible(word) > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
