/**
 * The shape of WordNet as crosscheck holds it: flat typed arrays (lemmas, senses, synset members,
 * pointers, morphological exceptions) that a cache file stores as they are. Shared by the reader of the
 * dictionary files (wordnet-source.ts), the cache (wordnet-cache.ts) and the pure queries (wordnet.ts).
 * @packageDocumentation
 */
import type { WordIndexParts } from './word-index.js';

/** Parts of speech, as stored (satellite adjectives are adjectives). */
export enum PartOfSpeech {
  Noun = 1,
  Verb = 2,
  Adjective = 3,
  Adverb = 4,
}

/** The parts of speech in the order their senses are stored. */
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = [
  PartOfSpeech.Noun,
  PartOfSpeech.Verb,
  PartOfSpeech.Adjective,
  PartOfSpeech.Adverb,
];

/**
 * WordNet pointer symbols, in a fixed order: a relation is stored as its position here, so the order is
 * part of the cache format (append only).
 */
export const POINTER_SYMBOLS = [
  '!', // antonym
  '@', // hypernym
  '@i', // instance hypernym
  '~', // hyponym
  '~i', // instance hyponym
  '#m', // member holonym
  '#s', // substance holonym
  '#p', // part holonym
  '%m', // member meronym
  '%s', // substance meronym
  '%p', // part meronym
  '=', // attribute
  '+', // derivationally related form
  ';c', // domain of synset: topic
  '-c', // member of this domain: topic
  ';r', // domain: region
  '-r', // member: region
  ';u', // domain: usage
  '-u', // member: usage
  '*', // entailment
  '>', // cause
  '^', // also see
  '$', // verb group
  '&', // similar to
  '<', // participle of verb
  '\\', // pertainym (adjectives), derived from adjective (adverbs)
] as const;

/** A WordNet relation: one of {@link POINTER_SYMBOLS}. */
export type PointerSymbol = (typeof POINTER_SYMBOLS)[number];

/** WordNet as arrays. Synsets and lemmas are numbered from 0. */
export interface WordNetData {
  /** Every lemma (lower case, spaces as `_`), by id. */
  lemmas: WordIndexParts;
  /** Per lemma `l`, its synsets are `senses[senseStart[l]..senseStart[l+1]]`: nouns, verbs, adjectives, adverbs, each most frequent sense first. */
  senseStart: Uint32Array;
  senses: Uint32Array;
  /** Per synset, its {@link PartOfSpeech}. */
  synsetPos: Uint8Array;
  /** Per synset `s`, its member lemma ids are `members[memberStart[s]..memberStart[s+1]]`, in WordNet's order. */
  memberStart: Uint32Array;
  members: Uint32Array;
  /**
   * Per synset `s`, its pointers are positions `pointerStart[s]..pointerStart[s+1]` of `pointerTargets`
   * (the target synset) and `pointerInfo` (relation index << 16 | source word << 8 | target word, the
   * words numbered from 1 in their synsets, 0 for a pointer between whole synsets).
   */
  pointerStart: Uint32Array;
  pointerTargets: Uint32Array;
  pointerInfo: Uint32Array;
  /** Irregular inflections (`went`, `mice`, `better`): the forms, then per form its bases as `pos << 24 | lemma id`. */
  exceptionForms: WordIndexParts;
  exceptionStart: Uint32Array;
  exceptionBases: Uint32Array;
}
