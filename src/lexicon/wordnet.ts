/**
 * Queries over WordNet held as {@link WordNetData}: base forms by WordNet's own morphology (exception
 * lists, then detachment rules), synonyms, hypernyms, derivationally related forms, and a graded
 * relatedness of two words. Pure: built from arrays, never reads files (see wordnet-cache.ts).
 * @packageDocumentation
 */
import { WordIndex } from './word-index.js';
import {
  PARTS_OF_SPEECH,
  PartOfSpeech,
  POINTER_SYMBOLS,
  type PointerSymbol,
  type WordNetData,
} from './wordnet-data.js';

/** A base form of a word in one part of speech. */
export interface BaseForm {
  lemma: string;
  pos: PartOfSpeech;
}

/**
 * WordNet's detachment rules (morphy): an inflected ending and what replaces it, tried when a form is
 * not in the exception list. Order matters only for the order of results.
 */
const DETACHMENT_RULES: Readonly<Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>>> = {
  [PartOfSpeech.Noun]: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  [PartOfSpeech.Verb]: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  [PartOfSpeech.Adjective]: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  [PartOfSpeech.Adverb]: [],
};

const relation = (symbol: PointerSymbol): number => POINTER_SYMBOLS.indexOf(symbol);

/**
 * Relations that keep the meaning of a word while changing its form or its angle: a reporter may write
 * either side for the same fact ("killed" / "died", "death" / "dead", "lavish" / "luxurious").
 * Hypernyms are apart: "car" / "vehicle" is the same thing, "car" / "truck" (their sister) is not.
 */
const MEANING_RELATIONS = new Set(
  (['+', '<', '\\', '&', '>', '*', '=', '$', '^'] as const).map((symbol) => relation(symbol)),
);
/** Longer paths join nearly anything: three steps already reach "ban" from "bar". */
const MAX_MEANING_STEPS = 3;
const HYPERNYM = relation('@');
const INSTANCE_HYPERNYM = relation('@i');
const ANTONYM = relation('!');
const SIMILAR = relation('&');

/** How two words are related in WordNet, strongest first. */
export type WordNetRelation =
  /** One base form (`killed` / `kills`). */
  | 'same-lemma'
  /** In one synset (`quake` / `earthquake`). */
  | 'synonym'
  /** One step of {@link MEANING_RELATIONS} (`die` / `death`, `kill` causes `die`). */
  | 'derivation'
  /** One is the other's direct hypernym (`car` / `vehicle`). */
  | 'hypernym'
  /** Two or three steps of meaning relations (`dead` / `death` / `die`). */
  | 'related'
  /** Antonyms, or senses of one direct hypernym that are not synonyms (`year` / `month`): alternatives, not paraphrases. */
  | 'contrast'
  /** Both known, no relation found within the steps searched. */
  | 'unrelated'
  /** One of the words is not in WordNet. */
  | 'unknown';

/** The outcome of {@link WordNet.relatedness}. */
export interface WordNetRelatedness {
  relation: WordNetRelation;
  /** Steps between the nearest senses (0 for same lemma and synonyms). */
  steps: number;
}

/** WordNet lookups over arrays. */
export class WordNet {
  private readonly lemmas: WordIndex;
  private readonly exceptionForms: WordIndex;

  /** @param data - the arrays, shared, never copied */
  constructor(private readonly data: WordNetData) {
    this.lemmas = new WordIndex(data.lemmas);
    this.exceptionForms = new WordIndex(data.exceptionForms);
  }

  /** Number of synsets. */
  get synsetCount(): number {
    return this.data.synsetPos.length;
  }

  /**
   * The base forms of a word in every part of speech where WordNet has it, as morphy finds them: the
   * word itself, its exception-list bases, and the results of the detachment rules that are lemmas of
   * that part of speech. Lower-cases the word; multi-word lemmas take `_` or spaces.
   */
  baseForms(word: string): BaseForm[] {
    const form = word.toLowerCase().trim().replace(/ +/g, '_');
    const found: BaseForm[] = [];
    const add = (lemma: string, pos: PartOfSpeech): void => {
      if (found.some((entry) => entry.lemma === lemma && entry.pos === pos)) return;
      const id = this.lemmas.get(lemma);
      if (id !== undefined && this.hasSenseIn(id, pos)) found.push({ lemma, pos });
    };
    const exception = this.exceptionForms.get(form);
    for (const pos of PARTS_OF_SPEECH) {
      add(form, pos);
      if (exception !== undefined) {
        const { exceptionStart, exceptionBases } = this.data;
        for (let at = exceptionStart[exception]!; at < exceptionStart[exception + 1]!; at++) {
          const entry = exceptionBases[at]!;
          if (entry >>> 24 === pos) add(this.lemmas.word(entry & 0xffffff), pos);
        }
      }
      for (const [ending, replacement] of DETACHMENT_RULES[pos]) {
        if (form.length > ending.length && form.endsWith(ending)) {
          add(form.slice(0, form.length - ending.length) + replacement, pos);
        }
      }
    }
    return found;
  }

  /** Whether WordNet knows the word in any form. */
  has(word: string): boolean {
    return this.baseForms(word).length > 0;
  }

  /**
   * The synsets of a word's base forms (most frequent sense first within each part of speech), optionally
   * of one part of speech.
   */
  synsets(word: string, pos?: PartOfSpeech): number[] {
    const result: number[] = [];
    for (const base of this.baseForms(word)) {
      if (pos !== undefined && base.pos !== pos) continue;
      const id = this.lemmas.get(base.lemma)!;
      for (const synset of this.sensesOf(id))
        if (this.data.synsetPos[synset] === base.pos) result.push(synset);
    }
    return [...new Set(result)];
  }

  /** The lemmas of a synset, in WordNet's order. */
  synsetLemmas(synset: number): string[] {
    const { memberStart, members } = this.data;
    const result: string[] = [];
    for (let at = memberStart[synset]!; at < memberStart[synset + 1]!; at++)
      result.push(this.lemmas.word(members[at]!));
    return result;
  }

  /** The words sharing a synset with any sense of the word (without its own base forms). */
  synonyms(word: string): string[] {
    const own = new Set(this.baseForms(word).map((base) => base.lemma));
    const result = new Set<string>();
    for (const synset of this.synsets(word)) {
      for (const lemma of this.synsetLemmas(synset)) if (!own.has(lemma)) result.add(lemma);
    }
    return [...result];
  }

  /** The lemmas of the direct hypernyms (and instance hypernyms) of every sense of the word. */
  hypernyms(word: string): string[] {
    const result = new Set<string>();
    for (const synset of this.synsets(word)) {
      this.forEachPointer(synset, (target, kind) => {
        if (kind === HYPERNYM || kind === INSTANCE_HYPERNYM)
          for (const lemma of this.synsetLemmas(target)) result.add(lemma);
      });
    }
    return [...result];
  }

  /**
   * Derivationally related forms of the word (`death` → `die`, `dead`…): the targets of its lexical
   * derivation, participle and pertainym pointers, the word-specific ones only.
   */
  derivations(word: string): string[] {
    const result = new Set<string>();
    const derivational = new Set([relation('+'), relation('<'), relation('\\')]);
    for (const base of this.baseForms(word)) {
      const id = this.lemmas.get(base.lemma)!;
      for (const synset of this.sensesOf(id)) {
        if (this.data.synsetPos[synset] !== base.pos) continue;
        const position = this.memberPosition(synset, id);
        this.forEachPointer(synset, (target, kind, sourceWord, targetWord) => {
          if (!derivational.has(kind) || sourceWord !== position) return;
          const lemmas = this.synsetLemmas(target);
          const lemma = targetWord === 0 ? undefined : lemmas[targetWord - 1];
          for (const reached of lemma === undefined ? lemmas : [lemma]) result.add(reached);
        });
      }
    }
    return [...result];
  }

  /**
   * How closely two words are related, searching up to three steps of meaning relations from every
   * sense of one to any sense of the other (all senses: a word in a news sentence is not disambiguated,
   * so callers weigh this with other evidence).
   */
  relatedness(first: string, second: string): WordNetRelatedness {
    const firstBases = this.baseForms(first);
    const secondBases = this.baseForms(second);
    if (firstBases.length === 0 || secondBases.length === 0) return { relation: 'unknown', steps: 0 };
    if (firstBases.some((base) => secondBases.some((other) => other.lemma === base.lemma))) {
      return { relation: 'same-lemma', steps: 0 };
    }
    const start = new Set(this.synsets(first));
    const goal = new Set(this.synsets(second));
    for (const synset of start) if (goal.has(synset)) return { relation: 'synonym', steps: 0 };

    // Contrast before anything looser: antonyms (directly or through a similar adjective). Sisters under
    // one direct hypernym are checked last, after every positive path.
    const firstParents = new Set<number>();
    const firstNounParents = new Set<number>();
    for (const synset of start) {
      let contrast = false;
      this.forEachPointer(synset, (target, kind) => {
        if (kind === ANTONYM && goal.has(target)) contrast = true;
        if (kind === HYPERNYM || kind === INSTANCE_HYPERNYM) {
          firstParents.add(target);
          if (this.data.synsetPos[synset] === PartOfSpeech.Noun) firstNounParents.add(target);
        }
        if (kind === SIMILAR) {
          this.forEachPointer(target, (further, furtherKind) => {
            if (furtherKind === ANTONYM && goal.has(further)) contrast = true;
          });
        }
      });
      if (contrast) return { relation: 'contrast', steps: 1 };
    }
    let hypernym = false;
    for (const synset of goal) {
      if (firstParents.has(synset)) hypernym = true;
      this.forEachPointer(synset, (target, kind) => {
        if ((kind === HYPERNYM || kind === INSTANCE_HYPERNYM) && start.has(target)) hypernym = true;
      });
    }
    if (hypernym) return { relation: 'hypernym', steps: 1 };

    // Some meaning relations point one way only (`kill` causes `die`), so search from both ends and
    // keep the shorter path: the relation of two words must not depend on their order.
    const steps = Math.min(this.meaningSteps(start, goal), this.meaningSteps(goal, start));
    if (steps <= MAX_MEANING_STEPS) return { relation: steps === 1 ? 'derivation' : 'related', steps };

    // Nouns only: sister nouns name different things (`year` / `month`, `car` / `truck`), while verbs
    // under one hypernym are often ways of saying the same act (`say` / `tell`).
    for (const synset of goal) {
      if (this.data.synsetPos[synset] !== PartOfSpeech.Noun) continue;
      let sister = false;
      this.forEachPointer(synset, (target, kind) => {
        if ((kind === HYPERNYM || kind === INSTANCE_HYPERNYM) && firstNounParents.has(target)) sister = true;
      });
      if (sister) return { relation: 'contrast', steps: 2 };
    }
    return { relation: 'unrelated', steps: 0 };
  }

  /** Steps of meaning relations from any synset of `start` to one of `goal`, breadth first; Infinity past {@link MAX_MEANING_STEPS}. */
  private meaningSteps(start: ReadonlySet<number>, goal: ReadonlySet<number>): number {
    let frontier = [...start];
    const seen = new Set(start);
    for (let step = 1; step <= MAX_MEANING_STEPS && frontier.length > 0; step++) {
      const next: number[] = [];
      let reached = false;
      for (const synset of frontier) {
        this.forEachPointer(synset, (target, kind) => {
          if (!MEANING_RELATIONS.has(kind) || seen.has(target)) return;
          if (goal.has(target)) reached = true;
          seen.add(target);
          next.push(target);
        });
        if (reached) return step;
      }
      frontier = next;
    }
    return Number.POSITIVE_INFINITY;
  }

  private sensesOf(lemma: number): Uint32Array {
    const { senseStart, senses } = this.data;
    return senses.subarray(senseStart[lemma]!, senseStart[lemma + 1]!);
  }

  private hasSenseIn(lemma: number, pos: PartOfSpeech): boolean {
    for (const synset of this.sensesOf(lemma)) if (this.data.synsetPos[synset] === pos) return true;
    return false;
  }

  /** The 1-based position of a lemma among a synset's members, as lexical pointers number them. */
  private memberPosition(synset: number, lemma: number): number {
    const { memberStart, members } = this.data;
    for (let at = memberStart[synset]!; at < memberStart[synset + 1]!; at++) {
      if (members[at] === lemma) return at - memberStart[synset]! + 1;
    }
    return 0;
  }

  private forEachPointer(
    synset: number,
    visit: (target: number, kind: number, sourceWord: number, targetWord: number) => void,
  ): void {
    const { pointerStart, pointerTargets, pointerInfo } = this.data;
    for (let at = pointerStart[synset]!; at < pointerStart[synset + 1]!; at++) {
      const info = pointerInfo[at]!;
      visit(pointerTargets[at]!, info >>> 16, (info >>> 8) & 0xff, info & 0xff);
    }
  }
}
