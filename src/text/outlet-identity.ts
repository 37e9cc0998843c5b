/**
 * Which outlet published an article, read from the article itself when its metadata does not say: the
 * site of its URL, the outlet's own boilerplate (a newsletter sign-up box, a copyright line) and the tag a
 * wire story opens with ("(Reuters) -"). Each answer says what it was read from, so that a report can tell
 * a reader why a source carries its name.
 *
 * The false clues are what the patterns are shaped around: a photo credit ("… REUTERS", "- Yonhap",
 * "Photo: AP") names the picture's agency, and an agency the article quotes ("KCNA reported") is a source
 * of the story, not its publisher. Neither stands where a publisher names itself (a tag opening the
 * story, a sign-up box, a copyright line), so neither is read.
 * @packageDocumentation
 */
import { isGeneratedName } from './generated-name.js';
import { OUTLETS_BY_DOMAIN, SECOND_LEVEL_SUFFIXES, WIRE_TAGS } from './known-outlets.js';

/** What an outlet's name was read from. */
export type OutletClueKind = 'known-site' | 'site' | 'newsletter' | 'copyright' | 'wire-tag';

/** An outlet named by the article, with the clue it was read from. */
export interface OutletClue {
  outlet: string;
  from: OutletClueKind;
  /** The text the name was read from: the URL's host, the sentence of the box, the line, the tag. */
  evidence: string;
}

/** What {@link identifyOutlet} reads: the body and, when known, the article's address. */
export interface OutletEvidence {
  body: string;
  url?: string;
}

/**
 * The outlet an article names, strongest clue first: its URL's site when the site is a known outlet; the
 * outlet's own newsletter box or copyright line; the registrable domain of its URL (a page of
 * `courier.example` is the Courier's, even when it carries a wire story); the wire tag opening the
 * story; else undefined. A leading URL line of a plain-text body counts as its URL.
 * @param article - the body and URL of the article
 */
export function identifyOutlet(article: OutletEvidence): OutletClue | undefined {
  const site = outletOfSite(article.url ?? leadingUrl(article.body));
  if (site?.from === 'known-site') return site;
  return boilerplateOutlet(article.body) ?? site ?? wireTagOutlet(article.body);
}

/**
 * How a report says what the name was read from: `the newsletter box "…"`, `the site theguardian.com`.
 * @param clue - a clue found by {@link identifyOutlet}
 */
export function describeOutletClue(clue: OutletClue): string {
  const evidence = clue.evidence.length > 80 ? `${clue.evidence.slice(0, 77)}…` : clue.evidence;
  switch (clue.from) {
    case 'known-site':
      return `the site of its URL, ${evidence}`;
    case 'site':
      return `the domain of its URL, ${evidence}`;
    case 'newsletter':
      return `its newsletter box "${evidence}"`;
    case 'copyright':
      return `its copyright line "${evidence}"`;
    case 'wire-tag':
      return `the wire tag opening the story "${evidence}"`;
  }
}

/**
 * The outlet of a web address: the known outlet of its host or registrable domain, else that domain.
 * @param url - an http(s) URL; anything else gives undefined
 */
export function outletOfSite(url: string | undefined): OutletClue | undefined {
  const host = httpHost(url);
  if (host === undefined) return undefined;
  const domain = registrableDomain(host);
  const known = OUTLETS_BY_DOMAIN.get(host) ?? OUTLETS_BY_DOMAIN.get(domain);
  if (known !== undefined) return { outlet: known, from: 'known-site', evidence: host };
  // An address without a dot (localhost) or a bare IP address names no outlet.
  if (!domain.includes('.') || /^[\d.]+$|:/.test(domain)) return undefined;
  return { outlet: domain, from: 'site', evidence: host };
}

/**
 * The part of a host name a site registers: the last two labels, or three under a country's second
 * level ("bbc.co.uk"). `www.`, `edition.`, `news.` and other subdomains fall away.
 * @param host - a lower-case host name
 */
export function registrableDomain(host: string): string {
  const labels = host.replace(/\.$/, '').split('.');
  const lastTwo = labels.slice(-2).join('.');
  return labels.length > 2 && SECOND_LEVEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

function httpHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** A plain-text body that opens with its address on a line of its own. */
function leadingUrl(body: string): string | undefined {
  const first = /^\s*(https?:\/\/\S+)\s*(?:\n|$)/i.exec(body);
  return first?.[1];
}

/**
 * A name as outlets write their own: capitalised words, optionally after "The", joined by "of", "&" or
 * "and" ("The Sydney Morning Herald", "Guardian News & Media"). No "'s": the possessive is not the name.
 */
/** A capitalised word of a name; a dot only inside it ("U.S."), so a sentence's stop ends the name. */
const WORD = String.raw`\p{Lu}(?:[\p{L}\p{N}&-]|\.(?=\p{L}))*`;

const NAME = `(?:The |the )?${WORD}(?:(?: of| and| &| on)? ${WORD}){0,5}`;

/** A paragraph is a sign-up box when it asks the reader to subscribe or give an address. */
const SIGN_UP = /\bsign(?:ing)? up\b|\bsubscri(?:be|ption)\b|\bnewsletters?\b|\be-?mail(?:ed|s)?\b/i;

/** Where a sign-up box names the outlet that sends the mail. */
const NEWSLETTER_PATTERNS: readonly RegExp[] = [
  // "I would like to be emailed about offers, events and updates from The Independent."
  new RegExp(String.raw`\b(?:offers|updates|news|alerts|emails?)\b[^.\n]{0,60}?\bfrom (${NAME})`, 'u'),
  // "Sign up to The Independent's free morning newsletter", "Sign up for Politico's Playbook newsletter"
  new RegExp(
    String.raw`\b[Ss]ign up\b[^.\n]{0,60}?\b(${NAME})['’]s?\b[^.\n]{0,60}?\b(?:newsletters?|e-?mails?|bulletin|briefing)\b`,
    'u',
  ),
  // "The Guardian's Morning Mail newsletter", in a box that asks for an address
  new RegExp(String.raw`(${NAME})['’]s (?:free |daily |weekly )?[\p{L} -]{0,40}?\bnewsletter\b`, 'u'),
];

/** Words of a caption or credit line: a copyright there is the picture's, not the article's. */
const PICTURE_CREDIT = /\b(?:photo(?:graph)?s?|pictures?|pic|image|video|getty|file|credit|illustration)\b/i;

/**
 * "© 2024 The Guardian", "Copyright 2024 The Associated Press. All rights reserved.", "© Guardian News &
 * Media Limited 2024": a line of its own, with a year or "All rights reserved" so that a bare "© Reuters"
 * under a picture is not taken for the article's.
 */
const COPYRIGHT_LINE = new RegExp(
  String.raw`^\s*(?:(?:[Cc]opyright|COPYRIGHT)\s*(?:©|\([Cc]\))?|©|\([Cc]\))\s*(?<year>(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\s*,?\s*)?(?<name>${NAME})(?:,? (?:Ltd|Limited|Inc|LLC|plc)\.?)?\s*(?<after>(?:19|20)\d{2})?\s*[.,]?\s*(?<reserved>[Aa]ll [Rr]ights [Rr]eserved\.?)?\s*$`,
  'u',
);

/** The outlet's own boilerplate: a newsletter sign-up box or a copyright line. */
function boilerplateOutlet(body: string): OutletClue | undefined {
  for (const paragraph of body.split(/\n+/)) {
    if (!SIGN_UP.test(paragraph)) continue;
    for (const pattern of NEWSLETTER_PATTERNS) {
      const match = pattern.exec(paragraph);
      const name = match?.[1] === undefined ? undefined : cleanName(match[1]);
      if (match !== null && name !== undefined)
        return { outlet: name, from: 'newsletter', evidence: match[0] };
    }
  }
  for (const line of body.split('\n')) {
    if (line.length > 160 || PICTURE_CREDIT.test(line)) continue;
    const match = COPYRIGHT_LINE.exec(line);
    const groups = match?.groups;
    if (groups === undefined || groups.name === undefined) continue;
    const dated = groups.year !== undefined || groups.after !== undefined || groups.reserved !== undefined;
    const name = cleanName(groups.name);
    if (dated && name !== undefined) return { outlet: name, from: 'copyright', evidence: line.trim() };
  }
  return undefined;
}

/** Lines of the top of a body where the story's first paragraph (and its wire tag) may stand. */
const WIRE_TAG_LINES = 6;

/**
 * "(Reuters) -", "WASHINGTON (AFP) -", "LONDON, Feb 20 (Reuters) -", "SEOUL (AP) —" at the start of a
 * paragraph near the top: a dateline city in capitals, maybe a date, the tag in brackets, a dash.
 */
const WIRE_TAG =
  /^\s*(?:\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*[\p{L}\p{N}. ]{1,30})?\s+)?\((\p{Lu}[\p{L}&. ]{0,30}?)\)\s*[-—–:]\s*\S/u;

/** The wire agency whose copy the story is, by the tag opening its first paragraph. */
function wireTagOutlet(body: string): OutletClue | undefined {
  const lines = body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, WIRE_TAG_LINES);
  for (const line of lines) {
    const match = WIRE_TAG.exec(line);
    const tag = match?.[1]?.trim();
    if (match === null || tag === undefined) continue;
    const known = WIRE_TAGS.get(tag.toLowerCase());
    // An unlisted tag is read only as an acronym ("(CNA) -", "(RTHK) -"): "(Updated) -" or "(Video) -"
    // are a page's labels, not agencies.
    const outlet = known ?? (/^\p{Lu}{2,6}$/u.test(tag) ? tag : undefined);
    const end = match[0].length - 1;
    if (outlet !== undefined) return { outlet, from: 'wire-tag', evidence: line.slice(0, end).trim() };
  }
  return undefined;
}

/** Words a name pattern may run into that are not part of the name. */
const TRAILING_WORDS = /(?:\s+(?:and|of|on|&))+$/;

/** The name without trailing joiners, or undefined for a name that is a sentence word. */
function cleanName(raw: string): string | undefined {
  const name = raw
    .replace(/[.,]+$/, '')
    .replace(TRAILING_WORDS, '')
    .trim();
  if (name === '' || /^(?:The|the|Our|We|You|I)$/.test(name)) return undefined;
  return name.startsWith('the ') ? `The ${name.slice(4)}` : name;
}

/** What can name a source to a reader when it has no outlet. */
export interface NamedSource {
  id: string;
  outlet?: string;
  path?: string;
  title?: string;
}

/** Titles shown as a source's name are cut to this many characters. */
const TITLE_LABEL_CHARS = 60;

/**
 * How a source is named to a reader: its outlet; else its file name without a generated part
 * ("000_2f3df334388c028e.txt" → "000.txt"); else its title; else its id when a person chose it;
 * else undefined (the caller numbers it). Never a content hash.
 * @param source - the source's id, outlet, path and title
 */
export function readableSourceName(source: NamedSource): string | undefined {
  if (source.outlet !== undefined && source.outlet.trim() !== '') return source.outlet;
  const file = source.path === undefined ? undefined : readableFileName(source.path);
  if (file !== undefined && /\p{L}/u.test(file.replace(/\.[^.]*$/, ''))) return file;
  const title = source.title?.replace(/\s+/g, ' ').trim();
  if (title !== undefined && title !== '')
    return title.length > TITLE_LABEL_CHARS ? `${title.slice(0, TITLE_LABEL_CHARS - 1)}…` : title;
  if (file !== undefined) return file;
  return isGeneratedName(source.id) ? undefined : source.id;
}

/**
 * A file's name without folders and without the runs of hex digits a generator put in it (a content
 * hash, a UUID), or undefined when nothing readable is left.
 * @param path - a file path
 */
export function readableFileName(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? base.slice(dot) : '';
  const kept = stem
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '')
    .replace(/[0-9a-f]{8,}/gi, '')
    .replace(/[_\-. ]{2,}/g, '_')
    .replace(/^[_\-. ]+|[_\-. ]+$/g, '');
  if (kept === '' || kept.length > 40) return undefined;
  return `${kept}${extension}`;
}
