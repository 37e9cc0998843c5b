import type {
  Mention,
  Paragraph,
  QuoteForm,
  QuoteMention,
  Segmentation,
  Sentence,
  Span,
} from '../model/index.js';
import { DESCRIPTOR_RELATIONS, FEMALE_CUES, HONORIFICS, TITLE_ABBREVIATIONS } from './entity-gazetteer.js';
import { type Gender, genderKey, personGenders } from './entity-gender.js';
import { isPossessiveAt } from './entity-names.js';

/*
 * Quotation finder and speaker attribution, by rule: no library finds quotes with exact offsets and
 * news-style attribution ("…," he said / said Kremlin spokesman X / KCNA quoted her as saying).
 */

/** A pair of quotation marks (or an opening mark left open to the paragraph end) and what they hold. */
interface RawQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote runs on (news style). */
  close: number;
  closed: boolean;
}

/** A speaker found for a quote: the written name and where it stands. */
interface Speaker extends Span {
  text: string;
  /** A person mention (as opposed to an outlet or a descriptor such as "the official"). */
  person: boolean;
}

/** How a speaker was found; quotes of at most three words need an explicit one to count. */
type Attribution = 'subject-before' | 'verb-before' | 'after' | 'verb-earlier' | 'continued';

const SPEECH =
  'said|says|added|adds|told|tells|wrote|writes|stated|declared|insisted|warned|explained|asked|replied|continued|noted|stressed|reported|reports|announced|claimed|quoted|recalled|tweeted|posted|confirmed|argued|argues|commented|testified|acknowledged|admitted|responded|emphasized|emphasised|urged|cautioned|conceded|countered';
/** "said:", "told reporters:", "said in a statement," or "said (that|the)" right before the opening mark. */
const VERB_AT_END = new RegExp(
  String.raw`\b(?:${SPEECH}|saying|writing)\b(?:(?:\s+\p{Ll}+){0,3}\s*[:,]|(?:\s+(?:that|the|a|an|its|his|her|their|this))?)\s*$`,
  'iu',
);
const VERB_ANYWHERE = new RegExp(String.raw`\b(${SPEECH})\b`, 'giu');
const AFTER_INVERTED = new RegExp(
  String.raw`^\s*[,—–-]?\s*(?:${SPEECH})\s+([^,.;:!?"“”()\[\]]{2,100})`,
  'iu',
);
const AFTER_NORMAL = new RegExp(String.raw`^\s*[,—–-]?\s*([^,.;:!?"“”()\[\]]{1,70}?)\s+(${SPEECH})\b`, 'iud');
const INVERTED_SUBJECT_END =
  /\s(?:when|while|in|on|at|as|during|after|before|to|from|via|who|which|adding|with|late|earlier|later)\b/iu;
const PRONOUN = /^(he|she|they|him|her|them)$/i;
const PASSIVE_BEFORE = /\b(?:is|was|are|were|be|been|being)\s*$/i;
const REPORTED_THAT =
  /\b(said|says|told|added|stated|announced|claimed|warned|insisted|noted|confirmed|argued|explained|reported|reports|acknowledged|admitted)\b([^.;"“”]{0,60}?)\bthat\s+/giu;
const REPORTED_DIRECT =
  /\b(said|says|added|warned|insisted)\s+(?=(?:the|a|an|it|he|she|they|there|this|his|her|its|their|\p{Lu})\b)/gu;
const DISMISSED_THAT =
  /\b(?:dismissed|rejected|denied|refuted)\s+(?:(?:any|the|all)\s+)?(?:notion|suggestion|claim|report|idea|allegation|accusation)s?\s+that\s+/giu;
/** Cheap test that skips the reported-speech patterns for sentences with no reporting verb. */
const REPORTING_HINT =
  /\b(?:said|says|told|added|stated|announced|claimed|warned|insisted|noted|confirmed|argued|explained|reported|reports|acknowledged|admitted|dismissed|rejected|denied|refuted)\b/i;
const REPORTED_TRAILING =
  /^(.*\S),\s+((?:[^,\s]+\s+){0,7}?)(said|reported|added|says|announced|confirmed)\b[^,]*?[.!?]?$/u;
const REPORTED_TRAILING_INVERTED = /^(.*\S),\s+(?:said|reported|added)\s+([^,]{2,80})(?:,.*)?[.!?]?$/u;

/**
 * The quotations of one canonical text: direct quotes, partial quotes inside a sentence and reported
 * speech ("X said that …"), each with the speaker the text gives (pronouns resolved to the name).
 * @param text - the canonical text
 * @param segmentation - its segmentation
 * @param mentions - its named mentions (speakers are read from them)
 */
export function extractQuotes(
  text: string,
  segmentation: Segmentation,
  mentions: readonly Mention[],
): QuoteMention[] {
  const context = new QuoteContext(text, segmentation, mentions);
  const quotes: QuoteMention[] = [];
  for (const raw of context.raws) {
    const quote = context.attribute(raw);
    if (quote) quotes.push(quote);
  }
  for (const reported of context.reportedSpeech()) quotes.push(reported);
  return quotes.sort((left, right) => left.start - right.start);
}

/** State shared by the attribution rules of one text. */
class QuoteContext {
  readonly raws: RawQuote[];
  private readonly sentences: readonly Sentence[];
  private readonly mentions: readonly Mention[];
  private readonly genders: Map<string, Gender>;
  /** Quotes attributed so far, in text order, with the raw quote they came from. */
  private readonly done: Array<{ quote: QuoteMention; raw: RawQuote; speaker?: Speaker }> = [];

  constructor(
    private readonly text: string,
    segmentation: Segmentation,
    mentions: readonly Mention[],
  ) {
    this.sentences = segmentation.sentences;
    this.mentions = [...mentions].sort((left, right) => left.start - right.start);
    this.raws = findQuoteMarks(text, segmentation.paragraphs);
    this.genders = personGenders(text, this.mentions);
  }

  attribute(raw: RawQuote): QuoteMention | undefined {
    const content = trimContent(this.text, raw.open + 1, raw.close);
    if (!content) return undefined;
    const words = countWords(this.text.slice(content.start, content.end));
    if (words === 0 || (!raw.closed && words < 4)) return undefined;
    const openSentence = this.sentenceAt(raw.open);
    const closeSentence = this.sentenceAt(raw.closed ? raw.close : content.end - 1);
    const beforeStart = Math.max(openSentence.start, this.previousCloseInSentence(raw, openSentence));
    const afterStart = raw.closed ? raw.close + 1 : raw.close;
    const afterEnd = Math.min(closeSentence.end, this.nextOpenInSentence(raw, closeSentence));
    const found = this.findSpeaker(raw, beforeStart, afterStart, afterEnd, openSentence);
    if (words <= 3 && (found === undefined || found.how === 'continued' || found.how === 'verb-earlier'))
      return undefined;
    const before = this.text.slice(beforeStart, raw.open).trim();
    const first = this.text[content.start] ?? '';
    const form: QuoteForm =
      /[\p{Lu}\p{N}]/u.test(first) && (before === '' || /[:,]$/.test(before)) ? 'direct' : 'partial';
    const quote: QuoteMention = {
      start: content.start,
      end: content.end,
      text: this.text.slice(content.start, content.end),
      form,
      sentenceStart: this.sentenceAt(content.start).index,
      sentenceEnd: this.sentenceAt(content.end - 1).index,
    };
    if (found) {
      quote.speaker = found.speaker.text;
      quote.speakerSpan = { start: found.speaker.start, end: found.speaker.end };
    }
    const entry: { quote: QuoteMention; raw: RawQuote; speaker?: Speaker } = { quote, raw };
    if (found) entry.speaker = found.speaker;
    this.done.push(entry);
    return quote;
  }

  private findSpeaker(
    raw: RawQuote,
    beforeStart: number,
    afterStart: number,
    afterEnd: number,
    openSentence: Sentence,
  ): { speaker: Speaker; how: Attribution } | undefined {
    const before = this.text.slice(beforeStart, raw.open);
    const beforeTrimmed = trimmedRange(this.text, beforeStart, raw.open);
    // Ms Kim “courteously conveyed …”: the subject right before the quote speaks it.
    if (beforeTrimmed) {
      const subject = this.bareSubject(beforeTrimmed.start, beforeTrimmed.end);
      if (subject) return { speaker: subject, how: 'subject-before' };
    }
    // X said: "…" and X said the "…".
    const verbAtEnd = VERB_AT_END.exec(before);
    if (verbAtEnd) {
      const verbStart = beforeStart + verbAtEnd.index;
      const subject = this.findSubject(beforeStart, verbStart);
      if (subject) return { speaker: subject, how: 'verb-before' };
    }
    // "…," he said / "…," said Kremlin spokesman X / "…," KCNA quoted her as saying.
    if (afterStart < afterEnd) {
      const after = this.text.slice(afterStart, afterEnd);
      const speaker = this.afterAttribution(after, afterStart);
      if (speaker) return { speaker, how: 'after' };
    }
    // He wrote a letter and said he wished … "…".
    let lastVerb: RegExpExecArray | undefined;
    for (const match of before.matchAll(VERB_ANYWHERE)) lastVerb = match as RegExpExecArray;
    if (lastVerb && !PASSIVE_BEFORE.test(before.slice(0, lastVerb.index))) {
      const subject = this.findSubject(beforeStart, beforeStart + lastVerb.index);
      if (subject) return { speaker: subject, how: 'verb-earlier' };
    }
    // A quote standing alone continues the previous speaker.
    const previous = this.done[this.done.length - 1];
    if (previous?.speaker && /^\s*$/.test(before)) {
      const previousSentence = this.sentenceAt(previous.raw.open);
      const sameParagraph = previousSentence.paragraph === openSentence.paragraph;
      const previousParagraph =
        previousSentence.paragraph === openSentence.paragraph - 1 && this.opensParagraph(raw, openSentence);
      if (sameParagraph || previousParagraph) return { speaker: previous.speaker, how: 'continued' };
    }
    return undefined;
  }

  private opensParagraph(raw: RawQuote, sentence: Sentence): boolean {
    const first = this.sentences.find((candidate) => candidate.paragraph === sentence.paragraph);
    return first !== undefined && first.start === raw.open;
  }

  /** Attribution after the closing mark, normal or inverted order. */
  private afterAttribution(text: string, offset: number): Speaker | undefined {
    // The patterns stop a name at punctuation; titles ("Sen.", "Mr.") and party tags ("(R-Utah)") are
    // part of the name, so they are masked, keeping every offset.
    const after = maskNameParts(text);
    const inverted = AFTER_INVERTED.exec(after);
    if (inverted?.[1] !== undefined) {
      const phraseStart = offset + inverted.index + inverted[0].length - inverted[1].length;
      const cut = INVERTED_SUBJECT_END.exec(inverted[1]);
      const phraseEnd = phraseStart + (cut ? cut.index : inverted[1].length);
      const range = trimmedRange(this.text, phraseStart, phraseEnd);
      if (range) {
        const speaker = this.resolvePhrase(range.start, range.end);
        if (speaker) return speaker;
      }
    }
    const normal = AFTER_NORMAL.exec(after);
    if (normal?.[1] !== undefined && normal[2] !== undefined && countWords(normal[1]) <= 7) {
      const phraseStart = offset + normal.indices![1]![0];
      const range = trimmedRange(this.text, phraseStart, phraseStart + normal[1].length);
      if (normal[2].toLowerCase() === 'quoted') {
        // "KCNA quoted her as saying": the quoted person speaks, not the outlet.
        const rest = after.slice(normal.index + normal[0].length);
        const object = /^\s+([^,.;]+?)\s+as\s+saying/iu.exec(rest);
        if (object?.[1] !== undefined) {
          const objectStart = offset + normal.index + normal[0].length + object[0].indexOf(object[1]);
          const speaker = this.resolvePhrase(objectStart, objectStart + object[1].length);
          if (speaker) return speaker;
        }
      }
      if (range) {
        const speaker = this.resolvePhrase(range.start, range.end);
        if (speaker) return speaker;
      }
    }
    // "…," Judge Hanen, a veteran of the court, wrote: a name right after the quote, then an appositive
    // between commas, then the verb.
    const appositive = AFTER_APPOSITIVE.exec(after);
    if (appositive !== null) {
      const nameStart = offset + appositive.indices![1]![0];
      const nameEnd = offset + appositive.indices![1]![1];
      const name = this.mentionsIn(nameStart, nameEnd).find(
        (mention) =>
          mention.end === trimmedRange(this.text, nameStart, nameEnd)?.end &&
          (mention.type === 'person' || mention.type === 'organization'),
      );
      if (name) return { start: name.start, end: name.end, text: name.text, person: name.type === 'person' };
    }
    return undefined;
  }

  /** A subject standing alone before a quote: a person's name or a descriptor such as "Kim's sister". */
  private bareSubject(start: number, end: number): Speaker | undefined {
    const mention = this.mentions.find((candidate) => candidate.start === start && candidate.end === end);
    if (mention?.type === 'person') return { start, end, text: mention.text, person: true };
    return this.descriptor(start, end);
  }

  /** "Kim's sister", "Mr Kim’s sister and close aide": a possessor mention, 's and a relation noun. */
  private descriptor(start: number, end: number): Speaker | undefined {
    const phrase = this.text.slice(start, end);
    const match = /^(.+?)['’]s\s+(\p{Ll}+)$/u.exec(phrase);
    if (!match?.[1] || !DESCRIPTOR_RELATIONS.has(match[2] ?? '')) return undefined;
    const possessor = this.mentions.find(
      (mention) => mention.start === start && mention.end === start + match[1]!.length,
    );
    // The possessor may be a name the tagger left out (a lone sentence-initial surname).
    if (!possessor && !/^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,3}$/u.test(match[1])) return undefined;
    return { start, end, text: phrase, person: true };
  }

  /**
   * The subject of a speech verb at `verbStart`, looking back to `regionStart`: skips an appositive
   * ("Kim Yo-jong, the sister of …, said") and takes the last clause otherwise.
   */
  private findSubject(regionStart: number, verbStart: number): Speaker | undefined {
    const region = this.text.slice(regionStart, verbStart);
    const segments: Span[] = [];
    let segmentStart = regionStart;
    for (let index = 0; index < region.length; index++) {
      if (region[index] === ',') {
        segments.push({ start: segmentStart, end: regionStart + index });
        segmentStart = regionStart + index + 1;
      }
    }
    segments.push({ start: segmentStart, end: verbStart });
    let subject = segments[segments.length - 1]!;
    if (/^\s*$/.test(this.text.slice(subject.start, subject.end)) && segments.length >= 3) {
      subject = segments[segments.length - 3]!;
    }
    const range = trimmedRange(this.text, subject.start, subject.end);
    if (!range) return undefined;
    const phrase = this.text.slice(range.start, range.end);
    const ending = this.mentions.find(
      (mention) =>
        mention.end === range.end &&
        mention.start >= range.start &&
        (mention.type === 'person' || mention.type === 'organization'),
    );
    if (ending)
      return { start: ending.start, end: ending.end, text: ending.text, person: ending.type === 'person' };
    const pronoun = /^(?:(?:and|but|then)\s+)?(he|she|they)\b/i.exec(phrase);
    if (pronoun?.[1] !== undefined) {
      const pronounStart = range.start + pronoun[0].length - pronoun[1].length;
      return this.resolvePronoun(pronounStart, pronounStart + pronoun[1].length);
    }
    if (countWords(phrase) <= 6) return this.resolvePhrase(range.start, range.end);
    const person = this.mentionsIn(range.start, range.end).find(
      (mention) => mention.type === 'person' && !isPossessiveAt(this.text, mention.end),
    );
    return person ? { start: person.start, end: person.end, text: person.text, person: true } : undefined;
  }

  /** A short subject phrase: pronoun, descriptor, person, outlet or a role such as "the official". */
  private resolvePhrase(start: number, end: number): Speaker | undefined {
    const phrase = this.text.slice(start, end);
    if (PRONOUN.test(phrase)) return this.resolvePronoun(start, end);
    const descriptor = this.descriptor(start, end);
    if (descriptor) return descriptor;
    const inside = this.mentionsIn(start, end).filter((mention) => !isPossessiveAt(this.text, mention.end));
    const person = inside.filter((mention) => mention.type === 'person').pop();
    if (person) return { start: person.start, end: person.end, text: person.text, person: true };
    const organization = inside.filter((mention) => mention.type === 'organization').pop();
    if (organization)
      return { start: organization.start, end: organization.end, text: organization.text, person: false };
    const role = /^(?:the|this|that)\s+(\p{Ll}+)$/u.exec(phrase);
    if (role?.[1] !== undefined) {
      // "the official said" after "said a ministry official": the same speaker again.
      for (let index = this.done.length - 1; index >= 0; index--) {
        const earlier = this.done[index]!.speaker;
        if (earlier?.text.toLowerCase().endsWith(role[1])) return earlier;
      }
    }
    if (
      countWords(phrase) <= 6 &&
      // "the ministry", "a spokesman", "Kim's lawyer", "his family": a speaker described, not named.
      /^(?:the|a|an|his|her|their|its)\s|['’]s\s/iu.test(phrase) &&
      /^[\p{L}\s'’.-]+$/u.test(phrase)
    )
      return { start, end, text: phrase, person: false };
    return undefined;
  }

  /**
   * The person a pronoun stands for: the nearest earlier sentence's quote speaker or first (subject) person
   * of matching gender. "she"/"her" need a female cue; "he" skips known women.
   */
  private resolvePronoun(start: number, end: number): Speaker | undefined {
    const pronoun = this.text.slice(start, end).toLowerCase();
    const unresolved: Speaker = { start, end, text: this.text.slice(start, end), person: false };
    if (pronoun === 'they' || pronoun === 'them') return unresolved;
    const female = FEMALE_CUES.has(pronoun);
    const fits = (written: string): boolean => {
      const gender = this.genders.get(genderKey(written));
      return female ? gender === 'female' : gender !== 'female';
    };
    const here = this.sentenceAt(start).index;
    for (let index = here; index >= Math.max(0, here - 4); index--) {
      const sentence = this.sentences[index]!;
      for (let position = this.done.length - 1; position >= 0; position--) {
        const earlier = this.done[position]!;
        if (earlier.quote.sentenceEnd === index && earlier.speaker?.person && fits(earlier.speaker.text))
          return earlier.speaker;
      }
      const candidate = this.mentionsIn(sentence.start, index === here ? start : sentence.end).find(
        (mention) =>
          mention.type === 'person' &&
          !isPossessiveAt(this.text, mention.end) &&
          !this.insideQuote(mention) &&
          fits(mention.text),
      );
      if (candidate)
        return { start: candidate.start, end: candidate.end, text: candidate.text, person: true };
    }
    return unresolved;
  }

  /** Reported speech: "X said (that) …", "dismissed any notion that …", "…, the Kremlin said". */
  reportedSpeech(): QuoteMention[] {
    const found: QuoteMention[] = [];
    for (const sentence of this.sentences) {
      if (this.raws.some((raw) => raw.open < sentence.end && raw.close >= sentence.start)) continue;
      const reported = this.reportedIn(sentence);
      if (reported) found.push(reported);
    }
    return found;
  }

  private reportedIn(sentence: Sentence): QuoteMention | undefined {
    if (!REPORTING_HINT.test(sentence.text)) return undefined;
    const body = sentence.text.replace(/[.!?]+$/, '');
    const clauseEnd = sentence.start + body.length;
    const candidates: Array<{ verbStart: number; clauseStart: number }> = [];
    for (const pattern of [DISMISSED_THAT, REPORTED_THAT, REPORTED_DIRECT]) {
      pattern.lastIndex = 0;
      for (const match of body.matchAll(pattern)) {
        if (PASSIVE_BEFORE.test(body.slice(0, match.index))) continue;
        candidates.push({
          verbStart: sentence.start + (match.index ?? 0),
          clauseStart: sentence.start + (match.index ?? 0) + match[0].length,
        });
      }
      if (candidates.length > 0) break;
    }
    for (const candidate of candidates) {
      const clause = trimmedRange(this.text, candidate.clauseStart, clauseEnd);
      if (!clause || countWords(this.text.slice(clause.start, clause.end)) < 4) continue;
      const speaker = this.findSubject(sentence.start, candidate.verbStart);
      if (speaker) return this.reported(clause, sentence, speaker);
    }
    // "…, the Kremlin said on Tuesday." and "…, said Pyongyang's state media on Tuesday".
    const trailing = REPORTED_TRAILING.exec(body);
    const inverted = trailing ? undefined : REPORTED_TRAILING_INVERTED.exec(body);
    const match = trailing ?? inverted;
    if (match?.[1] !== undefined && match[2] !== undefined && countWords(match[1]) >= 4) {
      const subjectOffset = sentence.start + body.indexOf(match[2], match[1].length);
      let subjectText = match[2];
      const cut = INVERTED_SUBJECT_END.exec(subjectText);
      if (cut) subjectText = subjectText.slice(0, cut.index);
      const subject = trimmedRange(this.text, subjectOffset, subjectOffset + subjectText.length);
      const speaker = subject ? this.resolvePhrase(subject.start, subject.end) : undefined;
      const clause = trimmedRange(this.text, sentence.start, sentence.start + match[1].length);
      if (speaker && clause) return this.reported(clause, sentence, speaker);
    }
    return undefined;
  }

  private reported(clause: Span, sentence: Sentence, speaker: Speaker): QuoteMention {
    return {
      start: clause.start,
      end: clause.end,
      text: this.text.slice(clause.start, clause.end),
      form: 'reported',
      speaker: speaker.text,
      speakerSpan: { start: speaker.start, end: speaker.end },
      sentenceStart: sentence.index,
      sentenceEnd: sentence.index,
    };
  }

  private mentionsIn(start: number, end: number): Mention[] {
    return this.mentions.filter((mention) => mention.start >= start && mention.end <= end);
  }

  private insideQuote(span: Span): boolean {
    return this.raws.some((raw) => span.start > raw.open && span.end <= raw.close);
  }

  private previousCloseInSentence(raw: RawQuote, sentence: Sentence): number {
    let result = sentence.start;
    for (const other of this.raws) {
      if (other.closed && other.close < raw.open && other.close >= sentence.start) result = other.close + 1;
    }
    return result;
  }

  private nextOpenInSentence(raw: RawQuote, sentence: Sentence): number {
    for (const other of this.raws) if (other.open > raw.close && other.open < sentence.end) return other.open;
    return sentence.end;
  }

  private sentenceAt(offset: number): Sentence {
    let low = 0;
    let high = this.sentences.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.sentences[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return this.sentences[low]!;
  }
}

/** "…," Judge Hanen, a George W. Bush appointee, wrote: name, one appositive between commas, verb. */
const AFTER_APPOSITIVE = new RegExp(
  String.raw`^\s*[,—–-]?\s*(\p{Lu}[^,;:!?"“”]{0,60}?)\s*,\s+[^,;:!?"“”]{2,100}?,\s+(?:${SPEECH})\b`,
  'ud',
);
/** A title, honorific or initial whose full stop belongs to the name that follows: "Sen.", "Mr.", "W.". */
const NAME_ABBREVIATION = new RegExp(
  String.raw`\b(?:${[...TITLE_ABBREVIATIONS, ...HONORIFICS, 'jr', 'sr', 'st']
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('|')}|[A-Z])\.(?=\s)`,
  'g',
);
/** A party and state tag after a politician's name: "(R-Utah)", "(D-Ill.)", "(R)". */
const PARTY_TAG = /\((?:[RDI](?:-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?|[RDI]\.,?\s?[A-Z][\w.]*)\)/g;

/** The text with name-internal full stops and party tags blanked, at the same offsets. */
function maskNameParts(text: string): string {
  return text
    .replace(NAME_ABBREVIATION, (match) => `${match.slice(0, -1)}\u00b7`)
    .replace(PARTY_TAG, (match) => ' '.repeat(match.length));
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function trimmedRange(text: string, start: number, end: number): Span | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return to > from ? { start: from, end: to } : undefined;
}

/** The quoted words without marks, surrounding spaces or the comma that hands over to "he said". */
function trimContent(text: string, start: number, end: number): Span | undefined {
  const range = trimmedRange(text, start, end);
  if (!range) return undefined;
  let to = range.end;
  while (to > range.start && /[\s,;:]/.test(text[to - 1] ?? '')) to--;
  return to > range.start ? { start: range.start, end: to } : undefined;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a straight double quote at `index` opens a quotation (it follows a space, a bracket or the start). */
function opensHere(text: string, index: number, paragraphStart: number): boolean {
  const previous = index > paragraphStart ? (text[index - 1] ?? '') : '';
  const next = text[index + 1] ?? '';
  return (previous === '' || /[\s([{—–-]/u.test(previous)) && next !== '' && !/\s/.test(next);
}

/**
 * Pairs of quotation marks, paragraph by paragraph: double marks first, then single marks outside them.
 * An apostrophe between letters ("Kim’s", "Jong-un‘s") is never a mark.
 */
function findQuoteMarks(text: string, paragraphs: readonly Paragraph[]): RawQuote[] {
  const found: RawQuote[] = [];
  for (const paragraph of paragraphs) {
    const doubles: RawQuote[] = [];
    let openAt = -1;
    for (let index = paragraph.start; index < paragraph.end; index++) {
      const char = text[index];
      if (char === '“' || char === '„' || char === '«') openAt = index;
      else if (char === '”' || char === '»') {
        if (openAt >= 0) doubles.push({ open: openAt, close: index, closed: true });
        openAt = -1;
      } else if (char === '"') {
        if (openAt >= 0) {
          doubles.push({ open: openAt, close: index, closed: true });
          openAt = -1;
        } else if (opensHere(text, index, paragraph.start)) openAt = index;
      }
    }
    if (openAt >= 0) doubles.push({ open: openAt, close: paragraph.end, closed: false });
    found.push(...doubles);
    let singleOpen = -1;
    for (let index = paragraph.start; index < paragraph.end; index++) {
      const char = text[index];
      if (char !== '‘' && char !== '’' && char !== "'") continue;
      if (doubles.some((quote) => index >= quote.open && index <= quote.close)) {
        singleOpen = -1;
        continue;
      }
      const previous = index > paragraph.start ? (text[index - 1] ?? '') : '';
      const next = text[index + 1] ?? '';
      const letterBefore = LETTER_OR_DIGIT.test(previous);
      const letterAfter = LETTER_OR_DIGIT.test(next);
      if (letterBefore && letterAfter) continue;
      if (singleOpen < 0) {
        if (char !== '’' && !letterBefore && letterAfter) singleOpen = index;
      } else if (char !== '‘' && !letterAfter && /[\p{L}\p{N}.!?,]/u.test(previous)) {
        found.push({ open: singleOpen, close: index, closed: true });
        singleOpen = -1;
      }
    }
  }
  return found.sort((left, right) => left.open - right.open);
}
