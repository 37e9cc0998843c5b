import type { EntityType, QuoteForm } from './annotation.js';
import type { Diagnostic } from './diagnostic.js';
import type { IsoDate, Source } from './source.js';
import type { Evidence } from './span.js';

/** One sentence of the summary with the sources that support it and the passages it came from. */
export interface SummarySentence {
  text: string;
  sources: string[];
  evidence: Evidence[];
  /** The claim the sentence represents. */
  claim: string;
}

/** How widely a claim is reported across the story's sources. */
export type ClaimKind = 'consensus' | 'shared' | 'unique';

/** One fact stated by one or more sources, with each source's passage. */
export interface Claim {
  id: string;
  /** The representative wording (one source's sentence). */
  text: string;
  sources: string[];
  evidence: Evidence[];
  kind: ClaimKind;
  /** Centrality-and-support score used for ranking; higher is more central. */
  score: number;
}

/** One rendering of a quote by one source. */
export interface QuoteVariant {
  source: string;
  text: string;
  direct: boolean;
  form: QuoteForm;
  /** The speaker this source gives, as written, if any. */
  speaker?: string;
  evidence: Evidence;
}

/** One quote as rendered by every source that carries it. */
export interface QuoteGroup {
  /** Canonical speaker name, or null where no source names one. */
  speaker: string | null;
  /** The fullest rendering. */
  text: string;
  sources: string[];
  variants: QuoteVariant[];
}

/** A person, organisation, place, product or amount, merged across sources. */
export interface Entity {
  name: string;
  type: EntityType;
  /** Every other form the sources use for it. */
  aliases: string[];
  sources: string[];
  mentions: number;
}

/** A dated event of the story. */
export interface TimelineEvent {
  date: IsoDate;
  text: string;
  sources: string[];
  evidence: Evidence[];
}

/** One side of a conflict. */
export interface ConflictPosition {
  value: string;
  sources: string[];
  evidence: Evidence[];
}

/** Where sources disagree. */
export interface Conflict {
  kind: string;
  topic: string;
  positions: ConflictPosition[];
}

/** The story once, with its evidence: what {@link synthesize} returns. */
export interface StoryReport {
  title: string;
  sources: Source[];
  summary: SummarySentence[];
  claims: Claim[];
  quotes: QuoteGroup[];
  entities: Entity[];
  timeline: TimelineEvent[];
  conflicts: Conflict[];
  diagnostics: Diagnostic[];
}
