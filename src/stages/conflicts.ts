import type {
  AnalyzedArticle,
  Claim,
  Conflict,
  ConflictPosition,
  EntityIndex,
  Evidence,
  Fact,
  QuoteGroup,
  Sentence,
  Stance,
  Token,
  Update,
} from '../model/index.js';
import { normalizeWord } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { paraphraseClass } from '../text/synonyms.js';
import { contentTerms, stem } from '../text/terms.js';
import { claimSentences, compareFacts, type WordRelatedness } from './compare-facts.js';
import type { ValueFrame } from './conflict-values.js';
import { DEMONYMS } from './entity-gazetteer.js';
import { extractFacts } from './facts.js';
import { minimalPairConflicts } from './minimal-pairs.js';
import {
  IMPLIED_DENIAL_HINT,
  isHypothetical,
  maskQuotes,
  readStance,
  STATES_NEGATION,
  statementTerms,
} from './stance.js';

/*
 * Conflicts are found slot by slot rather than over all sentence pairs: values are bucketed by what they
 * measure (a currency, a counted noun, a day), and only values in one bucket whose sentences share words
 * around them are compared. Denials are rare, so each is matched against every sentence of the story.
 */

/** What {@link findConflicts} needs. */
export interface ConflictInput {
  articles: readonly AnalyzedArticle[];
  claims: readonly Claim[];
  /** Quote groups with `conflictingSpeakers` (from `assessQuotes`). */
  quotes: readonly QuoteGroup[];
  entities: EntityIndex;
  /** How related two words are, when a lexicon was loaded at the edge. */
  related?: WordRelatedness;
}

/** A sentence of the story with the terms conflicts compare it on. */
interface SentenceInfo {
  article: number;
  source: string;
  sentence: Sentence;
  /** Its tokens and, parallel to them, each token's term classes (computed once, read by every window). */
  tokens: readonly Token[];
  readonly tokenTerms: ReadonlyArray<readonly string[]>;
  /** Paraphrase classes of its content terms, numbers left out. */
  terms: Set<string>;
}

/** A value found in a sentence, with the words around it that say what it is the value of. */
interface SlotValue<Value> {
  info: SentenceInfo;
  value: Value;
  window: Set<string>;
  text: string;
  /** For numbers: the period, place, projection and dates the value is framed by. */
  readonly frame?: ValueFrame;
}

/** Share of a denied statement's terms another sentence must carry to state the same thing. */
const DENIAL_COVERAGE = 0.6;
/** A denied statement that runs into an excerpt's cut ("went against the..."): no clause end before the ellipsis. */
const TRUNCATED = /^[^,;]*(?:\.\.\.|…)["”’]?\s*$/;
/** A cheap test run before the full stance reading: most sentences report no denial. */
const DENIAL_HINT = /\b(?:den[iy]|dismiss|reject|refut|disput|rebu)/i;
/** Words a name slot needs before its patterns are tried. */
const NAME_HINT =
  /\b(?:make|model|brand|type|name|identity|the\s+[a-z]+\s+(?:is|was|could|may|might|would|to)\s)/i;

/**
 * Where the sources of a story disagree: numbers, dates of one event, the name in one slot, who said a
 * quote, and statements some assert and others report denied.
 * Needs: analysed articles, claims, assessed quote groups, merged entities. Adds: `conflicts`.
 * @param input - the story's stages so far
 */
export function findConflicts(input: ConflictInput): Conflict[] {
  return findDisagreements(input).conflicts;
}

/** What {@link findDisagreements} finds: conflicts, and figures that later reports revised. */
export interface Disagreements {
  conflicts: Conflict[];
  updates: Update[];
  /** Every article's typed facts, in article order. */
  facts: Fact[];
}

/**
 * Where the sources of a story disagree, and how its figures developed: stance, name and attribution
 * conflicts from the sentences and quotes; number and date conflicts and updates from typed facts.
 * Needs: analysed articles, claims, assessed quote groups, merged entities. Adds: `conflicts`, `updates`.
 * @param input - the story's stages so far
 */
export function findDisagreements(input: ConflictInput): Disagreements {
  const infos = sentenceInfos(input.articles);
  const facts = input.articles.flatMap((article) => extractFacts(article, { entities: input.entities }));
  const compared = compareFacts(facts, input.articles, {
    claims: claimSentences(input.claims),
    ...(input.related !== undefined && { related: input.related }),
  });
  return {
    conflicts: [
      ...stanceConflicts(input.articles, infos),
      ...nameConflicts(input.articles, infos, input.claims),
      ...compared.conflicts,
      ...attributionConflicts(input.quotes, input.entities),
      ...minimalPairConflicts(input.articles, input.entities),
    ],
    updates: compared.updates,
    facts,
  };
}

const NO_TERMS: readonly string[] = [];

/** Term classes of one word token: like {@link contentTerms} but without a regex split per token, as it runs on every word of the story. */
function tokenClassTerms(token: Token): readonly string[] {
  if (token.kind !== 'word') return NO_TERMS;
  const normal = token.normal;
  if (!/[-‐‑]/.test(normal)) {
    if (normal.length < 2 || STOPWORDS.has(normal)) return NO_TERMS;
    return [paraphraseClass(stem(normal))];
  }
  return classTerms([token]);
}

function classTerms(tokens: readonly Token[]): string[] {
  return contentTerms(tokens)
    .filter((term) => !/^\d/.test(term))
    .map(paraphraseClass);
}

/**
 * Every sentence with its term set. Per-token terms, which only sentences with a number or a date need,
 * are computed on first use: most sentences never need them.
 */
function sentenceInfos(articles: readonly AnalyzedArticle[]): SentenceInfo[][] {
  return articles.map((article, articleIndex) =>
    article.segmentation.sentences.map((sentence) => {
      const tokens = article.segmentation.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
      const terms = new Set<string>();
      for (const token of tokens) for (const term of tokenClassTerms(token)) terms.add(term);
      let tokenTerms: ReadonlyArray<readonly string[]> | undefined;
      return {
        article: articleIndex,
        source: article.source.id,
        sentence,
        tokens,
        terms,
        get tokenTerms(): ReadonlyArray<readonly string[]> {
          tokenTerms ??= tokens.map(tokenClassTerms);
          return tokenTerms;
        },
      };
    }),
  );
}

function sentenceEvidence(article: AnalyzedArticle, sentence: Sentence): Evidence {
  return { source: article.source.id, start: sentence.start, end: sentence.end, text: sentence.text };
}

/** Positions of one slot: values grouped into compatible classes, each with its sources and passages. */
function positionsOf<Value>(
  articles: readonly AnalyzedArticle[],
  members: ReadonlyArray<SlotValue<Value>>,
  sameClass: (first: Value, second: Value) => boolean,
): ConflictPosition[] {
  const classes: Array<Array<SlotValue<Value>>> = [];
  for (const member of members) {
    const home = classes.find((group) => group.every((other) => sameClass(other.value, member.value)));
    if (home) home.push(member);
    else classes.push([member]);
  }
  return classes.map((group) => {
    const sources: string[] = [];
    const evidence: Evidence[] = [];
    for (const member of group) {
      if (!sources.includes(member.info.source)) sources.push(member.info.source);
      if (
        !evidence.some(
          (item) => item.source === member.info.source && item.start === member.info.sentence.start,
        )
      )
        evidence.push(sentenceEvidence(articles[member.info.article]!, member.info.sentence));
    }
    return { value: group[0]!.text, sources, evidence };
  });
}

/** Whether at least two positions have no source in common: a source giving two values is not a dispute. */
function disputed(positions: readonly ConflictPosition[]): boolean {
  for (let a = 0; a < positions.length; a++)
    for (let b = a + 1; b < positions.length; b++)
      if (!positions[a]!.sources.some((source) => positions[b]!.sources.includes(source))) return true;
  return false;
}

/**
 * Content-term classes of a passage, for matching a denied statement against other sentences.
 * @param lowercaseOnly - keep only words written in lower case: the predicate and its objects, not the names
 */
function passageTerms(text: string, lowercaseOnly = false): Set<string> {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    if (lowercaseOnly && /^[A-Z]/.test(word)) continue;
    for (const part of normalizeWord(word).split('-')) {
      if (part.length > 1 && !STOPWORDS.has(part)) terms.add(paraphraseClass(stem(part)));
    }
  }
  return terms;
}

interface Side {
  source: string;
  stance: Stance;
  cue?: string;
  evidence: Evidence;
}

const STANCE_RANK: Readonly<Record<Stance, number>> = { asserts: 0, hedges: 1, attributes: 2, denies: 3 };

function stanceConflicts(articles: readonly AnalyzedArticle[], infos: readonly SentenceInfo[][]): Conflict[] {
  const conflicts: Conflict[] = [];
  const used = new Set<string>();
  // Built on the first denial only: most stories report none.
  let index: Map<string, SentenceInfo[]> | undefined;
  const postingsOf = (term: string): readonly SentenceInfo[] => {
    if (index === undefined) {
      index = new Map();
      for (const list of infos) {
        for (const candidate of list) {
          for (const held of candidate.terms) {
            const posting = index.get(held);
            if (posting) posting.push(candidate);
            else index.set(held, [candidate]);
          }
        }
      }
    }
    return index.get(term) ?? [];
  };
  articles.forEach((article, articleIndex) => {
    for (const info of infos[articleIndex]!) {
      const key = `${info.source}:${info.sentence.index}`;
      if (used.has(key)) continue;
      const explicitHint = DENIAL_HINT.test(info.sentence.text);
      if (!explicitHint && !IMPLIED_DENIAL_HINT.test(info.sentence.text)) continue;
      let reading = explicitHint ? readStance(info.sentence.text, outletOption(article)) : undefined;
      // A negation without a denial verb ("said the ferry was not sold") is found with the sentence's own
      // terms; each sentence that states it must then confirm it (see below).
      const implied = reading?.stance !== 'denies';
      if (implied) {
        reading = readStance(info.sentence.text, {
          ...outletOption(article),
          claimTerms: new Set(statementTerms(info.sentence.text).keys()),
        });
      }
      if (reading === undefined || reading.stance !== 'denies' || reading.denied === undefined) continue;
      // A denial cut off by the excerpt ("denied that his decision went against the...") denies we know not what.
      if (TRUNCATED.test(info.sentence.text.slice(reading.denied.start))) continue;
      const denied = passageTerms(reading.denied.text);
      // Names are cheap to share ("shipped from Russia"): the predicate's own words must match too.
      const predicate = passageTerms(reading.denied.text, true);
      if (denied.size < 2 || predicate.size < 2) continue;
      const sides: Side[] = [
        {
          source: info.source,
          stance: 'denies',
          ...(reading.cue === undefined ? {} : { cue: reading.cue }),
          evidence: sentenceEvidence(article, info.sentence),
        },
      ];
      const members = [key];
      // Candidates carry at least two of the denied statement's own (lower-case) words.
      const hits = new Map<SentenceInfo, number>();
      for (const term of predicate) {
        for (const candidate of postingsOf(term)) hits.set(candidate, (hits.get(candidate) ?? 0) + 1);
      }
      const ordered = [...hits].sort(
        ([left], [right]) => left.article - right.article || left.sentence.index - right.sentence.index,
      );
      for (const [candidate, predicateMatched] of ordered) {
        if (predicateMatched < 2) continue;
        const other = articles[candidate.article]!;
        const candidateKey = `${candidate.source}:${candidate.sentence.index}`;
        if (candidateKey === key) continue;
        let matched = 0;
        for (const term of denied) if (candidate.terms.has(term)) matched++;
        if (matched < 2 || matched / denied.size < DENIAL_COVERAGE) continue;
        // The predicate itself must be stated, not just its names: most of its own words, not two of five.
        if (predicateMatched / predicate.size < DENIAL_COVERAGE) continue;
        if (implied) {
          // A sentence that negates something itself ("the ferry was not sold") agrees with the negation
          // or speaks of something else; one that states it must carry what this sentence negates.
          if (STATES_NEGATION.test(maskQuotes(candidate.sentence.text))) continue;
          const confirmed = readStance(info.sentence.text, {
            ...outletOption(article),
            claimTerms: new Set(statementTerms(candidate.sentence.text).keys()),
          });
          if (confirmed.stance !== 'denies' || confirmed.denied?.start !== reading.denied.start) continue;
        }
        const focus = focusOffset(candidate.sentence.text, denied);
        // Its hedge must bear on the denied statement, not on a side clause of the sentence.
        const side = readStance(candidate.sentence.text, {
          ...outletOption(other),
          focus,
          claimTerms: denied,
        });
        if (side.stance === 'denies') {
          // Another denial counts only if it denies the same thing.
          const terms = passageTerms(side.denied?.text ?? '');
          let same = 0;
          for (const term of denied) if (terms.has(term)) same++;
          if (same / denied.size < DENIAL_COVERAGE) continue;
        } else if (isHypothetical(clauseAt(candidate.sentence.text, focus))) continue;
        members.push(candidateKey);
        sides.push({
          source: candidate.source,
          stance: side.stance,
          ...(side.cue === undefined ? {} : { cue: side.cue }),
          evidence: sentenceEvidence(other, candidate.sentence),
        });
      }
      // Outlets disagree only if some other outlet affirms what this one reports denied.
      const deniers = new Set(sides.filter((side) => side.stance === 'denies').map((side) => side.source));
      const affirming = sides.filter((side) => side.stance !== 'denies' && !deniers.has(side.source));
      // "Reportedly did it" beside "denied doing it" takes no side: neither outlet says it happened.
      if (!affirming.some((side) => side.stance !== 'hedges')) continue;
      for (const member of members) used.add(member);
      conflicts.push({ kind: 'stance', topic: reading.denied.text, positions: stancePositions(sides) });
    }
  });
  return conflicts;
}

function outletOption(article: AnalyzedArticle): { outlet?: string } {
  return article.source.outlet === undefined ? {} : { outlet: article.source.outlet };
}

/** Offset of the first word of a sentence whose term is among `terms`: where the matched statement stands. */
function focusOffset(text: string, terms: ReadonlySet<string>): number {
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'-]*/g)) {
    const term = paraphraseClass(stem(normalizeWord(match[0])));
    if (terms.has(term)) return match.index ?? 0;
  }
  return 0;
}

/** The comma-delimited clause of a sentence around an offset. */
function clauseAt(text: string, offset: number): string {
  const start = text.lastIndexOf(',', offset) + 1;
  const next = text.indexOf(',', offset);
  return text.slice(start, next === -1 ? text.length : next);
}

const STANCE_VALUE: Readonly<Record<Stance, string>> = {
  asserts: 'asserted',
  hedges: 'hedged',
  attributes: 'attributed to others',
  denies: 'reported denied',
};

/** One position per stance; a source stands once on each side, at its most committed stance. */
function stancePositions(sides: readonly Side[]): ConflictPosition[] {
  const best = new Map<string, Side>();
  for (const side of sides) {
    const key = `${side.source}:${side.stance === 'denies' ? 'against' : 'for'}`;
    const held = best.get(key);
    if (held === undefined || STANCE_RANK[side.stance] < STANCE_RANK[held.stance]) best.set(key, side);
  }
  const positions: ConflictPosition[] = [];
  for (const stance of ['asserts', 'hedges', 'attributes', 'denies'] as const) {
    const group = [...best.values()].filter((side) => side.stance === stance);
    if (group.length === 0) continue;
    const cue = group.find((side) => side.cue !== undefined)?.cue;
    const position: ConflictPosition = {
      value: cue === undefined ? STANCE_VALUE[stance] : `${STANCE_VALUE[stance]} (“${cue}”)`,
      sources: [...new Set(group.map((side) => side.source))],
      evidence: group.map((side) => side.evidence),
      stance,
    };
    if (cue !== undefined) position.cue = cue;
    positions.push(position);
  }
  return positions;
}

/** A name given to a thing in one slot ("the car" → "Aurus"), or a statement that it was not disclosed. */
interface NameValue {
  slot: string;
  noun: string;
  /** The name, or undefined for "not disclosed". */
  name?: string;
  stance: Stance;
  cue?: string;
}

const IDENTITY = '(?:make|model|brand|type|name|identity)';
const UNDISCLOSED_OF = new RegExp(
  `\\b(?:the\\s+)?${IDENTITY}(?:\\s+(?:and|or)\\s+${IDENTITY})?\\s+of\\s+the\\s+([a-z]+)\\s+(?:was|were|has|have|had|is|are)\\s+(?:not|never)\\s+(?:been\\s+)?(?:disclosed|revealed|specified|given|released|identified|made public|confirmed|known)`,
  'i',
);
const UNDISCLOSED_VERB = new RegExp(
  `\\b(?:(?:did|does|do|has|have|had)\\s+not|without)\\s+(?:specify|specifying|disclose|disclosing|reveal|revealing|name|naming|identify|identifying|confirm|confirming)\\s+(?:the\\s+)?([a-z]+)(?:'s|’s)\\s+${IDENTITY}`,
  'i',
);
const COPULAR_NAME =
  /\b[Tt]he\s+([a-z]+)\s+(?:is|was|could be|may be|might be|would be|to be)\s+(?:a|an|the)\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)/;
const NAMED_NOUN = /\b(?:a|an)\s+(?:[a-z-]+\s+){0,3}?((?:[A-Z][\w-]*\s+){1,3})([a-z]+)\b/g;

function slotOf(noun: string): string {
  return paraphraseClass(stem(noun.toLowerCase()));
}

/** Leading demonyms ("Russian Aurus" → "Aurus") describe the origin, not the name. */
function stripDemonyms(name: string): string {
  const words = name.trim().split(/\s+/);
  const descriptive = (word: string): boolean =>
    DEMONYMS.has(word.toLowerCase()) || /-(?:made|built|based|owned|backed|born|style|designed)$/i.test(word);
  while (words.length > 1 && descriptive(words[0]!)) words.shift();
  return descriptive(words[0] ?? '') ? '' : words.join(' ');
}

function nameConflicts(
  articles: readonly AnalyzedArticle[],
  infos: readonly SentenceInfo[][],
  claims: readonly Claim[],
): Conflict[] {
  const found: Array<SlotValue<NameValue>> = [];
  articles.forEach((article, articleIndex) => {
    for (const info of infos[articleIndex]!) {
      const text = info.sentence.text;
      if (!NAME_HINT.test(text)) continue;
      const undisclosed = UNDISCLOSED_OF.exec(text) ?? UNDISCLOSED_VERB.exec(text);
      if (undisclosed?.[1] !== undefined) {
        const noun = undisclosed[1].toLowerCase();
        found.push({
          info,
          value: { slot: slotOf(noun), noun, stance: 'asserts' },
          window: new Set(),
          text: 'not disclosed',
        });
      }
      const copular = COPULAR_NAME.exec(text);
      if (copular?.[1] !== undefined && copular[2] !== undefined) {
        const name = stripDemonyms(copular[2]);
        if (name === '') continue;
        const reading = readStance(text, { ...outletOption(article), focus: copular.index });
        const value: NameValue = { slot: slotOf(copular[1]), noun: copular[1], name, stance: reading.stance };
        if (reading.cue !== undefined) value.cue = reading.cue;
        found.push({ info, value, window: new Set(), text: nameText(value) });
      }
    }
  });
  const slots = new Set(found.map((item) => item.value.slot));
  if (slots.size === 0) return [];
  // Names given in passing in a shared claim ("a luxury Russian Aurus limousine") where the other sources
  // of the claim leave the same thing unnamed ("a car"): the slot is the claim's object.
  const byLocation = new Map<string, SentenceInfo>();
  for (const list of infos)
    for (const info of list) byLocation.set(`${info.source}:${info.sentence.start}`, info);
  for (const claim of claims) {
    if (claim.sources.length < 3) continue;
    for (const evidence of claim.evidence) {
      for (const match of evidence.text.matchAll(NAMED_NOUN)) {
        const noun = match[2]!;
        const slot = slotOf(noun);
        if (!slots.has(slot) || match[1] === undefined) continue;
        const name = stripDemonyms(match[1]);
        if (name === '') continue;
        const unnamedElsewhere = claim.evidence.filter(
          (other) =>
            other.source !== evidence.source &&
            passageTerms(other.text).has(slot) &&
            !other.text.includes(name),
        ).length;
        if (unnamedElsewhere * 2 < claim.evidence.length - 1) continue;
        const info = byLocation.get(`${evidence.source}:${evidence.start}`);
        if (info === undefined) continue;
        const article = articles[info.article]!;
        const reading = readStance(evidence.text, outletOption(article));
        const value: NameValue = { slot, noun, name, stance: reading.stance };
        if (reading.cue !== undefined) value.cue = reading.cue;
        found.push({ info, value, window: new Set(), text: nameText(value) });
      }
    }
  }
  const conflicts: Conflict[] = [];
  for (const slot of slots) {
    const members = found.filter((item) => item.value.slot === slot);
    const named = members.filter((item) => item.value.name !== undefined);
    const undisclosed = members.some((item) => item.value.name === undefined);
    const firm = named.filter(
      (item) => item.value.stance === 'asserts' || item.value.stance === 'attributes',
    );
    const names = named.map((item) => item.value.name!);
    const clash = names.some((first) => names.some((second) => !compatibleNames(first, second)));
    if (!(clash || (undisclosed && firm.length > 0))) continue;
    if (new Set(members.map((item) => item.info.source)).size < 2) continue;
    const positions = positionsOf(
      articles,
      members,
      (first, second) =>
        first.name === second.name && (first.stance === 'hedges') === (second.stance === 'hedges'),
    ).map((position, index) => {
      const member = members.find((item) => item.text === position.value) ?? members[index]!;
      const withStance: ConflictPosition = { ...position, stance: member.value.stance };
      if (member.value.cue !== undefined) withStance.cue = member.value.cue;
      return withStance;
    });
    if (positions.length < 2) continue;
    conflicts.push({ kind: 'name', topic: `which ${members[0]!.value.noun}`, positions });
  }
  return conflicts;
}

function nameText(value: NameValue): string {
  if (value.name === undefined) return 'not disclosed';
  return value.stance === 'hedges' ? `possibly ${value.name}` : value.name;
}

/** "Aurus" and "Aurus Senat" can name the same thing; "Aurus" and "Maybach" cannot. */
function compatibleNames(first: string, second: string): boolean {
  const left = first.toLowerCase().split(/\s+/);
  const right = second.toLowerCase().split(/\s+/);
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.every((word, index) => longer[index] === word);
}

/** Whether a speaker's family name stands in the words credited to them. */
function namedInside(speaker: string, quoted: string): boolean {
  const family = speaker.split(/\s+/).at(-1);
  if (family === undefined || family.length < 3) return false;
  return new RegExp(`\\b${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(quoted);
}

/** Words of a role or an office, which name no one person on their own. */
const ROLE_WORDS = new Set(
  'a an the public relations officer officers official officials spokesman spokeswoman spokesperson police department ministry office press secretary chief deputy senior source sources aide aides representative commander captain navy army'.split(
    ' ',
  ),
);

/** Whether a speaker is a role with no name ("Public Relations Officer", "the spokesman"). */
function isBareRole(speaker: string): boolean {
  return speaker.split(/\s+/).every((word) => ROLE_WORDS.has(word.toLowerCase()));
}

function attributionConflicts(quotes: readonly QuoteGroup[], entities: EntityIndex): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const group of quotes) {
    const speakers = group.conflictingSpeakers;
    if (speakers === undefined || speakers.length < 2) continue;
    const positions: ConflictPosition[] = speakers.map((speaker) => ({
      value: speaker,
      sources: [],
      evidence: [],
    }));
    for (const variant of group.variants) {
      if (variant.speaker === undefined) continue;
      const canonical = entities.canonicalName(variant.source, variant.speaker) ?? variant.speaker;
      const position = positions.find((item) => item.value === canonical);
      if (position === undefined) continue;
      if (!position.sources.includes(variant.source)) position.sources.push(variant.source);
      position.evidence.push(variant.evidence);
    }
    const kept = positions.filter(
      (position) =>
        position.sources.length > 0 &&
        // A person named inside the quote is its subject, not its speaker ("drawn well after Williams'
        // arrest"); a bare role ("Public Relations Officer") may be any of the named speakers.
        !namedInside(position.value, group.text) &&
        !isBareRole(position.value),
    );
    if (kept.length < 2 || !disputed(kept)) continue;
    const words = group.text.split(/\s+/);
    const topic = `who said “${words.slice(0, 10).join(' ')}${words.length > 10 ? '…' : ''}”`;
    conflicts.push({ kind: 'attribution', topic, positions: kept });
  }
  return conflicts;
}
