import type { AnalyzedArticle, Entity, EntityIndex, EntityType, Mention } from '../model/index.js';
import { DESCRIPTOR_RELATIONS, FEMALE_HONORIFICS, FIRST_NAMES, gazetteerType } from './entity-gazetteer.js';
import { personGenders } from './entity-gender.js';
import {
  initialsOf,
  middlesAgree,
  type NameKey,
  nameKey,
  type PersonNameParts,
  personNameParts,
} from './entity-names.js';

/*
 * Cross-source entity merging by rule (exact folded names, unique token-subset, acronym definitions and
 * initials, honorific and bare-surname resolution, descriptor aliases): no library does alias merging
 * with per-source resolution, and it must stay within a few milliseconds for a whole story.
 */

/** One distinct folded name (honorific set apart) and what the sources wrote for it. */
interface NameNode {
  id: number;
  /** Lookup key: the folded name, prefixed with the honorific when there is one ("mr|kim"). */
  lookup: string;
  name: NameKey;
  written: Map<string, number>;
  types: Map<EntityType, number>;
  /** Mentions per source. */
  perSource: Map<string, number>;
  mentions: number;
  /** Sum of gender votes from the articles: positive is female. */
  gender: number;
  /** Resolved per source (honorific forms, bare surnames shared by several people). */
  ambiguous: boolean;
  /** Mentions right after "into", "at", "entered", …: a person's name used for the place named after them. */
  placeCues: number;
}

/**
 * Merges the mentions of all sources into entities with a canonical name, aliases, sources and counts,
 * and answers which entity any surface form of a source names (resolved in that source first, then story-wide).
 * @param articles - the analysed articles of one story
 */
export function mergeEntities(articles: readonly AnalyzedArticle[]): EntityIndex {
  const merger = new EntityMerger(articles);
  return {
    entities: merger.entities(),
    canonicalName: (sourceId, surface) => merger.canonicalName(sourceId, surface),
  };
}

class EntityMerger {
  private readonly nodes: NameNode[] = [];
  private readonly byLookup = new Map<string, NameNode>();
  private readonly parent: number[] = [];
  /** Root chosen for an ambiguous node in one source: `${source}\u0000${nodeId}` → root id. */
  private readonly perSourceRoot = new Map<string, number>();
  /** Descriptor aliases: `${possessorRoot}|${relation}` → votes per target root. */
  private readonly descriptors = new Map<string, Map<number, number>>();
  private readonly descriptorTexts = new Map<number, Map<string, number>>();
  private readonly names = new Map<number, string>();
  /** Per root, over its unambiguous names: mentions overall and per source, and gender votes. */
  private readonly rootStats = new Map<
    number,
    { mentions: number; gender: number; perSource: Map<string, number> }
  >();
  private readonly nodesByToken = new Map<string, NameNode[]>();
  private builtEntities: Entity[] = [];

  constructor(articles: readonly AnalyzedArticle[]) {
    for (const article of articles) this.collect(article);
    for (const article of articles) this.linkDefinitions(article);
    this.linkInitials();
    this.linkPersonVariants();
    this.linkOrganizationVariants();
    this.linkSubsets();
    this.markAmbiguous();
    this.computeRootStats();
    for (const article of articles) this.resolveAmbiguous(article.source.id);
    for (const article of articles) this.learnDescriptors(article);
    this.build();
  }

  entities(): Entity[] {
    return this.builtEntities;
  }

  canonicalName(sourceId: string, surface: string): string | undefined {
    const root = this.rootOfSurface(sourceId, surface);
    return root === undefined ? undefined : this.names.get(root);
  }

  private collect(article: AnalyzedArticle): void {
    const genders = personGenders(article.source.text, article.mentions);
    for (const mention of article.mentions) {
      if (mention.type === 'date') continue;
      const node = this.nodeFor(mention.text, mention.type);
      node.written.set(mention.text, (node.written.get(mention.text) ?? 0) + 1);
      node.types.set(mention.type, (node.types.get(mention.type) ?? 0) + 1);
      node.perSource.set(article.source.id, (node.perSource.get(article.source.id) ?? 0) + 1);
      node.mentions++;
      if (PLACE_CUE_BEFORE.test(article.source.text.slice(Math.max(0, mention.start - 12), mention.start)))
        node.placeCues++;
    }
    for (const [key, gender] of genders) {
      // Honorific forms are stored as "ms kim" by gender and "ms|kim" here: only plain names vote.
      const node = this.byLookup.get(key);
      if (node && node.name.honorific === undefined) node.gender += gender === 'female' ? 1 : -1;
    }
  }

  private lookupOf(written: string, type: EntityType): { lookup: string; name: NameKey } {
    if (type === 'money') {
      const key = written.toLowerCase().replace(/\s+/g, ' ');
      return { lookup: `money|${key}`, name: { key, tokens: [key] } };
    }
    const name = nameKey(written);
    return { lookup: name.honorific === undefined ? name.key : `${name.honorific}|${name.key}`, name };
  }

  private nodeFor(written: string, type: EntityType): NameNode {
    const { lookup, name } = this.lookupOf(written, type);
    let node = this.byLookup.get(lookup);
    if (!node) {
      node = {
        id: this.nodes.length,
        lookup,
        name,
        written: new Map(),
        types: new Map(),
        perSource: new Map(),
        mentions: 0,
        gender: 0,
        ambiguous: false,
        placeCues: 0,
      };
      this.nodes.push(node);
      this.parent.push(node.id);
      this.byLookup.set(lookup, node);
    }
    return node;
  }

  private find(id: number): number {
    let root = id;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let cursor = id;
    while (this.parent[cursor] !== root) {
      const next = this.parent[cursor]!;
      this.parent[cursor] = root;
      cursor = next;
    }
    return root;
  }

  private union(left: number, right: number): void {
    const leftRoot = this.find(left);
    const rightRoot = this.find(right);
    if (leftRoot !== rightRoot) this.parent[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot);
  }

  private typeOf(node: NameNode): EntityType {
    let best: EntityType = 'other';
    let bestCount = 0;
    for (const [type, count] of node.types) {
      if (type !== 'other' && count > bestCount) {
        best = type;
        bestCount = count;
      }
    }
    return best;
  }

  /** "Korean Central News Agency (KCNA)": the name and the acronym in brackets after it are one. */
  private linkDefinitions(article: AnalyzedArticle): void {
    const text = article.source.text;
    const mentions = article.mentions;
    for (let index = 0; index + 1 < mentions.length; index++) {
      const name = mentions[index]!;
      const acronym = mentions[index + 1]!;
      if (!/^\s*\(\s*$/.test(text.slice(name.end, acronym.start)) || text[acronym.end] !== ')') continue;
      if (!/^[\p{Lu}.]+$/u.test(acronym.text) || name.text.split(/\s+/).length < 2) continue;
      this.union(this.nodeFor(name.text, name.type).id, this.nodeFor(acronym.text, acronym.type).id);
    }
  }

  /** KCNA ↔ Korean Central News Agency, UN ↔ United Nations; then "UN Security Council" ↔ its expansion. */
  private linkInitials(): void {
    const byInitials = new Map<string, NameNode[]>();
    for (const node of this.nodes) {
      if (node.name.tokens.length < 2 || node.name.honorific !== undefined) continue;
      const type = this.typeOf(node);
      if (type === 'person' || type === 'money' || type === 'product') continue;
      const initials = initialsOf(node.name.tokens);
      appendTo(byInitials, initials, node);
    }
    for (const [short, full] of PLACE_ALIASES) {
      const shortNode = this.byLookup.get(short);
      const fullNode = this.byLookup.get(full);
      if (shortNode && fullNode) this.union(shortNode.id, fullNode.id);
    }
    const expansions = new Map<string, string[]>();
    for (const node of this.nodes) {
      if (node.name.tokens.length !== 1 || !isAcronym(node)) continue;
      const matches = byInitials.get(node.name.key) ?? [];
      const roots = new Set(matches.map((match) => this.find(match.id)));
      if (roots.size === 1) this.union(node.id, matches[0]!.id);
      const expansion = this.nodes.find(
        (other) => other.name.tokens.length > 1 && this.find(other.id) === this.find(node.id),
      );
      if (expansion) expansions.set(node.name.key, expansion.name.tokens);
    }
    for (const node of this.nodes) {
      if (node.name.tokens.length < 2) continue;
      const expanded = node.name.tokens.flatMap((token) => expansions.get(token) ?? [token]).join(' ');
      const target = expanded === node.name.key ? undefined : this.byLookup.get(expanded);
      if (target) this.union(node.id, target.id);
    }
  }

  /** A shorter name whose words all stand in exactly one longer name of a compatible type is that name. */
  private linkSubsets(): void {
    const byToken = new Map<string, NameNode[]>();
    for (const node of this.nodes) {
      if (node.name.honorific !== undefined || this.typeOf(node) === 'money') continue;
      for (const token of new Set(node.name.tokens)) appendTo(byToken, token, node);
    }
    const ordered = this.nodes
      .filter((node) => node.name.honorific === undefined && this.typeOf(node) !== 'money')
      .sort((left, right) => right.name.tokens.length - left.name.tokens.length);
    for (const node of ordered) {
      const roots = this.supersetRoots(node, byToken);
      if (roots.size === 1) this.union(node.id, [...roots][0]!);
    }
  }

  /** Roots of the longer names that contain every word of `node`, with a compatible type. */
  private supersetRoots(node: NameNode, byToken: Map<string, NameNode[]>): Set<number> {
    const roots = new Set<number>();
    const type = this.typeOf(node);
    if (type === 'place' && node.name.tokens.length === 1 && node.types.size === 1) return roots;
    const first = node.name.tokens[0];
    if (first === undefined) return roots;
    for (const candidate of byToken.get(first) ?? []) {
      if (candidate.name.tokens.length <= node.name.tokens.length) continue;
      const candidateType = this.typeOf(candidate);
      if (type !== candidateType && type !== 'other' && candidateType !== 'other') continue;
      if (type === 'place' && candidateType === 'place') continue;
      if (!node.name.tokens.every((token) => candidate.name.tokens.includes(token))) continue;
      // "UN" is not the "UN Security Council": an organisation only matches the tail of a longer name.
      if (
        (type === 'organization' || candidateType === 'organization') &&
        !endsWith(candidate.name.tokens, node.name.tokens)
      )
        continue;
      roots.add(this.find(candidate.id));
    }
    return roots;
  }

  /**
   * "Fred LaRue", "Frederick C. LaRue" and "Frederick Cheney LaRue" are one person: same surname, same given
   * name once short forms are expanded, middle names and initials that agree, at most one generational suffix.
   * A surname whose people disagree (two middle names, "Chris" beside "Christine") links nothing.
   */
  private linkPersonVariants(): void {
    const bySurname = new Map<string, Array<{ node: NameNode; parts: PersonNameParts }>>();
    for (const node of this.nodes) {
      if (node.name.honorific !== undefined || node.name.tokens.length < 2) continue;
      const type = this.typeOf(node);
      if (type !== 'person' && type !== 'other') continue;
      const parts = personNameParts(node.name.tokens);
      if (parts === undefined) continue;
      if (type === 'other' && !FIRST_NAMES.has(parts.writtenGiven) && parts.given === parts.writtenGiven)
        continue;
      appendTo(bySurname, parts.surname, { node, parts });
    }
    for (const people of bySurname.values()) {
      if (people.length < 2 || !people.some(({ node }) => this.typeOf(node) === 'person')) continue;
      const byGiven = new Map<string, Array<{ node: NameNode; parts: PersonNameParts }>>();
      for (const person of people) appendTo(byGiven, person.parts.given, person);
      for (const [given, group] of byGiven) {
        if (group.length < 2) continue;
        // "Chris Ward" beside "Christine Ward": a short form another given name of the surname also begins with.
        const shortForms = group.filter(({ parts }) => parts.writtenGiven !== given);
        const clash = shortForms.some(({ parts }) =>
          people.some(
            (other) => other.parts.given !== given && other.parts.writtenGiven.startsWith(parts.writtenGiven),
          ),
        );
        if (clash) continue;
        const middles = group.map(({ parts }) => parts.middles);
        if (!middles.every((left) => middles.every((right) => middlesAgree(left, right)))) continue;
        const suffixes = new Set(group.map(({ parts }) => parts.suffix).filter((suffix) => suffix !== ''));
        const joining = suffixes.size > 1 ? group.filter(({ parts }) => parts.suffix === '') : group;
        for (const { node } of joining.slice(1)) this.union(joining[0]!.node.id, node.id);
      }
    }
  }

  /**
   * "Morningside", "Morningside Recovery" and "Morningside Recovery Center" are one organisation: names equal
   * once generic organisation words are taken off their end, one of them typed an organisation. A known place
   * keeps its own name ("Boston" is not "Boston Medical Center"); a person's name joins only where the articles
   * mostly use it as a place ("checked into Betty Ford").
   */
  private linkOrganizationVariants(): void {
    const byCore = new Map<string, NameNode[]>();
    for (const node of this.nodes) {
      if (node.name.honorific !== undefined || node.name.tokens.length === 0) continue;
      const tokens = [...node.name.tokens];
      while (tokens.length > 1 && GENERIC_ORGANIZATION_WORDS.has(tokens[tokens.length - 1]!)) tokens.pop();
      if (GENERIC_ORGANIZATION_WORDS.has(tokens[tokens.length - 1]!)) continue;
      const core = tokens.join(' ');
      appendTo(byCore, core, node);
    }
    for (const [core, members] of byCore) {
      if (members.length < 2) continue;
      if (!members.some((node) => this.typeOf(node) === 'organization' && node.name.key !== core)) continue;
      const joining = members.filter((node) => {
        const type = this.typeOf(node);
        if (type === 'organization' || type === 'other') return true;
        if (type === 'place') return gazetteerType(node.name.key) === undefined;
        return type === 'person' && node.name.key === core && node.placeCues * 2 >= node.mentions;
      });
      for (const node of joining.slice(1)) this.union(joining[0]!.id, node.id);
    }
  }

  /** Honorific forms and bare names shared by several people are resolved per source. */
  private markAmbiguous(): void {
    const byToken = new Map<string, NameNode[]>();
    for (const node of this.nodes) {
      if (node.name.honorific !== undefined) continue;
      for (const token of new Set(node.name.tokens)) appendTo(byToken, token, node);
    }
    for (const node of this.nodes) {
      if (node.name.honorific !== undefined) {
        node.ambiguous = this.personRootsWithToken(node.name.tokens, byToken).size > 0;
      } else if (node.name.tokens.length === 1 && this.find(node.id) === node.id) {
        node.ambiguous = this.typeOf(node) !== 'place' && this.supersetRoots(node, byToken).size > 1;
      }
    }
  }

  private personRootsWithToken(tokens: readonly string[], byToken?: Map<string, NameNode[]>): Set<number> {
    const roots = new Set<number>();
    const last = tokens[tokens.length - 1];
    if (last === undefined) return roots;
    const candidates = (byToken ?? this.nodesByToken).get(last) ?? [];
    for (const candidate of candidates) {
      if (candidate.name.honorific !== undefined || candidate.ambiguous) continue;
      if (candidate.name.tokens.length < 2 && tokens.length < 2) continue;
      if (!tokens.every((token) => candidate.name.tokens.includes(token))) continue;
      if (this.typeOf(candidate) !== 'person') continue;
      roots.add(this.find(candidate.id));
    }
    return roots;
  }

  private resolveAmbiguous(sourceId: string): void {
    for (const node of this.nodes) {
      if (!node.ambiguous || !node.perSource.has(sourceId)) continue;
      const root = this.pickPerson(node.name, sourceId);
      if (root !== undefined) this.perSourceRoot.set(`${sourceId}\u0000${node.id}`, root);
    }
  }

  /**
   * The person a short or honorific form names in one source: among people whose full name holds its words
   * (and whose gender fits "Ms"/"Mr"), the one the source mentions most, else the story's most mentioned.
   */
  private pickPerson(name: NameKey, sourceId: string): number | undefined {
    const roots = [...this.personRootsWithToken(name.tokens)];
    const female = name.honorific !== undefined && FEMALE_HONORIFICS.has(name.honorific);
    const male = name.honorific === 'mr';
    const fitting = roots.filter((root) => {
      const gender = this.rootGender(root);
      return female ? gender > 0 : male ? gender <= 0 : true;
    });
    if (fitting.length === 0) return undefined;
    const local = (root: number): number => this.rootCount(root, sourceId);
    const global = (root: number): number => this.rootCount(root, undefined);
    return fitting.sort(
      (left, right) => local(right) - local(left) || global(right) - global(left) || left - right,
    )[0];
  }

  private computeRootStats(): void {
    for (const node of this.nodes) {
      if (node.name.honorific === undefined)
        for (const token of new Set(node.name.tokens)) appendTo(this.nodesByToken, token, node);
      if (node.ambiguous) continue;
      const root = this.find(node.id);
      const stats = this.rootStats.get(root) ?? {
        mentions: 0,
        gender: 0,
        perSource: new Map<string, number>(),
      };
      stats.mentions += node.mentions;
      stats.gender += node.gender;
      for (const [sourceId, count] of node.perSource)
        stats.perSource.set(sourceId, (stats.perSource.get(sourceId) ?? 0) + count);
      this.rootStats.set(root, stats);
    }
  }

  private rootGender(root: number): number {
    return this.rootStats.get(root)?.gender ?? 0;
  }

  private rootCount(root: number, sourceId: string | undefined): number {
    const stats = this.rootStats.get(root);
    if (!stats) return 0;
    return sourceId === undefined ? stats.mentions : (stats.perSource.get(sourceId) ?? 0);
  }

  /** The root a node belongs to in one source. */
  private rootIn(node: NameNode, sourceId: string | undefined): number | undefined {
    if (!node.ambiguous) return this.find(node.id);
    if (sourceId !== undefined) {
      const local = this.perSourceRoot.get(`${sourceId}\u0000${node.id}`);
      if (local !== undefined) return local;
    }
    return this.pickPerson(node.name, sourceId ?? '');
  }

  /** "Kim's sister, Kim Yo-jong" and "Kim's sister Yo Jong" teach that "Kim's sister" is Kim Yo Jong. */
  private learnDescriptors(article: AnalyzedArticle): void {
    const text = article.source.text;
    const sourceId = article.source.id;
    const persons = article.mentions.filter((mention) => mention.type === 'person');
    // Possessors end at most 40 characters before their target: found by binary search over the
    // persons ordered by end, not by scanning them all for each target (quadratic in a long article).
    const byEnd = persons.map((_, index) => index).sort((a, b) => persons[a]!.end - persons[b]!.end || a - b);
    for (const target of persons) {
      let low = 0;
      let high = byEnd.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (persons[byEnd[middle]!]!.end < target.start - 40) low = middle + 1;
        else high = middle;
      }
      // The first in mention order of those that qualify, as a scan of all persons would find.
      let first: number | undefined;
      for (let position = low; position < byEnd.length; position++) {
        const index = byEnd[position]!;
        const candidate = persons[index]!;
        if (candidate.end >= target.start) break;
        if (first !== undefined && index > first) continue;
        if (
          /^['’]s\s+\p{Ll}+(?:\s+and\s+[\p{Ll}\s]{1,30}?)?\s*,?\s*$/u.test(
            text.slice(candidate.end, target.start),
          )
        )
          first = index;
      }
      const possessor = first === undefined ? undefined : persons[first];
      if (!possessor) continue;
      const relation = /^['’]s\s+(\p{Ll}+)/u.exec(text.slice(possessor.end, target.start))?.[1] ?? '';
      if (!DESCRIPTOR_RELATIONS.has(relation)) continue;
      const possessorRoot = this.rootOfMention(possessor, sourceId);
      const targetRoot = this.rootOfMention(target, sourceId);
      if (possessorRoot === undefined || targetRoot === undefined || possessorRoot === targetRoot) continue;
      const key = `${possessorRoot}|${relation}`;
      const votes = this.descriptors.get(key) ?? new Map<number, number>();
      votes.set(targetRoot, (votes.get(targetRoot) ?? 0) + 1);
      this.descriptors.set(key, votes);
      const written = text.slice(possessor.start, possessor.end + 3 + relation.length).replace(/\s+/g, ' ');
      const texts = this.descriptorTexts.get(targetRoot) ?? new Map<string, number>();
      texts.set(written, (texts.get(written) ?? 0) + 1);
      this.descriptorTexts.set(targetRoot, texts);
    }
  }

  private rootOfMention(mention: Mention, sourceId: string): number | undefined {
    const node = this.byLookup.get(this.lookupOf(mention.text, mention.type).lookup);
    return node ? this.rootIn(node, sourceId) : undefined;
  }

  private rootOfSurface(sourceId: string, surface: string): number | undefined {
    const trimmed = surface.trim();
    const descriptor = /^(.+?)['’]s\s+(\p{Ll}+)$/u.exec(trimmed);
    if (
      descriptor?.[1] !== undefined &&
      descriptor[2] !== undefined &&
      DESCRIPTOR_RELATIONS.has(descriptor[2])
    ) {
      const possessor = this.rootOfSurface(sourceId, descriptor[1]);
      const votes =
        possessor === undefined ? undefined : this.descriptors.get(`${possessor}|${descriptor[2]}`);
      if (votes && votes.size > 0)
        return [...votes].sort((left, right) => right[1] - left[1] || left[0] - right[0])[0]![0];
      return undefined;
    }
    const isMoney = /^(?:[^\d]{0,20})?[$£€¥₩]|\d\s(?:dollars|euros|pounds)/u.test(trimmed);
    const { lookup, name } = this.lookupOf(trimmed, isMoney ? 'money' : 'other');
    const node = this.byLookup.get(lookup);
    if (node) return this.rootIn(node, sourceId);
    if (name.tokens.length === 0 || name.key.length === 0) return undefined;
    // A form no source used as a mention: resolve it like one.
    if (name.honorific !== undefined || name.tokens.length === 1) {
      const person = this.pickPerson(name, sourceId);
      if (person !== undefined) return person;
    }
    const roots = new Set<number>();
    for (const candidate of this.nodes) {
      if (candidate.ambiguous || candidate.name.tokens.length <= name.tokens.length) continue;
      if (name.tokens.every((token) => candidate.name.tokens.includes(token)))
        roots.add(this.find(candidate.id));
    }
    return roots.size === 1 ? [...roots][0] : undefined;
  }

  private build(): void {
    interface Group {
      written: Map<string, number>;
      keys: Map<string, { count: number; tokens: number }>;
      types: Map<EntityType, number>;
      sources: Set<string>;
      mentions: number;
    }
    const groups = new Map<number, Group>();
    for (const node of this.nodes) {
      for (const [sourceId, count] of node.perSource) {
        const root = this.rootIn(node, sourceId);
        if (root === undefined) continue;
        let group = groups.get(root);
        if (!group) {
          group = { written: new Map(), keys: new Map(), types: new Map(), sources: new Set(), mentions: 0 };
          groups.set(root, group);
        }
        group.sources.add(sourceId);
        group.mentions += count;
        // Written forms and types are shared out in proportion to this source's share of the node's mentions.
        const share = count / node.mentions;
        for (const [written, writtenCount] of node.written)
          group.written.set(written, (group.written.get(written) ?? 0) + writtenCount * share);
        for (const [type, typeCount] of node.types)
          group.types.set(type, (group.types.get(type) ?? 0) + typeCount * share);
        if (node.name.honorific === undefined) {
          const entry = group.keys.get(node.name.key) ?? { count: 0, tokens: node.name.tokens.length };
          entry.count += count;
          group.keys.set(node.name.key, entry);
        }
      }
    }
    const entities: Entity[] = [];
    for (const [root, group] of groups) {
      let type: EntityType = 'other';
      let typeCount = 0;
      for (const [candidate, count] of group.types) {
        if (candidate !== 'other' && count > typeCount) {
          type = candidate;
          typeCount = count;
        }
      }
      const name = chooseName(group.written, group.keys, type === 'person' || type === 'organization');
      this.names.set(root, name);
      const aliases = [...group.written]
        .filter(([written]) => written !== name)
        .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
        .map(([written]) => written);
      for (const [written] of this.descriptorTexts.get(root) ?? [])
        if (!aliases.includes(written)) aliases.push(written);
      entities.push({ name, type, aliases, sources: [...group.sources].sort(), mentions: group.mentions });
    }
    this.builtEntities = entities.sort(
      (left, right) => right.mentions - left.mentions || left.name.localeCompare(right.name),
    );
  }
}

/** Adds a value to the list a key groups in a map, starting the list on first use. */
function appendTo<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Words before a name that use it as a place ("checked into Betty Ford", "treated at Morningside"). */
const PLACE_CUE_BEFORE = /\b(?:into|at|entered|entering|leaving|left)\s+(?:the\s+)?$/iu;

/** Last words that say what kind of organisation a name is without telling two of one name apart. */
const GENERIC_ORGANIZATION_WORDS = new Set([
  'center',
  'centers',
  'treatment',
  'recovery',
  'rehabilitation',
  'rehab',
  'clinic',
  'medical',
  'facility',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'ltd',
  'llc',
  'plc',
  'company',
  'group',
  'holdings',
]);

/** Official short forms of places that no initials rule finds (DPRK is North Korea). */
const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['dprk', 'north korea'],
  ['rok', 'south korea'],
  ['us', 'united states'],
  ['usa', 'united states'],
  ['uk', 'united kingdom'],
  ['uae', 'united arab emirates'],
  ['prc', 'china'],
  ['russian federation', 'russia'],
  ['britain', 'united kingdom'],
]);

function endsWith(tokens: readonly string[], tail: readonly string[]): boolean {
  const offset = tokens.length - tail.length;
  return offset >= 0 && tail.every((token, index) => tokens[offset + index] === token);
}

function isAcronym(node: NameNode): boolean {
  for (const written of node.written.keys()) if (/^(?:\p{Lu}\.?){2,6}$/u.test(written)) return true;
  return false;
}

/**
 * The canonical name: the most mentioned folded name (ties: the fuller), among those of two words or more
 * for people and organisations ("Vladimir Putin", not "Putin"); then its most frequent written form,
 * preferring one capitalised throughout ("Kim Jong Un" over "Kim Jong-un" on a tie).
 */
function chooseName(
  written: ReadonlyMap<string, number>,
  keys: ReadonlyMap<string, { count: number; tokens: number }>,
  preferFull: boolean,
): string {
  const entries = [...keys];
  const multi = preferFull ? entries.filter(([, entry]) => entry.tokens > 1) : [];
  const pool = multi.length > 0 ? multi : entries;
  pool.sort(
    (left, right) =>
      right[1].count - left[1].count || right[1].tokens - left[1].tokens || left[0].localeCompare(right[0]),
  );
  const bestKey = pool[0]?.[0];
  const forms = [...written].filter(([form]) => bestKey === undefined || nameKey(form).key === bestKey);
  const candidates = forms.length > 0 ? forms : [...written];
  const capitalisedThroughout = (form: string): number => (/(?:^|[\s-])\p{Ll}/u.test(form) ? 0 : 1);
  candidates.sort(
    (left, right) =>
      right[1] - left[1] ||
      capitalisedThroughout(right[0]) - capitalisedThroughout(left[0]) ||
      left[0].localeCompare(right[0]),
  );
  return candidates[0]?.[0] ?? '';
}
