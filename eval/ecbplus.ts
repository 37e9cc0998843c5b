/**
 * The ECB+ corpus as the gold evaluations read it: `docs.jsonl` (one document a line: its gold story, its
 * sentences and the text they make) and the CROMER XML beside it (`xml/<topic>/<doc>.xml`: tokens with
 * `t_id`/`sentence`/`number`, markables anchored to token ids, `CROSS_DOC_COREF` and `INTRA_DOC_COREF`
 * relations). One reader serves every evaluation so that they agree on what the annotation says; each
 * takes its own view of it ({@link coreferenceChains} for entity merging, {@link crossDocumentMentions} for
 * claim alignment).
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataAvailable, dataPath } from './data-paths.js';

/** ECB+ documents, one JSON object a line. */
export const ECBPLUS_DOCUMENTS = dataPath('ecbplus', 'docs.jsonl');
/** The CROMER XML of the same documents, `xml/<topic>/<doc>.xml`. */
export const ECBPLUS_XML = dataPath('ecbplus', 'xml');

/** Whether the ECB+ documents and their XML are both present. */
export function ecbplusAvailable(): boolean {
  return dataAvailable(ECBPLUS_DOCUMENTS, ECBPLUS_XML);
}

/** One line of `docs.jsonl`: a document, the gold story it belongs to and its text. */
export interface EcbplusDocument {
  /** Document id, `<topic>_<n><ecb|ecbplus>` (`1_10ecb`); also the XML file's name. */
  doc: string;
  topic: number;
  /** Gold story, `<topic>_<ecb|ecbplus>`. */
  story: string;
  /** The corpus's sentences, detokenised. */
  sentences: string[];
  /** The sentences joined by newlines. */
  text: string;
}

/** Reads every document of `docs.jsonl`, in file order. */
export function readEcbplusDocuments(): EcbplusDocument[] {
  return readFileSync(ECBPLUS_DOCUMENTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EcbplusDocument);
}

/**
 * Reads and parses the CROMER XML of one document.
 * @param document - the document's id and topic, which locate its file
 */
export function readCromer(document: Pick<EcbplusDocument, 'doc' | 'topic'>): CromerDocument {
  return parseCromer(
    readFileSync(path.join(ECBPLUS_XML, String(document.topic), `${document.doc}.xml`), 'utf8'),
  );
}

/** One token of a CROMER document. */
export interface CromerToken {
  id: number;
  /** Sentence index in the document, from 0: the index into `docs.jsonl`'s `sentences`. */
  sentence: number;
  text: string;
}

/** One markable anchored to tokens: a mention, with its tag and tokens (in document order). */
export interface CromerMarkable {
  id: number;
  tag: string;
  tokens: number[];
}

/**
 * A markable carrying an `instance_id`: in ECB+ these are the token-less targets of `CROSS_DOC_COREF`
 * relations, standing for one real event or entity across every document of a topic.
 */
export interface CromerInstance {
  /** The instance id shared across documents (`HUM16236184328979740`). */
  instance: string;
  /** The instance's tag: ECB+ gives it precedence over the tags of the mentions pointing at it. */
  tag: string;
  /** The annotators' descriptor (`t1b_tara_reid`), where given. */
  descriptor?: string;
}

/** One coreference relation: its members as markable ids, in document order. */
export interface CromerRelation {
  kind: 'CROSS_DOC_COREF' | 'INTRA_DOC_COREF';
  /** The relation's `r_id`. */
  id: string;
  /** A cross-document relation's `note`: the instance id of its target. */
  note?: string;
  sources: number[];
  targets: number[];
}

/** What the evaluations use of one CROMER XML document. */
export interface CromerDocument {
  tokens: CromerToken[];
  /** Markables with at least one token anchor, in document order. */
  markables: CromerMarkable[];
  /** Markables carrying an instance id, by markable id. */
  instances: Map<number, CromerInstance>;
  /** Coreference relations in document order; other relation kinds are left out. */
  relations: CromerRelation[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
}

function attributesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
}

/**
 * Parses a CROMER XML document. Regular expressions suffice: the export is machine-written, one element a
 * line, with no nesting beyond markable → token anchors and relation → members. Attribute values are kept
 * as written, since ids and descriptors carry no XML entities; token text is unescaped.
 * @param xml - the document's XML text
 */
export function parseCromer(xml: string): CromerDocument {
  const tokens: CromerToken[] = [];
  for (const match of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const attributes = attributesOf(match[1]!);
    tokens.push({
      id: Number(attributes.get('t_id')),
      sentence: Number(attributes.get('sentence')),
      text: decodeXml(match[2]!),
    });
  }
  const markables: CromerMarkable[] = [];
  const instances = new Map<number, CromerInstance>();
  const markableBlock = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  let open: CromerMarkable | undefined;
  for (const match of markableBlock.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>/g)) {
    const [, closing, tag = '', rest = '', selfClosing] = match;
    if (closing === '/') {
      // A markable without anchors marks no text: no mention.
      if (open !== undefined && open.tokens.length > 0) markables.push(open);
      open = undefined;
      continue;
    }
    const attributes = attributesOf(rest);
    if (tag === 'token_anchor') {
      open?.tokens.push(Number(attributes.get('t_id')));
      continue;
    }
    const id = attributes.get('m_id');
    if (id === undefined) continue;
    const instance = attributes.get('instance_id');
    if (instance !== undefined) {
      const entry: CromerInstance = { instance, tag };
      const descriptor = attributes.get('TAG_DESCRIPTOR');
      if (descriptor !== undefined) entry.descriptor = descriptor;
      instances.set(Number(id), entry);
    }
    if (selfClosing !== '/') open = { id: Number(id), tag, tokens: [] };
  }
  const relations: CromerRelation[] = [];
  const relationBlock = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  for (const match of relationBlock.matchAll(
    /<(CROSS_DOC_COREF|INTRA_DOC_COREF)\b([^>]*)>([\s\S]*?)<\/\1>/g,
  )) {
    const attributes = attributesOf(match[2]!);
    const relation: CromerRelation = {
      kind: match[1] as CromerRelation['kind'],
      id: attributes.get('r_id') ?? '',
      sources: [],
      targets: [],
    };
    const note = attributes.get('note');
    if (note !== undefined) relation.note = note;
    for (const member of match[3]!.matchAll(/<(source|target)\s+m_id="(\d+)"/g))
      (member[1] === 'source' ? relation.sources : relation.targets).push(Number(member[2]));
    relations.push(relation);
  }
  return { tokens, markables, instances, relations };
}

/** How many sentences a document has: one past the highest sentence index of its tokens. */
export function sentenceCount(document: CromerDocument): number {
  let count = 0;
  for (const token of document.tokens) count = Math.max(count, token.sentence + 1);
  return count;
}

/**
 * The gold entity of each coreferent mention: the cross-document instance id (the relation's `note`, or
 * `cross:<r_id>` without one), or for a within-document chain `intra:<r_id>` (unique within the document
 * only: callers that mix documents must qualify it). Mentions in no chain are absent: ECB+ leaves them
 * unlinked rather than singletons.
 * @param document - the parsed document
 */
export function coreferenceChains(document: CromerDocument): Map<number, string> {
  const anchored = new Set(document.markables.map((markable) => markable.id));
  const chainOf = new Map<number, string>();
  for (const relation of document.relations) {
    const cross = relation.kind === 'CROSS_DOC_COREF';
    const chain = cross ? (relation.note ?? `cross:${relation.id}`) : `intra:${relation.id}`;
    // A cross-document target is the instance markable, no mention; a within-document one is a mention too.
    const members = cross ? relation.sources : [...relation.sources, ...relation.targets];
    for (const id of members) if (anchored.has(id)) chainOf.set(id, chain);
  }
  return chainOf;
}

/**
 * Instance id → the annotators' descriptor (`t1b_tara_reid`), to name gold entities in reports.
 * @param document - the parsed document
 */
export function instanceDescriptors(document: CromerDocument): Map<string, string> {
  const descriptors = new Map<string, string>();
  for (const entry of document.instances.values())
    if (entry.descriptor !== undefined) descriptors.set(entry.instance, entry.descriptor);
  return descriptors;
}

/** One cross-document coreference mention: the sentence it stands in, its instance and the instance's tag. */
export interface InstanceMention {
  sentence: number;
  instance: string;
  /** The instance's tag (ACTION_OCCURRENCE, HUMAN_PART_PER, …): ECB+ gives it precedence over the mention's own. */
  type: string;
}

/**
 * The mentions of cross-document instances by sentence, in relation order. Within-document relations are
 * left out: they link no two documents. A mention whose tokens span two sentences counts in each.
 * @param document - the parsed document
 */
export function crossDocumentMentions(document: CromerDocument): InstanceMention[] {
  const sentenceOf = new Map(document.tokens.map((token) => [token.id, token.sentence]));
  const anchorsOf = new Map(document.markables.map((markable) => [markable.id, markable.tokens]));
  const mentions: InstanceMention[] = [];
  for (const relation of document.relations) {
    if (relation.kind !== 'CROSS_DOC_COREF') continue;
    const target = relation.targets[0];
    const instance = target === undefined ? undefined : document.instances.get(target);
    // The instance, not the note, types the chain; a target without an instance id names nothing.
    if (instance === undefined || instance.instance === '') continue;
    for (const source of relation.sources) {
      const sentences = new Set(
        (anchorsOf.get(source) ?? [])
          .map((token) => sentenceOf.get(token))
          .filter((sentence): sentence is number => sentence !== undefined),
      );
      for (const sentence of sentences)
        mentions.push({ sentence, instance: instance.instance, type: instance.tag });
    }
  }
  return mentions;
}

/** A half-open character range. */
export interface CharacterSpan {
  start: number;
  end: number;
}

/**
 * Character spans of the tokens in a text made by joining them with light detokenisation (`docs.jsonl`):
 * each token is found at or shortly after the previous one's end. Undefined where a token was not found.
 * @param text - the joined text
 * @param tokens - the token strings in order
 */
export function locateTokens(text: string, tokens: readonly string[]): Array<CharacterSpan | undefined> {
  const spans: Array<CharacterSpan | undefined> = [];
  let cursor = 0;
  // Characters a token the joiner rewrote ("``" written '"') may leave before the next one.
  let slack = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, cursor);
    // Only whitespace may stand between two tokens, plus what a rewritten token left.
    if (at < 0 || text.slice(cursor, at).trim().length > slack) {
      spans.push(undefined);
      slack += token.length;
      continue;
    }
    spans.push({ start: at, end: at + token.length });
    cursor = at + token.length;
    slack = 0;
  }
  return spans;
}
