import type {
  Mention,
  Paragraph,
  QuoteForm,
  QuoteMention,
  Segmentation,
  Sentence,
  Span,
} from '../model/index.js';
import { WEEKDAY_NAMES } from '../text/calendar-words.js';
import { appendAll } from '../text/iterables.js';
import {
  DESCRIPTOR_RELATIONS,
  FEMALE_CUES,
  HONORIFICS,
  PERSON_ROLE_CUES,
  PERSON_TITLES,
  TITLE_ABBREVIATIONS,
} from './entity-gazetteer.js';
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
type Attribution =
  | 'subject-before'
  | 'verb-before'
  | 'after'
  | 'headline'
  | 'trailing'
  | 'verb-earlier'
  | 'continued';

const SPEECH =
  'said|says|added|adds|told|tells|wrote|writes|stated|declared|insisted|warned|explained|asked|replied|continued|noted|stressed|reported|reports|announced|claimed|quoted|recalled|tweeted|posted|confirmed|argued|argues|commented|testified|acknowledged|admitted|responded|emphasized|emphasised|urged|cautioned|conceded|countered|alleges|claims|warns|insists|explains|admits|announces|vowed|vows|promised|predicted|texted';
/** "X did Y, responding: …": the clause's subject speaks, as with "saying". */
const SPEECH_GERUNDS =
  'saying|writing|adding|asking|noting|responding|replying|explaining|warning|insisting|declaring|arguing|stressing|telling';
/** "said:", "told reporters:", "said in a statement," or "said (that|the)" right before the opening mark. */
const VERB_AT_END = new RegExp(
  String.raw`\b(?:${SPEECH}|${SPEECH_GERUNDS})\b(?:(?:\s+\p{Ll}+){0,3}\s*[:,]|(?:\s+(?:that|the|a|an|its|his|her|their|this))?)\s*$`,
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
const OPENING_PRONOUN = /^(?:(?:and|but|then)\s+)?(he|she|they)\b/i;
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
const WEEKDAY = `(?:${WEEKDAY_NAMES.map((day) => day.charAt(0).toUpperCase() + day.slice(1)).join('|')})`;
/** The first word after a trailing source's verb that keeps the source's clause going ("said on Tuesday"). */
const SOURCE_CLAUSE_GOES_ON = new RegExp(
  `^(?:on|in|at|during|last|this|earlier|later|today|yesterday|late|early|after|before|via|through|when|while|as|to|of|by|from|with|according|${WEEKDAY})$`,
  'u',
);

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
  /** The persons the text gives a role, found on first need. */
  private introductions: RoleIntroduction[] | undefined;

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
    if (
      words <= 3 &&
      (found === undefined ||
        found.how === 'continued' ||
        found.how === 'verb-earlier' ||
        found.how === 'trailing')
    )
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
    // "Rep. Doe on the report: '…'" and "'…': Doe says …" in a headline.
    const headline = this.headlineSpeaker(raw, openSentence, beforeStart, afterStart, afterEnd);
    if (headline) return { speaker: headline, how: 'headline' };
    // He wrote a letter and said he wished … "…".
    let lastVerb: RegExpExecArray | undefined;
    for (const match of before.matchAll(VERB_ANYWHERE)) lastVerb = match as RegExpExecArray;
    if (lastVerb && !PASSIVE_BEFORE.test(before.slice(0, lastVerb.index))) {
      const verbStart = beforeStart + lastVerb.index;
      let subject = this.findSubject(beforeStart, verbStart);
      // "X called the deal “…” and said the trio “…”": the verb after a conjunction is still X's.
      if (
        !subject &&
        beforeStart > openSentence.start &&
        /^\s*(?:,?\s*(?:and|but|then))?\s*$/u.test(this.text.slice(beforeStart, verbStart))
      )
        subject = this.findSubject(openSentence.start, verbStart);
      if (subject) return { speaker: subject, how: 'verb-earlier' };
    } else if (!lastVerb && beforeStart > openSentence.start) {
      // "X told Fox News’ “Hannity” that the videos “…” and “…”": the reporting verb stands before an
      // earlier quote of the same sentence, and nothing between that quote and this one names anyone else.
      const subject = this.verbBeforeEarlierQuote(raw, openSentence, beforeStart);
      if (subject) return { speaker: subject, how: 'verb-earlier' };
    }
    // "… “…” …, a US official told the AP." / "…, according to one official.": the sentence's source.
    const trailing = this.trailingSpeaker(raw, openSentence, afterStart, afterEnd);
    if (trailing) return { speaker: trailing, how: 'trailing' };
    // A quote standing alone continues the previous speaker.
    const previous = this.done[this.done.length - 1];
    // Only a quote with nothing after it in its sentence: "“…” was how a nurse described it" is not.
    if (
      previous?.speaker &&
      /^\s*$/.test(before) &&
      !LETTER_OR_DIGIT.test(this.text.slice(afterStart, afterEnd))
    ) {
      const previousSentence = this.sentenceAt(previous.raw.open);
      const sameParagraph = previousSentence.paragraph === openSentence.paragraph;
      const previousParagraph =
        previousSentence.paragraph === openSentence.paragraph - 1 && this.opensParagraph(raw, openSentence);
      if (sameParagraph || previousParagraph) return { speaker: previous.speaker, how: 'continued' };
    }
    return undefined;
  }

  /** The subject of the last reporting verb before an earlier quote of the sentence, outside quotes. */
  private verbBeforeEarlierQuote(
    raw: RawQuote,
    sentence: Sentence,
    beforeStart: number,
  ): Speaker | undefined {
    const between = this.text.slice(beforeStart, raw.open);
    if (countWords(between) > 8 || this.mentionsIn(beforeStart, raw.open).some(speakingMention))
      return undefined;
    if (/[;:]/.test(between)) return undefined;
    let verbStart: number | undefined;
    const prefix = this.text.slice(sentence.start, raw.open);
    for (const match of prefix.matchAll(VERB_ANYWHERE)) {
      const at = sentence.start + (match.index ?? 0);
      if (!this.insideQuote({ start: at, end: at + match[0].length })) verbStart = at;
    }
    if (verbStart === undefined || PASSIVE_BEFORE.test(this.text.slice(sentence.start, verbStart)))
      return undefined;
    return this.findSubject(sentence.start, verbStart);
  }

  /**
   * The source a sentence ends on, for a quote inside it: "…, a US official told the AP", "…, said one
   * aide", "…, according to one official who …". Only when nobody is named before the quote and no verb
   * before it already gives the words to someone ("calling the plan “…”", "a book called “…”"), and never
   * for a title in quotation marks.
   */
  private trailingSpeaker(
    raw: RawQuote,
    sentence: Sentence,
    afterStart: number,
    afterEnd: number,
  ): Speaker | undefined {
    if (afterEnd !== sentence.end || afterStart >= afterEnd) return undefined;
    const content = this.text.slice(raw.open + 1, raw.close);
    if (isTitleLike(content)) return undefined;
    const lead = this.text.slice(sentence.start, raw.open);
    if (NAMING_OR_SPEECH.test(lead) || VERB_ANYWHERE_ONCE.test(lead)) return undefined;
    if (
      this.mentionsIn(sentence.start, raw.open).some(
        (mention) =>
          mention.type === 'person' ||
          (mention.type === 'other' && NAME_SHAPED.test(mention.text) && !/s$/.test(mention.text)),
      )
    )
      return undefined;
    const tail = maskNameParts(this.text.slice(afterStart, afterEnd));
    const match = TRAILING_SOURCE.exec(tail);
    if (!match?.indices) return undefined;
    const groupIndex = match[1] !== undefined ? 1 : match[2] !== undefined ? 2 : 3;
    const [groupStart, groupEnd] = match.indices[groupIndex]!;
    // Nobody else speaks between the quote and the source.
    const gap = this.text.slice(afterStart, afterStart + match.index);
    if (VERB_ANYWHERE_ONCE.test(gap) || NAMING_OR_SPEECH.test(gap)) return undefined;
    if (this.mentionsIn(afterStart, afterStart + match.index).some((mention) => mention.type === 'person'))
      return undefined;
    let phraseEnd = afterStart + groupEnd;
    if (groupIndex !== 2) {
      const cut = INVERTED_SUBJECT_END.exec(this.text.slice(afterStart + groupStart, phraseEnd));
      if (cut) phraseEnd = afterStart + groupStart + cut.index;
    }
    while (phraseEnd > afterStart + groupStart && /[\s.!?…”’"]/u.test(this.text[phraseEnd - 1] ?? ''))
      phraseEnd--;
    const range = trimmedRange(this.text, afterStart + groupStart, phraseEnd);
    if (!range || countWords(this.text.slice(range.start, range.end)) > 9) return undefined;
    return this.resolvePhrase(range.start, range.end);
  }

  /**
   * A headline's speaker: "Rep. Doe on the lab report: '…'", "Agency head: '…'", or "'…': Doe says …".
   * Only in the first paragraph when it is one short line.
   */
  private headlineSpeaker(
    raw: RawQuote,
    sentence: Sentence,
    beforeStart: number,
    afterStart: number,
    afterEnd: number,
  ): Speaker | undefined {
    if (sentence.paragraph !== 0 || countWords(sentence.text) > 30) return undefined;
    const before = this.text.slice(beforeStart, raw.open);
    const colon = /^(\s*)([^:]{2,90}?):\s*$/u.exec(before);
    if (colon?.[2] !== undefined && beforeStart === sentence.start) {
      const phraseStart = beforeStart + (colon[1] ?? '').length;
      const phraseEnd = phraseStart + colon[2].length;
      // Only the first name counts, after at most capitalised words ("Rep.") and before a topic.
      const named = this.mentionsIn(phraseStart, phraseEnd).find(
        (mention) => speakingMention(mention) && !isPossessiveAt(this.text, mention.end),
      );
      if (
        named &&
        /^(?:[\p{Lu}][\p{L}.-]*\s+)*$/u.test(this.text.slice(phraseStart, named.start)) &&
        /^(?:\s+(?:on|to|at|about|in|after|over|for|with|vs\.?)\s.*)?$/u.test(
          this.text.slice(named.end, phraseEnd),
        )
      )
        return speakerOf(named);
      // "Agency head: '…'": a short role, kept as a described speaker.
      const phrase = this.text.slice(phraseStart, phraseEnd);
      const last = /(\p{Ll}+)$/u.exec(phrase)?.[1];
      if (
        countWords(phrase) <= 4 &&
        last !== undefined &&
        HEADLINE_ROLES.has(last) &&
        /^\p{Lu}/u.test(phrase)
      )
        return { start: phraseStart, end: phraseEnd, text: phrase, person: false };
      return undefined;
    }
    if (before.trim() !== '' || beforeStart !== sentence.start) return undefined;
    const after = maskNameParts(this.text.slice(afterStart, afterEnd));
    const says =
      /^\s*:\s+((?:\p{Lu}[\p{L}·.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s+(?:says|vows|warns|tells|speaks|admits|insists|urges|compares|announces|pledges|promises|declares|explains|claims)\b/u.exec(
        after,
      );
    if (says?.[1] === undefined) return undefined;
    const nameEnd = afterStart + says[0].indexOf(says[1]) + says[1].length;
    const mention = this.mentions.find(
      (candidate) => candidate.end === nameEnd && candidate.start >= afterStart && speakingMention(candidate),
    );
    return mention ? speakerOf(mention) : undefined;
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
          speakingMention(mention) &&
          !isPossessiveAt(this.text, mention.end) &&
          // "…," Fox... may be cut inside a longer name ("Fox News' reporter"); a person's name is not.
          (mention.type !== 'organization' ||
            !/^[\s,]*(?:\.{3}|…)/u.test(after.slice(appositive.indices![1]![1]))),
      );
      if (name) return speakerOf(name);
    }
    return undefined;
  }

  /** A subject standing alone before a quote: a person's name or a descriptor such as "Kim's sister". */
  private bareSubject(start: number, end: number): Speaker | undefined {
    const mention = this.mentions.find((candidate) => candidate.start === start && candidate.end === end);
    if (mention?.type === 'person') return speakerOf(mention);
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
    if (/^\s*$/.test(this.text.slice(subject.start, subject.end))) {
      // "X, the sister of …, said" skips the appositive; "X did Y, saying" goes back to the clause of X
      // (but "Y happened, said X" is inverted order, found elsewhere).
      // "X did Y, saying": the subject of the clause before the gerund speaks, not a name inside it.
      if (/^\p{L}+ing\b/u.test(this.text.slice(verbStart, verbStart + 12)))
        return this.gerundSubject(segments.slice(0, -1));
      if (segments.length >= 3) {
        // "Facebook VP of Global Affairs, Nick Clegg, announced": the name between the commas speaks.
        const named = segments[segments.length - 2]!;
        const namedRange = trimmedRange(this.text, named.start, named.end);
        const isName =
          namedRange !== undefined &&
          this.mentions.some(
            (mention) =>
              mention.start === namedRange.start &&
              mention.end === namedRange.end &&
              speakingMention(mention),
          );
        subject = isName ? named : segments[segments.length - 3]!;
      }
    }
    const range = trimmedRange(this.text, subject.start, subject.end);
    if (!range) return undefined;
    const phrase = this.text.slice(range.start, range.end);
    const ending = this.mentions.find(
      (mention) =>
        mention.end === range.end &&
        mention.start >= range.start &&
        speakingMention(mention) &&
        // "The Democrat argued": an untyped word after a determiner describes, it does not name.
        (mention.type !== 'other' || !DESCRIPTOR_START.test(this.text.slice(range.start, mention.start))) &&
        // "Ana Ruiz of the Harbour Board said", "Villagers in Oskarsby said": a name closing a
        // prepositional phrase qualifies the subject's head; the head speaks.
        !COMPLEMENT_BEFORE.test(this.text.slice(range.start, mention.start)),
    );
    if (ending) {
      const left = this.conjoined(range.start, ending);
      if (!left) return speakerOf(ending);
      // "the Food and Drug Administration said": one organisation the tagger split at "and".
      const joined = this.text.slice(left.start, ending.end);
      if (
        left.type !== 'person' &&
        ending.type === 'organization' &&
        this.text.slice(left.end, ending.start).trim() === 'and'
      )
        return { start: left.start, end: ending.end, text: joined, person: false };
      return undefined;
    }
    const pronoun = this.openingPronoun(range);
    if (pronoun) return pronoun;
    if (countWords(phrase) <= 6) return this.resolvePhrase(range.start, range.end);
    const person = this.mentionsIn(range.start, range.end).find(
      (mention) => mention.type === 'person' && !isPossessiveAt(this.text, mention.end),
    );
    return person ? speakerOf(person) : undefined;
  }

  /**
   * The subject of the clause a gerund of speech hangs on ("Mr Biden continued, saying", "Rep. Roe on Monday
   * apologized for comparing X to Y, declaring"): the name or pronoun opening the nearest clause that has
   * one, going back over clauses without a subject ("Biden, on Wednesday, reflected on the talks with
   * Putin, saying"). A name further inside the clause is an object, never the speaker.
   */
  private gerundSubject(clauses: readonly Span[]): Speaker | undefined {
    for (let index = clauses.length - 1; index >= 0; index--) {
      const range = trimmedRange(this.text, clauses[index]!.start, clauses[index]!.end);
      if (!range) continue;
      const opening = this.text.slice(range.start, range.end);
      // "on Wednesday", "reflected on …", "who …": no subject of its own here.
      if (/^\p{Ll}/u.test(opening) && !/^(?:he|she|they)\b/.test(opening)) continue;
      const pronoun = this.openingPronoun(range);
      if (pronoun) return pronoun;
      // Subordinate openings ("As Ames tried to speak", "After the vote") name no speaker.
      if (/^(?:as|after|before|when|while|since|although|though|if|because|asked|despite)\b/i.test(opening))
        return undefined;
      const first = this.mentionsIn(range.start, range.end).find(
        (mention) => speakingMention(mention) && !isPossessiveAt(this.text, mention.end),
      );
      // The name must open the clause, after at most a title ("Rep.", "Senate Majority Leader").
      if (first === undefined || /(?:^|\s)\p{Ll}/u.test(this.text.slice(range.start, first.start)))
        return undefined;
      return speakerOf(first);
    }
    return undefined;
  }

  /** The person a clause opening on "he", "she" or "they" (after "and", "but", "then") stands for. */
  private openingPronoun(range: Span): Speaker | undefined {
    const pronoun = OPENING_PRONOUN.exec(this.text.slice(range.start, range.end));
    if (pronoun?.[1] === undefined) return undefined;
    const pronounStart = range.start + pronoun[0].length - pronoun[1].length;
    return this.resolvePronoun(pronounStart, pronounStart + pronoun[1].length);
  }

  /**
   * The first of two joined speakers when a mention is the second ("Bill and Melinda Gates", "X and manager Y"):
   * the quote is theirs together, and neither name alone is its speaker.
   */
  private conjoined(regionStart: number, mention: Mention): Mention | undefined {
    const before = this.text.slice(regionStart, mention.start);
    const joint = /\s+and\s+((?:[\p{L}.-]+\s+){0,3})$/u.exec(before);
    if (!joint) return undefined;
    const words = (joint[1] ?? '').trim().split(/\s+/).filter(Boolean);
    // Words between "and" and the name are a role ("manager"), not a name's last part ("Control and Prevention").
    if (
      !words.every(
        (word) => /^\p{Ll}/u.test(word) || PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, '')),
      )
    )
      return undefined;
    const leftEnd = regionStart + joint.index;
    return this.mentions.find((other) => other.end === leftEnd && speakingMention(other));
  }

  /** A short subject phrase: pronoun, descriptor, person, outlet or a role such as "the official". */
  private resolvePhrase(phraseStart: number, phraseEnd: number): Speaker | undefined {
    // "he later said", "Smith reportedly explained", "a spokesman on Tuesday said": the adverb is not the speaker.
    const core = phraseCore(this.text.slice(phraseStart, phraseEnd));
    if (!core) return undefined;
    const start = phraseStart + core.start;
    const end = phraseStart + core.end;
    const phrase = this.text.slice(start, end);
    if (PRONOUN.test(phrase)) return this.resolvePronoun(start, end);
    const descriptor = this.descriptor(start, end);
    if (descriptor) return descriptor;
    const inside = this.mentionsIn(start, end).filter((mention) => !isPossessiveAt(this.text, mention.end));
    const person = inside.filter((mention) => mention.type === 'person').pop();
    if (person && this.conjoined(start, person) !== undefined) return undefined;
    if (person) return speakerOf(person);
    // "the mayor said" after "Mayor Ines Okafor closed the bridge": the one person the article gave that role.
    const holder = this.roleHolder(start, end);
    if (holder) return holder;
    // "Fiona Hill of the Brookings Institution": the untyped name heading the phrase, not the institution.
    const head = inside.find(
      (mention) =>
        mention.type === 'other' &&
        NAME_SHAPED.test(mention.text) &&
        /^\s+(?:of|at|from|with)\s/u.test(this.text.slice(mention.end, end)) &&
        !DESCRIPTOR_START.test(this.text.slice(start, mention.start)),
    );
    if (head) return speakerOf(head);
    const organization = inside.filter((mention) => mention.type === 'organization').pop();
    if (organization) return speakerOf(organization);
    // "Residents of Gull Point said", "Shop owners on Lantern Road said": people described by where they
    // are, the place only qualifying them. The phrase as written is the speaker, never the place.
    const group = GROUP_OF_PLACE.exec(phrase);
    if (
      group !== null &&
      countWords(phrase) <= 7 &&
      !inside.some((mention) => mention.start === start) &&
      inside.every((mention) => mention.type === 'place' || mention.type === 'other')
    )
      return { start, end, text: phrase, person: false };
    // A name the tagger could not type, standing where the speaker stands ("…," Haugen said).
    // Only right before the verb and not after a determiner: "The Manhattan jurist" is a description.
    const untyped = inside.find((mention) => mention.end === end && speakingMention(mention));
    if (untyped && !DESCRIPTOR_START.test(phrase))
      return this.conjoined(start, untyped) === undefined ? speakerOf(untyped) : undefined;
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
      // "the ministry", "a spokesman", "Kim's lawyer", "his family", "one senior insider", "the complaint":
      // a speaker described, not named. The phrase is kept as written, starting with its determiner, so
      // it never reads as (or merges with) a name.
      (DESCRIPTOR_START.test(phrase) || /['’]s\s/u.test(phrase)) &&
      /^[\p{L}\s'’.-]+$/u.test(phrase) &&
      !/\b(?:he|she|they|we|it|you|I|him|them|us)\b/u.test(phrase.replace(DESCRIPTOR_START, '')) &&
      !TIME_HEAD.test(phrase)
    )
      return { start, end, text: phrase, person: false };
    return undefined;
  }

  /**
   * The named person a definite role description stands for: "the mayor", "the Kremlin spokesman", "the
   * director" after the article gave exactly one person that role ("Mayor Ines Okafor", "Kremlin spokesman
   * Dmitry Peskov", "Lionel Marsh, the director of the authority,"), or the name set right after it in
   * apposition ("The judge, Ama Lind, said"). Never for an indefinite description ("a spokesman" is an
   * anonymous source), nor when the article also has an unnamed holder of the role ("a spokesman said"), nor
   * for a role given only later in the text.
   */
  private roleHolder(start: number, end: number): Speaker | undefined {
    // Only "the": "this reporter" is the writer, not a reporter the article named.
    const definite = /^the\s+(.+)$/iu.exec(this.text.slice(start, end));
    if (definite?.[1] === undefined) return undefined;
    const role = parseRole(definite[1]);
    if (!role) return undefined;
    // "The judge, Ama Lind, said": the name in apposition is the holder, whatever came before.
    const apposed = /^\s*,\s*/u.exec(this.text.slice(end, end + 4));
    if (apposed) {
      const named = this.mentions.find(
        (mention) =>
          mention.start === end + apposed[0].length &&
          mention.type === 'person' &&
          !isPossessiveAt(this.text, mention.end) &&
          !/^\s+and\s/u.test(this.text.slice(mention.end, mention.end + 5)),
      );
      if (named) return speakerOf(named);
    }
    const introductions = this.roleIntroductions().filter(
      (introduction) => introduction.person.end <= start && sameRole(role, introduction.role),
    );
    const holders = new Set(introductions.map((introduction) => personKey(introduction.person.text)));
    if (holders.size !== 1 || introductions.some((introduction) => introduction.embedded)) return undefined;
    // "A spokesman said …" earlier: the role has an unnamed holder too, so "the spokesman" may be either.
    const prefix = this.text.slice(0, start);
    for (const match of prefix.matchAll(unnamedHolderPattern(role.head))) {
      const at = match.index ?? 0;
      // Only an unnamed source competes; "A federal judge blocked the order" is the judge named next.
      const source =
        UNNAMED_SOURCE_AFTER.test(prefix.slice(at + match[0].length, at + match[0].length + 60)) ||
        UNNAMED_SOURCE_BEFORE.test(prefix.slice(Math.max(0, at - 20), at));
      if (!source) continue;
      const introducing = this.roleIntroductions().some(
        (introduction) =>
          at < introduction.roleSpan.end && at + match[0].length > introduction.roleSpan.start,
      );
      if (!introducing) return undefined;
    }
    const fullest = introductions.reduce((best, introduction) =>
      introduction.person.text.length > best.person.text.length ? introduction : best,
    );
    return speakerOf(fullest.person);
  }

  /** Every person the text gives a role, by title, appositive or a role set before the name (cached). */
  private roleIntroductions(): readonly RoleIntroduction[] {
    if (this.introductions) return this.introductions;
    const found: RoleIntroduction[] = [];
    for (const mention of this.mentions) {
      const sentence = this.sentences[mention.sentence] ?? this.sentenceAt(mention.start);
      if (mention.type === 'person') {
        appendAll(found, introductionsOf(this.text, sentence, mention));
        continue;
      }
      const embedded = embeddedTitledName(mention);
      if (!embedded) continue;
      for (const introduction of introductionsOf(this.text, sentence, embedded))
        found.push({ ...introduction, embedded: true });
    }
    this.introductions = found;
    return found;
  }

  /**
   * The person a pronoun stands for: the nearest earlier sentence's quote speaker or first (subject) person
   * of matching gender. "she"/"her" need a female cue; "he" skips known women.
   */
  private resolvePronoun(start: number, end: number): Speaker {
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
      if (candidate) return speakerOf(candidate);
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
    // "…, two agencies said Americans don't need …": the verb has its own clause, so this is not a source
    // closing the sentence.
    let ownClause = false;
    if (trailing) {
      const [, clauseText = '', subjectText = '', verb = ''] = trailing;
      const rest = body.slice(body.indexOf(verb, clauseText.length + subjectText.length) + verb.length);
      const restWords = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
      ownClause = restWords.length >= 3 && !SOURCE_CLAUSE_GOES_ON.test(restWords[0] ?? '');
    }
    if (match?.[1] !== undefined && match[2] !== undefined && countWords(match[1]) >= 4 && !ownClause) {
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

/**
 * "…," Judge Hanen, a George W. Bush appointee, wrote: name, an appositive between commas (itself up to
 * three comma-separated parts: "former head of X and chief of Y, Z, told"), then the verb. Also the
 * excerpt cut right after the name or its appositive ("…," Dr. Roe, director of the agency,...).
 */
const AFTER_APPOSITIVE = new RegExp(
  String.raw`^\s*[,—–-]?\s*(\p{Lu}[^,;:!?"“”]{0,60}?)\s*(?:,\s+(?:[^,;:!?"“”]{2,120}?,\s+){1,3}(?:${SPEECH})\b|(?:,\s+[^;:!?"“”]{2,160}?)?,?\s*(?:\.{3}|…)\s*$)`,
  'ud',
);
/** The source at a sentence's end: "…, according to X", "…, X said/told …", "…, said X". */
const TRAILING_SOURCE =
  /,\s+(?:according\s+to\s+([^,;"“”]{2,120})|((?:[^,;"“”\s]+\s+){0,6}?[^,;"“”\s]+)\s+(?:said|says|told|added|wrote|explained|confirmed|acknowledged|alleges|claims|warned|insisted|stated)\b[^,;"“”]{0,60}|(?:said|says|added)\s+([^,;"“”]{2,80}))[\s.!?"”’…]*$/du;
/** A verb before a quote that gives its words to someone or names a thing ("calling it", "a book called"). */
const NAMING_OR_SPEECH =
  /\b(?:call(?:ed|ing|s)?|dubbed|titled|entitled|named|described|describing|known\s+as|so-called|saying|writing|slogans?|book|film|show|song|series|program|podcast)\b/iu;
const VERB_ANYWHERE_ONCE = new RegExp(String.raw`\b(?:${SPEECH})\b`, 'iu');
/** Role nouns that may stand alone as a headline's speaker ("Agency head: '…'"). */
const HEADLINE_ROLES = new Set([
  ...PERSON_ROLE_CUES,
  'head',
  'boss',
  'chief',
  'official',
  'officials',
  'spokesman',
]);

/** Quoted words that are a title or a name ("Forward: Notes on the Future"), not something said. */
function isTitleLike(content: string): boolean {
  const words = content.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const long = words.filter((word) => word.length >= 4);
  if (long.length === 0) return /^\p{Lu}/u.test(content.trim());
  return long.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

/** Words before a name that make it the complement of a preposition after the subject's head. */
const COMPLEMENT_BEFORE = /\S\s+(?:of|at|from|in|on|with|for|near)\s+(?:the\s+)?$/u;

/**
 * A group of people placed somewhere: a plural common noun (after at most one other word, "Shop
 * owners"), then a preposition of place, then the rest of the phrase: "Residents of Gull Point".
 */
const GROUP_OF_PLACE =
  /^(?:\p{L}+\s+)?\p{L}+(?:s|people|folk)\s+(?:of|in|on|at|from|near|across|around)\s+\S/u;

/** Where a described speaker starts: "the", "a", "his", "one", "two", "several", "another". */
const DESCRIPTOR_START =
  /^(?:the|a|an|his|her|their|its|one|another|two|three|four|five|six|several|some|many|other|both)\s/iu;
/** A described "speaker" that is a stretch of time ("a day after it said"). */
const TIME_HEAD =
  /\b(?:day|days|week|weeks|month|months|year|years|time|moment|hour|hours|minute|minutes|while|decade|night|morning|evening|afternoon)$/iu;
/** Nouns ending in -ly that are not adverbs. */
const LY_NOUNS = new Set([
  'family',
  'ally',
  'assembly',
  'supply',
  'rally',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'monopoly',
  'anomaly',
  'bully',
]);
const TRAILING_ADVERB = new RegExp(
  String.raw`\s+(?:(\p{Ll}{3,}ly)|later|then|also|again|once|earlier|further|too|still|first|last|today|yesterday|(?:on\s+|last\s+)?${WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?)$`,
  'u',
);
/** "…" and X said … is X saying something else, so "and"/"but" are not stripped. */
const LEADING_ADVERB = /^(?:then|later|earlier|also|previously|once|again)\s+/iu;

/** A phrase without the adverbs and days around a speaker ("he later", "Smith reportedly", "and then he"). */
function phraseCore(phrase: string): Span | undefined {
  let start = 0;
  let end = phrase.length;
  for (;;) {
    const leading = LEADING_ADVERB.exec(phrase.slice(start, end));
    if (!leading || leading[0].length >= end - start) break;
    start += leading[0].length;
  }
  for (;;) {
    const trailing = TRAILING_ADVERB.exec(phrase.slice(start, end));
    if (!trailing || trailing.index === 0) break;
    if (trailing[1] !== undefined && LY_NOUNS.has(trailing[1].toLowerCase())) break;
    end = start + trailing.index;
  }
  return trimmedRange(phrase, start, end);
}

/** A name the tagger left untyped ("other") that still looks like one: capitalised words, no digits. */
const NAME_SHAPED = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/**
 * Whether a mention can be a speaker: a person or an organisation, or an untyped name (the tagger types
 * unknown surnames "other"); only used where the position itself marks a speaker (right before or after a
 * speech verb).
 */
function speakingMention(mention: Mention): boolean {
  return (
    mention.type === 'person' ||
    mention.type === 'organization' ||
    (mention.type === 'other' && NAME_SHAPED.test(mention.text))
  );
}

/** The speaker a mention names; an untyped name is not taken as a person (pronouns do not resolve to it). */
function speakerOf(mention: Mention): Speaker {
  return { start: mention.start, end: mention.end, text: mention.text, person: mention.type === 'person' };
}
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
    appendAll(found, doubles);
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

/** A role as a text writes it: "the Kremlin spokesman", "Treasury Secretary", "the director of the authority". */
interface Role {
  /** The head noun, by class: "spokesman" stands for spokeswoman and spokesperson too. */
  head: string;
  /** The word that makes another office of the head ("vice" president, "prime" minister), or ''. */
  rank: string;
  /** "former", "ex-" or "then-": a past holder is another person than the present one. */
  former: boolean;
  /** The other words before the head, lower-cased ("kremlin", "treasury", "interim"). */
  modifiers: readonly string[];
  /** What follows "of", "for", "at" …, lower-cased, without "the" ("authority"); '' when nothing does. */
  complement: string;
  /** The party tag after the holder's name ("(R-Texas)" is 'R'), for an introduction that has one. */
  party?: string;
}

/** A person given a role in the text, and where the role words stand. */
interface RoleIntroduction {
  person: Mention;
  role: Role;
  roleSpan: Span;
  /**
   * A name the tagger folded into a longer mention ("Judge Jo Roe of Federal District Court" as one
   * organisation): it makes a role ambiguous, but is never given as a speaker.
   */
  embedded?: true;
}

/** Relation nouns: "the son" is someone's son, not an office the article gave a single person. */
const RELATIVE_ROLES = new Set([
  'sister',
  'brother',
  'son',
  'daughter',
  'wife',
  'husband',
  'father',
  'mother',
  'grandfather',
  'grandmother',
  'uncle',
  'aunt',
  'counterpart',
  'colleague',
  'rival',
  'successor',
  'predecessor',
  'heir',
]);
/** Role nouns a definite description may stand for: offices, jobs and titles, no relations. */
const ROLE_HEADS: ReadonlySet<string> = new Set([
  ...[...PERSON_ROLE_CUES].filter((word) => !RELATIVE_ROLES.has(word)),
  ...'mayor|judge|justice|king|queen|prince|princess|pope|admiral|colonel|marshal|sheikh|speaker|major|president-elect|secretary-general|ceo|executive|congressman|businessman'.split(
    '|',
  ),
]);
/** Spellings of one role: the class is the first. */
const ROLE_CLASSES: ReadonlyMap<string, string> = new Map([
  ['spokeswoman', 'spokesman'],
  ['spokesperson', 'spokesman'],
  ['chairwoman', 'chairman'],
  ['chair', 'chairman'],
  ['chairperson', 'chairman'],
  ['congresswoman', 'congressman'],
  ['businesswoman', 'businessman'],
  ['advisor', 'adviser'],
]);
/** Abbreviated titles, spelled out ("Sen." is the senator). */
const ROLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['gov', 'governor'],
  ['gen', 'general'],
  ['lt', 'lieutenant'],
  ['col', 'colonel'],
  ['sgt', 'sergeant'],
  ['capt', 'captain'],
  ['adm', 'admiral'],
  ['maj', 'major'],
  ['prof', 'professor'],
  ['pres', 'president'],
  ['sec', 'secretary'],
  ['amb', 'ambassador'],
  ['supt', 'superintendent'],
]);
/** Words that never stand inside a role ("X, and the interior secretary" is not X's role). */
const ROLE_FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'who',
  'which',
  'that',
  'as',
  'his',
  'her',
]);
/** A word before the head that makes another office: the vice president is not "the president". */
const ROLE_RANKS = new Set([
  'vice',
  'prime',
  'deputy',
  'assistant',
  'associate',
  'under',
  'lieutenant',
  'attorney',
  'surgeon',
  'press',
  'chief',
  'co',
]);
/** Words a description may add without the introduction saying so ("the embattled governor"). */
const FREE_MODIFIERS = new Set(['top', 'new', 'longtime', 'veteran', 'embattled', 'current', 'sitting']);
/** Lower-case words that stand in a title before a name ("former", "acting", "deputy"). */
const TITLE_WORDS = new Set([
  'former',
  'acting',
  'interim',
  'then',
  'deputy',
  'vice',
  'prime',
  'foreign',
  'chief',
  'senior',
  'press',
  'assistant',
  'district',
  'federal',
  'state',
  'top',
  'ex',
  'defense',
  'defence',
  'finance',
  'health',
]);

/**
 * A role phrase without its determiner ("Kremlin spokesman", "director of the authority", "country’s interim
 * prime minister"); undefined when its head is not an office or job. A lower-case possessor ("the country’s")
 * only points at the context, so it is dropped.
 */
function parseRole(phrase: string): Role | undefined {
  const normal = phrase.replace(/’/gu, "'").replace(/\s+/gu, ' ').trim();
  const split = /^(.*?)\s+(?:of|for|at|from|in|on|with|to)\s+(.+)$/u.exec(normal);
  const headPart = split?.[1] ?? normal;
  const complement = (split?.[2] ?? '')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[.,]+$/u, '');
  let former = false;
  const tokens: string[] = [];
  for (const written of headPart.split(' ')) {
    let word = written.toLowerCase().replace(/\.$/u, '');
    const past = /^(?:ex|then)-/u.exec(word);
    if (past) {
      former = true;
      word = word.slice(past[0].length);
    }
    if (word === 'former' || word === 'ex') {
      former = true;
      continue;
    }
    if (/^\p{Ll}[\p{L}-]*'s$/u.test(written.replace(/’/gu, "'"))) continue;
    if (!/^\p{L}[\p{L}'.-]*$/u.test(word) || ROLE_FUNCTION_WORDS.has(word)) return undefined;
    tokens.push(ROLE_ABBREVIATIONS.get(word) ?? word);
  }
  const last = tokens.pop();
  if (last === undefined) return undefined;
  const head = ROLE_CLASSES.get(last) ?? last;
  if (!ROLE_HEADS.has(head)) return undefined;
  const before = tokens[tokens.length - 1];
  const rank = before !== undefined && ROLE_RANKS.has(before) ? before : '';
  if (rank !== '') tokens.pop();
  return { head, rank, former, modifiers: tokens, complement };
}

/**
 * Whether a definite description names the role an introduction gave: same head, rank and "former"; every
 * word the description adds is in the introduction; a complement, when the description has one, is the
 * introduction's. A bare "the president" is the president of a country, so it never stands for someone
 * introduced as the president of something ("Marsh, the president of the authority").
 */
function sameRole(description: Role, introduction: Role): boolean {
  if (
    description.head !== introduction.head ||
    description.rank !== introduction.rank ||
    description.former !== introduction.former
  )
    return false;
  const introduced = new Set([...introduction.modifiers, ...introduction.complement.split(/\s+/u)]);
  const fits = (word: string): boolean => {
    const party = PARTY_WORDS.get(word);
    if (party !== undefined) return introduction.party === undefined || introduction.party === party;
    return introduced.has(word) || FREE_MODIFIERS.has(word);
  };
  if (!description.modifiers.every(fits)) return false;
  if (description.complement !== '') {
    const words = description.complement.split(/\s+/u).filter((word) => !/^(?:the|of|and)$/u.test(word));
    return (
      description.complement === introduction.complement ||
      words.every((word) => introduction.modifiers.includes(word))
    );
  }
  return !(description.head === 'president' && introduction.complement !== '');
}

/** The unnamed-holder patterns built so far, by role class. */
const UNNAMED_HOLDER_PATTERNS = new Map<string, RegExp>();

/** An unnamed holder of a role class in any spelling ("a spokeswoman", "one senior official"), built once per class. */
function unnamedHolderPattern(head: string): RegExp {
  let pattern = UNNAMED_HOLDER_PATTERNS.get(head);
  if (pattern) return pattern;
  const forms = [head];
  for (const [form, role] of ROLE_CLASSES) if (role === head) forms.push(form);
  const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  pattern = new RegExp(
    String.raw`\b(?:a|an|one|another)\s+(?:[\p{L}'’.-]+\s+){0,3}?(?:${escaped.join('|')})\b(?!-)`,
    'giu',
  );
  UNNAMED_HOLDER_PATTERNS.set(head, pattern);
  return pattern;
}

/** One person across the forms of a name: "Mayor Okafor" and "Ines Okafor" share the surname. */
function personKey(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .split(/\s+/u);
  return words[words.length - 1] ?? '';
}

/** A speech verb soon after an unnamed holder of a role: "a White House official said", "a spokesman for X told". */
const UNNAMED_SOURCE_AFTER = new RegExp(
  String.raw`^(?:[^.;:“”"]{0,50}?\b(?:${SPEECH})\b|[^.;:“”"]{0,80}?\b(?:anonymity|not\s+authori[sz]ed))`,
  'iu',
);
/** An unnamed source after its verb: "said a spokesman", "according to one official". */
const UNNAMED_SOURCE_BEFORE = /\b(?:said|says|added|told|according\s+to)\s+$/iu;
/** Party words a description may add ("the Republican governor"), unless the holder's party tag says otherwise. */
const PARTY_WORDS: ReadonlyMap<string, string> = new Map([
  ['republican', 'R'],
  ['gop', 'R'],
  ['democratic', 'D'],
  ['democrat', 'D'],
]);

/** Clause openings before a role set ahead of a name in apposition ("the judge, Ama Lind,"). */
const APPOSED_ROLE = new RegExp(
  String.raw`(?:^|[,“"(]\s*(?:(?:and|or)\s+)?|\b(?:${SPEECH})\s+)((?:the|a|an)\s+([^,;:()“”"]{2,60}?)),\s*$`,
  'iu',
);
/** A role in apposition after a name: ", the director of the authority," or ", 54, a spokesman for X". */
const ROLE_AFTER =
  /^(?:\s*\([^)]{1,30}\))?,\s+(?:\d{1,3},\s+)?((?:(?:the|a|an|his|her|their)\s+)?([^,;:()“”"\n]{2,90}?))(?=\s*(?:[,;:.)—–]|$)|\s+(?:who|which)\b)/u;

/**
 * The roles a person mention is introduced with: the title right before it ("Mayor", "Kremlin spokesman",
 * "U.S. District Judge", "Secretary of State"), an appositive right after it (", the director of the
 * authority,") or a role set before it in apposition ("the company’s chief executive, John Matze").
 */
function introductionsOf(text: string, sentence: Sentence, person: Mention): RoleIntroduction[] {
  const found: RoleIntroduction[] = [];
  const party = /^\s*\(([RDI])\b/u.exec(text.slice(person.end, person.end + 6))?.[1];
  const add = (role: Role | undefined, roleSpan: Span): void => {
    if (!role) return;
    if (party !== undefined) role.party = party;
    found.push({ person, role, roleSpan });
  };
  // The title: capitalised words, "of" inside them, and the lower-case words of titles, right before the name.
  const lead = text.slice(Math.max(sentence.start, person.start - 80), person.start);
  const leadStart = person.start - lead.length;
  const tokens = [...lead.matchAll(/\S+/gu)];
  let first = tokens.length;
  for (let index = tokens.length - 1; index >= 0 && tokens.length - index <= 6; index--) {
    const token = tokens[index]![0];
    const end = (tokens[index]!.index ?? 0) + token.length;
    if (index === tokens.length - 1 && !/^\s*$/u.test(lead.slice(end))) break;
    if (!/^\p{L}[\p{L}.'’-]*$/u.test(token) || /['’]s$/u.test(token)) break;
    const lower = token.toLowerCase().replace(/\.$/u, '');
    const capitalised = /^\p{Lu}/u.test(token) && !/^(?:the|a|an|and|but|or|in|on|at|as|by)$/u.test(lower);
    const ofInside = lower === 'of' && first < tokens.length && /^\p{Lu}/u.test(tokens[first]![0]);
    if (!capitalised && !ofInside && !TITLE_WORDS.has(lower) && !ROLE_HEADS.has(lower)) break;
    first = index;
  }
  if (first < tokens.length) {
    const phraseStart = leadStart + (tokens[first]!.index ?? 0);
    // "Secretary of State Antony Blinken": the words after "of" are the complement, not a head.
    add(parseRole(text.slice(phraseStart, person.start)), { start: phraseStart, end: person.start });
  }
  const after = ROLE_AFTER.exec(text.slice(person.end, Math.min(sentence.end, person.end + 140)));
  if (after?.[1] !== undefined && after[2] !== undefined) {
    const phraseStart = person.end + after.index + after[0].indexOf(after[1]);
    add(parseRole(after[2]), { start: phraseStart, end: phraseStart + after[1].length });
  }
  const apposed = APPOSED_ROLE.exec(text.slice(sentence.start, person.start));
  if (apposed?.[1] !== undefined && apposed[2] !== undefined) {
    const phraseStart = sentence.start + apposed.index + apposed[0].indexOf(apposed[1]);
    add(parseRole(apposed[2]), { start: phraseStart, end: phraseStart + apposed[1].length });
  }
  return found;
}

/**
 * The name inside a mention the tagger typed as something else but that opens with a title: "Judge Jo Roe of
 * Federal District Court" holds the name "Jo Roe", returned as a person mention at its own offsets.
 */
function embeddedTitledName(mention: Mention): Mention | undefined {
  const match =
    /^(\p{Lu}\p{L}*\.?)\s+(\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}?)(?:\s+(?:of|at|for|from)\s.*)?$/u.exec(
      mention.text,
    );
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const title = match[1].toLowerCase().replace(/\.$/u, '');
  const head = ROLE_CLASSES.get(title) ?? ROLE_ABBREVIATIONS.get(title) ?? title;
  if (!ROLE_HEADS.has(head)) return undefined;
  const start = mention.start + match[0].indexOf(match[2], match[1].length);
  return { start, end: start + match[2].length, text: match[2], type: 'person', sentence: mention.sentence };
}
