import type { CleanResult, Removal } from '../model/index.js';
import { segment, splitParagraph, splitParagraphs } from '../text/segment.js';

/*
 * Boilerplate removal, written by hand: readability-style extractors work on HTML, and the bodies here are
 * already plain text, where what matters is keeping exact raw offsets for every removal.
 *
 * The stage is split into generators and one refiner. Each detector below looks for one kind of boilerplate
 * in one paragraph and proposes candidates (a whole paragraph, or a span inside it); the refiner then
 * decides per paragraph: drop it whole, cut spans out of it, or keep it. Characters inside what is kept are
 * never changed, so every kept piece is a verbatim slice of the raw body.
 */

/** A paragraph of the raw body: `[start, end)` and its text. */
interface ParagraphView {
  start: number;
  end: number;
  text: string;
}

/** A proposed removal, in raw-body offsets; `whole` proposals remove the entire paragraph. */
interface Candidate {
  start: number;
  end: number;
  reason: string;
  whole: boolean;
}

type Detector = (paragraph: ParagraphView) => Candidate[];

interface PhraseRule {
  pattern: RegExp;
  reason: string;
  /** A cheap test a paragraph must pass before {@link pattern} runs, for patterns that are slow to fail. */
  hint?: RegExp;
}

/** Starts a match only at the start of a paragraph or right after a sentence end. */
const SENTENCE_START = String.raw`(?<=^|[.!?"”’)\]]\s+)`;

/** Sign-up, privacy and promotion phrases, each matched as a span inside a paragraph. */
const PHRASE_RULES: PhraseRule[] = [
  // "… breaking news alerts sent straight to your inbox": the prompt runs back to the sentence start.
  {
    pattern: /[^.!?\n]{0,80}?\b(?:straight|directly|direct) to your inbox\b/giu,
    reason: 'newsletter',
    hint: /to your inbox/i,
  },
  {
    // A target is required so that "Russia signed up to the sanctions" or "voters sign up" stay.
    pattern:
      /\b(?:sign[ -]?up|subscribe|register)(?: now| today| here| free)? (?:to|for) (?:our|the|my|a)\b[^.!?\n]{0,60}?\b(?:newsletters?|e-?mails?|alerts?|briefings?|bulletins?|digest|podcast|(?:YouTube )?channel)\b[^.!?\n]*[.!]?/giu,
    reason: 'newsletter',
    hint: /sign|subscri|regist/i,
  },
  { pattern: /\bSIGN UP\b/gu, reason: 'newsletter', hint: /SIGN UP/ },
  {
    pattern: /\bplease enter an? (?:valid )?e-?mail(?: address)?\b\.?/giu,
    reason: 'newsletter',
    hint: /enter/i,
  },
  {
    pattern: /\bthanks? (?:you )?for (?:signing up|subscribing|registering)\b[!.]?(?: to (?:the|our)\b)?/giu,
    reason: 'newsletter',
    hint: /thank/i,
  },
  {
    pattern: /\bI would like to (?:be emailed|receive)\b[^.!?\n]*[.!?]?/giu,
    reason: 'newsletter',
    hint: /would like/i,
  },
  {
    pattern: /\bsomething went wrong\b[.,!]? please try again(?: later)?\b[.!]?/giu,
    reason: 'newsletter',
    hint: /went wrong/i,
  },
  {
    pattern: /\b(?:read|view|see|review) our privacy (?:notice|policy|statement)\b[.!]?/giu,
    reason: 'privacy',
    hint: /privacy/i,
  },
  {
    pattern:
      /\bby (?:signing up|subscribing|registering|clicking|continuing)\b[^.!?\n]*\b(?:privacy|terms)\b[^.!?\n]*[.!?]?/giu,
    reason: 'privacy',
    hint: /privacy|terms/i,
  },
  {
    pattern: /\bthis site is protected by reCAPTCHA\b[^\n]*?\bapply\b\.?/giu,
    reason: 'privacy',
    hint: /recaptcha/i,
  },
  {
    // "Read more: …" links run to the end of the paragraph.
    pattern: new RegExp(
      `${SENTENCE_START}(?:read more|also read|read also|related(?: articles?| stories| coverage)?|recommended|more on this story|see also)\\s*:[^\\n]*$`,
      'giu',
    ),
    reason: 'promo',
    hint: /:/,
  },
  {
    // Newsletter-style section labels before a sentence ("Why it matters: …", "The big picture, via Jo
    // Doe: …"): furniture, while the sentence after the colon is the content. Case-sensitive, and only
    // before a capitalised word or a quotation, so "details: the plan" inside prose stays.
    pattern: new RegExp(
      `${SENTENCE_START}(?:Why it matters|The big picture|Driving the news|Between the lines|The bottom line|Bottom line|Go deeper|What's next|What’s next|What to watch|Yes, but|Flashback|State of play|Catch up quick|By the numbers|Zoom in|Zoom out|The latest|The backstory|Reality check|Our thought bubble|What they're saying|What they’re saying|What we're watching|What we’re watching|The intrigue|Key quote|The other side|Be smart)(?:,\\s*via [^:\\n]{1,60})?\\s*:\\s*(?=[\\p{Lu}"“‘'])`,
      'gu',
    ),
    reason: 'label',
    hint: /:/,
  },
  {
    // Case-sensitive on purpose: "Advertisement spending rose" is a sentence, "Advertisement The …" is an ad slot.
    pattern: new RegExp(
      `${SENTENCE_START}(?:Advertisement|ADVERTISEMENT|Skip Advertisement|Story continues below(?: this ad| advertisement)?)(?=$|\\s+[\\p{Lu}"“‘'])`,
      'gu',
    ),
    reason: 'promo',
    hint: /Advert|ADVERT|Story continues/,
  },
  {
    pattern: new RegExp(
      `${SENTENCE_START}(?:sharing is caring|share (?:this|the) (?:article|story|page|video)|share on (?:facebook|twitter|x|whatsapp|linkedin|email|telegram)|follow (?:us|him|her|them|me) on (?:facebook|twitter|x|instagram|telegram|tiktok|youtube|whatsapp)|click here to|tap here to|download (?:our|the) (?:free )?app|copy link|join our (?:whatsapp|telegram) (?:channel|group))\\b[^.!?\\n]*[.!?]?`,
      'giu',
    ),
    reason: 'promo',
    hint: /shar|follow|click|tap here|download|copy link|join our/i,
  },
];

/** Short paragraphs that are page furniture: share buttons, sign-up buttons, media labels. */
const PROMO_PARAGRAPH =
  /^(?:share(?: this(?: article| story)?)?|tweet|e-?mail|print|comments?|sign up|subscribe(?: now)?|listen to this article|watch(?: video)?|video|follow|copy link)[.!:]?$/iu;

/** Photo agencies whose names end captions. All-caps forms end captions even without a dash. */
const AGENCIES_UPPER =
  'REUTERS|AFP|EPA(?:-EFE)?|AP|SPUTNIK|YONHAP|XINHUA|TASS|KCNA|ANADOLU|GETTY IMAGES|SHUTTERSTOCK|ALAMY';

/** A credit at the very end of a paragraph. */
const CREDIT_TAILS: RegExp[] = [
  // "… in Russia. REUTERS", "… SPUTNIK", "… AFP via Getty Images"
  new RegExp(`(?:^|\\s|[-–—|/]\\s*)(?:${AGENCIES_UPPER})(?:\\s*(?:via|/)\\s*[\\p{L} ]+)?\\s*$`, 'u'),
  // "… in September 2023 - Yonhap", "… | Photo: Jane Doe"
  /\s[-–—|]\s*(?:Photo:\s*)?\p{Lu}[\p{L}.'’&-]*(?:[ /]\p{Lu}[\p{L}.'’&-]*){0,4}(?<![.!?'’])\s*$/u,
  // "(AP Photo/Jane Doe)", "(Korean Central News Agency/Korea News Service via AP)"
  /\((?:[^()]*\bPhoto\b[^()]*|[^()]*\bvia (?:AP|AFP|Reuters|Getty Images)|(?:AP|AFP|Reuters|EPA|Getty Images))\)\s*$/u,
  /\b(?:Getty(?: Images)?|Shutterstock|Alamy)(?: for [\p{L} ]+)?\)?\s*$/u,
  /\b(?:Photo|Photograph|Image|Picture)(?: credit)?\s*:\s*[^.!?]*$/iu,
];

/** Openings that only captions use. */
const CAPTION_OPENING =
  /^(?:In this|This)(?: undated| handout| file| aerial)? (?:photo|image|picture|photograph|video grab)\b/iu;

/** Position markers of people in a picture: "Kim, center, steps down …", "(L)". */
const CAPTION_POSITION =
  /,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom|front|rear|foreground|background)(?: (?:row|to right|to left))?,|\((?:L|R|C|left|right|centre|center)\)/iu;

/** A paragraph longer than this is never dropped whole because of a credit at its end: only the credit goes. */
const CAPTION_MAX_WORDS = 60;

/** Template placeholders (`{{ message }}`), including an unclosed one that runs to the paragraph end. */
const detectTemplates: Detector = (paragraph) =>
  spansOf(paragraph, /\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{\{[^}]*$/gu, 'template');

/** Sign-up prompts, privacy notices, "Read more:" and share prompts. */
const detectPrompts: Detector = (paragraph) => {
  const candidates = PHRASE_RULES.flatMap((rule) =>
    rule.hint === undefined || rule.hint.test(paragraph.text)
      ? spansOf(paragraph, rule.pattern, rule.reason)
      : [],
  );
  if (PROMO_PARAGRAPH.test(paragraph.text)) candidates.push(whole(paragraph, 'promo'));
  return candidates;
};

/** Photo captions and credits. */
const detectCaptions: Detector = (paragraph) => {
  const { text } = paragraph;
  if (CAPTION_OPENING.test(text)) return [whole(paragraph, 'caption')];
  if (!isTerminated(text) && CAPTION_POSITION.test(text)) return [whole(paragraph, 'caption')];
  const credit = creditTail(text);
  if (credit === undefined) return [];
  const sentences = segment(text).sentences.length;
  if (wordCount(text) <= CAPTION_MAX_WORDS && sentences <= 3) return [whole(paragraph, 'caption')];
  return [{ start: paragraph.start + credit, end: paragraph.end, reason: 'credit', whole: false }];
};

/** Reporting credits such as "(Reporting by …; Editing by …)". */
const detectReportingCredits: Detector = (paragraph) =>
  /^\(?(?:Reporting|Writing|Editing|Additional reporting|Compiled) by\b/u.test(paragraph.text)
    ? [whole(paragraph, 'credit')]
    : [];

/** A bulleted or numbered list item of at least two words. */
const LIST_ITEM = /^(?:[•●▪◦*·–—-]|\d{1,3}[.)])\s+\S+\s+\S/u;

/** Headlines, subheads and other paragraphs that are not sentences. */
const detectFragments: Detector = (paragraph) => {
  const { text } = paragraph;
  if (/\p{Lu}.*\p{Lu}/su.test(text) && !/\p{Ll}/u.test(text)) return [whole(paragraph, 'fragment')];
  // List items ("• Schools close at noon", "2) Roads reopen") rarely end with a full stop but are content.
  if (LIST_ITEM.test(text)) return [];
  // A finished sentence followed by a credit is the caption detector's business, not a fragment.
  const credit = creditTail(text);
  if (isTerminated(credit === undefined ? text : text.slice(0, credit))) return [];
  const sentences = segment(text).sentences;
  const last = sentences[sentences.length - 1];
  // Prose the page cut off mid-clause is still the article's text.
  if (last !== undefined && readsAsSentence(last.text)) return [];
  if (sentences.length <= 1 || last === undefined) return [whole(paragraph, 'fragment')];
  // Complete sentences before an unfinished tail stay; only the tail goes.
  return [{ start: paragraph.start + last.start, end: paragraph.end, reason: 'fragment', whole: false }];
};

/**
 * Wire datelines that open a story: "WASHINGTON (AP) — ", "LONDON, Feb 20 (Reuters) - ", "PORT ALDOUS — ".
 * They name the wire, not a fact, and make a reprinted lead differ from its original.
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L}\d .]{1,20})?(?:\s*\([^()]{2,40}\))?\s*[-–—]+\s+(?=\p{Lu})/u;

/** A headline glued in front of the lead ("Title. SEOUL — …") is at most this many words. */
const GLUED_HEADLINE_WORDS = 20;

/**
 * Wire datelines at the start of a paragraph, or right after a short first sentence: scraped bodies
 * often glue the headline to the lead, which leaves the dateline mid-paragraph.
 */
const detectDatelines: Detector = (paragraph) => {
  const found = (offset: number): Candidate[] => {
    const match = DATELINE.exec(paragraph.text.slice(offset));
    if (!match || !/\p{Lu}{2}/u.test(match[0])) return [];
    const start = paragraph.start + offset;
    return [{ start, end: start + match[0].length, reason: 'dateline', whole: false }];
  };
  const atStart = found(0);
  if (atStart.length > 0) return atStart;
  // Cheap test first: most paragraphs hold no capitalised word followed by a dash.
  if (!/\p{Lu}{2}[^.!?]{0,60}[-–—]\s/u.test(paragraph.text)) return [];
  const [first, second] = segment(paragraph.text).sentences;
  if (first === undefined || second === undefined) return [];
  const headline = paragraph.text.slice(first.start, first.end).trim();
  if (headline.split(/\s+/).length > GLUED_HEADLINE_WORDS) return [];
  return found(second.start);
};

/** A sentence may occur this many times in one body; later verbatim copies are cut as `repeat`. */
const MAX_SENTENCE_COPIES = 2;

/**
 * Sentences repeated word for word past {@link MAX_SENTENCE_COPIES} ("Kim met Putin." × 10,000, a page
 * glued to itself by a scraper): they add no fact, and every later stage would pay for each copy.
 * Stateful across the paragraphs of one body, so it is made afresh by each {@link cleanBody} call.
 */
function repeatDetector(): Detector {
  const copies = new Map<string, number>();
  return (paragraph) => {
    const candidates: Candidate[] = [];
    for (const [start, end] of splitParagraph(paragraph.text, 0, paragraph.text.length)) {
      const sentence = paragraph.text.slice(start, end).replace(/\s+/g, ' ').trim();
      const count = (copies.get(sentence) ?? 0) + 1;
      copies.set(sentence, count);
      if (count > MAX_SENTENCE_COPIES)
        candidates.push({
          start: paragraph.start + start,
          end: paragraph.start + end,
          reason: 'repeat',
          whole: false,
        });
    }
    return candidates;
  };
}

const DETECTORS: Detector[] = [
  detectTemplates,
  detectDatelines,
  detectPrompts,
  detectCaptions,
  detectReportingCredits,
  detectFragments,
];

/** Which reason names a whole-paragraph removal when several detectors agree; `fragment` says the least. */
const REASON_PRIORITY = [
  'template',
  'newsletter',
  'privacy',
  'promo',
  'caption',
  'credit',
  'dateline',
  'label',
  'repeat',
  'fragment',
];

/** Share of a paragraph's visible characters that, once boilerplate, makes the whole paragraph boilerplate. */
const WHOLE_PARAGRAPH_SHARE = 0.5;

/** A piece left between removed spans is dropped as a fragment when it is unfinished and this short. */
const FRAGMENT_PIECE_MAX_WORDS = 8;

/**
 * Removes boilerplate from a raw article body: sign-up and privacy prompts, template placeholders,
 * photo captions and credits, headlines and section subheads, and sentences copied verbatim more than twice.
 * Needs: the raw body. Adds: the canonical text and every removal in raw-body offsets
 * (`body.slice(start, end) === text`).
 * The canonical text is the kept paragraphs, each trimmed, joined by a blank line; the pieces of one paragraph
 * around a removed span are joined by one space. Nothing inside a kept piece is changed.
 * @param body - the raw article body (metadata already removed)
 */
export function cleanBody(body: string): CleanResult {
  const removals: Removal[] = [];
  const keptParagraphs: string[] = [];
  const detectors = [...DETECTORS, repeatDetector()];
  for (const [start, end] of paragraphsOf(body)) {
    const paragraph: ParagraphView = { start, end, text: body.slice(start, end) };
    const decision = refine(
      paragraph,
      detectors.flatMap((detector) => detector(paragraph)),
    );
    for (const removal of decision.removals) {
      removals.push({
        start: removal.start,
        end: removal.end,
        text: body.slice(removal.start, removal.end),
        reason: removal.reason,
      });
    }
    const pieces = decision.kept.map(([pieceStart, pieceEnd]) => body.slice(pieceStart, pieceEnd));
    if (pieces.length > 0) keptParagraphs.push(pieces.join(' '));
  }
  return { text: keptParagraphs.join('\n\n'), removals };
}

interface Decision {
  removals: Candidate[];
  kept: Array<[number, number]>;
}

/** Decides one paragraph from its candidates: remove it whole, cut spans out of it, or keep it. */
function refine(paragraph: ParagraphView, candidates: Candidate[]): Decision {
  if (candidates.length === 0) return { removals: [], kept: [[paragraph.start, paragraph.end]] };
  const wholes = candidates.filter((candidate) => candidate.whole);
  const spans = mergeSpans(
    candidates.filter((candidate) => !candidate.whole),
    paragraph,
  );
  const visible = visibleLength(paragraph.text);
  const coveredByReason = new Map<string, number>();
  for (const span of spans) {
    const length = visibleLength(
      paragraph.text.slice(span.start - paragraph.start, span.end - paragraph.start),
    );
    coveredByReason.set(span.reason, (coveredByReason.get(span.reason) ?? 0) + length);
  }
  const covered = [...coveredByReason.values()].reduce((sum, length) => sum + length, 0);
  const pieces = complement(spans, paragraph);
  const noSentenceLeft =
    spans.length > 0 && !pieces.some(([start, end]) => readsAsSentence(paragraphText(paragraph, start, end)));

  // An unfinished tail takes only itself: the finished sentences before it stay however short.
  // Repeats are cut alone too: the copies a paragraph keeps are its text, not boilerplate beside it.
  const boilerplate = covered - (coveredByReason.get('fragment') ?? 0) - (coveredByReason.get('repeat') ?? 0);
  if (wholes.length > 0 || boilerplate >= visible * WHOLE_PARAGRAPH_SHARE || noSentenceLeft) {
    return { removals: [whole(paragraph, wholeReason(wholes, coveredByReason))], kept: [] };
  }

  // Cut the spans out; a piece left between them that is unfinished and short is a fragment of the prompt.
  const removals = [...spans];
  const kept: Array<[number, number]> = [];
  for (const [start, end] of pieces) {
    const text = paragraphText(paragraph, start, end);
    const unfinished = !isTerminated(text) && wordCount(text) <= FRAGMENT_PIECE_MAX_WORDS;
    if (!/[\p{L}\p{N}]/u.test(text) || unfinished) {
      removals.push({ start, end, reason: 'fragment', whole: false });
    } else {
      kept.push([start, end]);
    }
  }
  removals.sort((left, right) => left.start - right.start);
  return { removals, kept };
}

/** The most specific whole-paragraph reason, else the reason of the spans that cover the most. */
function wholeReason(wholes: Candidate[], coveredByReason: Map<string, number>): string {
  const specific = wholes
    .map((candidate) => candidate.reason)
    .filter((reason) => reason !== 'fragment')
    .sort((left, right) => REASON_PRIORITY.indexOf(left) - REASON_PRIORITY.indexOf(right));
  if (specific[0] !== undefined) return specific[0];
  let best: string | undefined;
  let bestLength = 0;
  for (const [reason, length] of coveredByReason) {
    if (reason !== 'fragment' && length > bestLength) {
      best = reason;
      bestLength = length;
    }
  }
  return best ?? 'fragment';
}

/** Sorts span candidates and merges those that overlap or are separated only by spaces and punctuation. */
function mergeSpans(spans: Candidate[], paragraph: ParagraphView): Candidate[] {
  const sorted = [...spans].sort((left, right) => left.start - right.start || right.end - left.end);
  const merged: Array<Candidate & { lengths: Map<string, number> }> = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    const gap =
      previous === undefined
        ? ''
        : paragraphText(paragraph, previous.end, Math.max(previous.end, span.start));
    if (previous !== undefined && (span.start <= previous.end || /^[\s\p{P}]*$/u.test(gap))) {
      previous.end = Math.max(previous.end, span.end);
      previous.lengths.set(span.reason, (previous.lengths.get(span.reason) ?? 0) + (span.end - span.start));
    } else {
      merged.push({ ...span, lengths: new Map([[span.reason, span.end - span.start]]) });
    }
  }
  return merged.map(({ start, end, lengths }) => {
    const [reason] = [...lengths].sort((left, right) => right[1] - left[1])[0] ?? ['fragment'];
    const trimmed = trimRange(paragraph, start, end);
    return { start: trimmed[0], end: trimmed[1], reason, whole: false };
  });
}

/** The trimmed, non-empty pieces of a paragraph between the given (sorted, disjoint) spans. */
function complement(spans: Candidate[], paragraph: ParagraphView): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let cursor = paragraph.start;
  for (const span of [...spans, { start: paragraph.end, end: paragraph.end }]) {
    const [start, end] = trimRange(paragraph, cursor, span.start);
    if (end > start) pieces.push([start, end]);
    cursor = Math.max(cursor, span.end);
  }
  return pieces;
}

/**
 * The body's paragraphs as {@link splitParagraphs} finds them, except in hard-wrapped text (most lines broken
 * mid-sentence by a single line break), where only blank lines separate paragraphs: otherwise every wrapped
 * line that happens to end before a capital would look like an unfinished headline and be dropped.
 */
function paragraphsOf(body: string): Array<[number, number]> {
  const paragraphs = splitParagraphs(body);
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const wrappedBreaks = [...body.matchAll(/[^\s.!?:"'”’)\]][ \t]*\n(?=[ \t]*\S)/gu)].length;
  if (wrappedBreaks < 3 || wrappedBreaks < lines.length * 0.3) return paragraphs;
  const merged: Array<[number, number]> = [];
  for (const paragraph of paragraphs) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && !/\n[ \t]*\n/.test(body.slice(previous[1], paragraph[0]))) {
      previous[1] = paragraph[1];
    } else {
      merged.push([paragraph[0], paragraph[1]]);
    }
  }
  return merged;
}

/** Whether a text ends like a sentence: `.`, `!`, `?` or `…`, possibly inside closing quotes or brackets. */
/**
 * An excerpt cut mid-sentence: an ellipsis right after a word no sentence ends on ("… three presidents
 * in...", "… since troops no…"). Scrapers and aggregators leave these at the end of teasers.
 */
const TRUNCATED_END =
  /(?:^|\s)(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|nor|as|that|this|these|those|his|her|its|their|our|my|your|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|not|no|than|into|about|who|which|whose|when|while|after|before)\s?(?:\.{3}|…)$/iu;

/** Words of a sentence the page cut off before its end that still make it one (see {@link readsAsSentence}). */
const CUT_SENTENCE_MIN_WORDS = 12;

/**
 * Whether a piece is a sentence: finished, or a long run of prose the page cut off mid-clause ("… the
 * actress checked into Betty Ford Center in Rancho Mirage, Calif,"). Mostly lower-case words tell prose
 * from a menu or a headline, which capitalise most of theirs.
 */
function readsAsSentence(text: string): boolean {
  if (isTerminated(text)) return true;
  const words = text.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  // Cut after a comma or inside a clause ("… and the"), not after a name, as a headline ends.
  if (words.length < CUT_SENTENCE_MIN_WORDS || !/(?:[,;]|(?:^|\s)\p{Ll}[\p{L}'’-]*)\s*$/u.test(text))
    return false;
  const lower = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  return lower >= words.length * 0.5;
}

function isTerminated(text: string): boolean {
  const trimmed = text.replace(/[\s"'”’)\]»」』》）]+$/u, '');
  if (TRUNCATED_END.test(trimmed)) return false;
  // Latin, CJK, Devanagari and Arabic sentence ends.
  if (/[.!?…。．！？｡।॥؟۔]$/u.test(trimmed)) return true;
  // A lead-in such as "The ministry said in a statement:" introduces the next paragraph.
  return trimmed.endsWith(':') && wordCount(trimmed) >= 4;
}

/** Where the credit at the end of a paragraph starts (relative to the paragraph), if it ends with one. */
/** How far from a paragraph's end a credit may start: the end-anchored patterns backtrack over the whole text otherwise. */
const CREDIT_TAIL_CHARACTERS = 160;

function creditTail(text: string): number | undefined {
  let offset = Math.max(0, text.length - CREDIT_TAIL_CHARACTERS);
  // Start the window at a word boundary so that a pattern's `^` cannot match inside a word.
  if (offset > 0) offset = text.indexOf(' ', offset) + 1 || text.length;
  const tail = text.slice(offset);
  let earliest: number | undefined;
  for (const pattern of CREDIT_TAILS) {
    const match = pattern.exec(tail);
    if (match === null) continue;
    if (earliest === undefined || match.index < earliest) earliest = match.index;
  }
  return earliest === undefined ? undefined : offset + earliest;
}

function spansOf(paragraph: ParagraphView, pattern: RegExp, reason: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of paragraph.text.matchAll(pattern)) {
    if (match[0].trim() === '') continue;
    const start = paragraph.start + (match.index ?? 0);
    candidates.push({ start, end: start + match[0].length, reason, whole: false });
  }
  return candidates;
}

function whole(paragraph: ParagraphView, reason: string): Candidate {
  return { start: paragraph.start, end: paragraph.end, reason, whole: true };
}

function paragraphText(paragraph: ParagraphView, start: number, end: number): string {
  return paragraph.text.slice(start - paragraph.start, end - paragraph.start);
}

function trimRange(paragraph: ParagraphView, start: number, end: number): [number, number] {
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && /\s/u.test(paragraph.text[trimmedStart - paragraph.start] ?? ''))
    trimmedStart++;
  while (trimmedEnd > trimmedStart && /\s/u.test(paragraph.text[trimmedEnd - 1 - paragraph.start] ?? ''))
    trimmedEnd--;
  return [trimmedStart, trimmedEnd];
}

function visibleLength(text: string): number {
  return text.replace(/\s+/gu, '').length;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) ?? []).length;
}
