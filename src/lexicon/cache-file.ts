/**
 * The container of every lexicon cache: a magic, a format version, a JSON header, then typed-array
 * sections aligned to 8 bytes so each is viewed in place after one `readFileSync`, with no parsing.
 *
 * Layout, little-endian: magic (4 ASCII bytes) · version (u32) · header JSON bytes (u32) · section count
 * (u32) · per section: kind (u32, see {@link SectionKind}) and byte length (u32) · header JSON · padding ·
 * sections, each padded to 8 bytes.
 * @packageDocumentation
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The element type of a section, so a reader can check what it views. */
export enum SectionKind {
  Uint8 = 1,
  Int8 = 2,
  Uint32 = 3,
  Float32 = 4,
}

/** A section to write. */
export type Section = Uint8Array | Int8Array | Uint32Array | Float32Array;

const kindOf = (section: Section): SectionKind =>
  section instanceof Uint8Array
    ? SectionKind.Uint8
    : section instanceof Int8Array
      ? SectionKind.Int8
      : section instanceof Uint32Array
        ? SectionKind.Uint32
        : SectionKind.Float32;

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

/**
 * Serialises a header and sections (the host is little-endian on every platform Node supports).
 * @param magic - four ASCII characters naming the kind of file
 * @param version - the format version
 * @param header - JSON-serialisable provenance and sizes
 * @param sections - the arrays, in the order the reader expects
 */
export function encodeCacheFile(
  magic: string,
  version: number,
  header: object,
  sections: readonly Section[],
): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const tableBytes = 16 + sections.length * 8;
  let offset = align(tableBytes + headerBytes.length);
  const starts = sections.map((section) => {
    const start = offset;
    offset = align(offset + section.byteLength);
    return start;
  });
  const output = Buffer.alloc(offset);
  output.write(magic, 0, 'latin1');
  output.writeUInt32LE(version, 4);
  output.writeUInt32LE(headerBytes.length, 8);
  output.writeUInt32LE(sections.length, 12);
  sections.forEach((section, index) => {
    output.writeUInt32LE(kindOf(section), 16 + index * 8);
    output.writeUInt32LE(section.byteLength, 20 + index * 8);
    output.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), starts[index]!);
  });
  headerBytes.copy(output, tableBytes);
  return output;
}

/** A decoded cache file: its header and a view on each section. */
export interface CacheFileContents {
  header: Record<string, unknown>;
  sections: Section[];
}

/**
 * Views a cache file's sections in place. Throws on a foreign, truncated or other-version file, so it is
 * rebuilt rather than misread.
 * @param bytes - the whole file
 * @param magic - the expected magic
 * @param version - the expected version
 */
export function decodeCacheFile(bytes: Buffer, magic: string, version: number): CacheFileContents {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 4) !== magic) throw new Error(`not a ${magic} file`);
  const found = bytes.readUInt32LE(4);
  if (found !== version) throw new Error(`format version ${found}, expected ${version}`);
  const headerLength = bytes.readUInt32LE(8);
  const count = bytes.readUInt32LE(12);
  const tableBytes = 16 + count * 8;
  if (bytes.length < tableBytes + headerLength) throw new Error('truncated file');
  // Typed arrays need their element size's alignment: a Buffer from the shared pool may not have it.
  const base = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer);
  const header = JSON.parse(base.toString('utf8', tableBytes, tableBytes + headerLength)) as Record<
    string,
    unknown
  >;
  let offset = align(tableBytes + headerLength);
  const sections: Section[] = [];
  for (let index = 0; index < count; index++) {
    const kind = base.readUInt32LE(16 + index * 8) as SectionKind;
    const length = base.readUInt32LE(20 + index * 8);
    if (offset + length > base.length) throw new Error('truncated file');
    const at = base.byteOffset + offset;
    if (kind === SectionKind.Uint8) sections.push(new Uint8Array(base.buffer, at, length));
    else if (kind === SectionKind.Int8) sections.push(new Int8Array(base.buffer, at, length));
    else if (kind === SectionKind.Uint32) sections.push(new Uint32Array(base.buffer, at, length / 4));
    else if (kind === SectionKind.Float32) sections.push(new Float32Array(base.buffer, at, length / 4));
    else throw new Error(`unknown section kind ${String(kind)}`);
    offset = align(offset + length);
  }
  if (offset !== base.length) throw new Error('file size does not match its sections');
  return { header, sections };
}

/**
 * Views section `index` as the expected array type, or throws.
 * @param contents - a decoded file
 * @param index - the section's position
 * @param type - the expected constructor
 */
export function section<Type extends Section>(
  contents: CacheFileContents,
  index: number,
  type: new (...parameters: never[]) => Type,
): Type {
  const found = contents.sections[index];
  if (!(found instanceof type)) throw new Error(`section ${index} is missing or of another type`);
  return found;
}

/** Writes a file under a temporary name beside it, then renames it into place, so readers never see half. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Deletes the other versions of one kind of cache file in a directory, keeping `keep`. */
export function removeOtherVersions(directory: string, pattern: RegExp, keep: string): void {
  for (const name of readdirSync(directory)) {
    const file = path.join(directory, name);
    if (pattern.test(name) && file !== keep) rmSync(file, { force: true });
  }
}

/** A cache loaded, and whether this call built it first. */
export interface CacheLoad<Value> {
  available: true;
  value: Value;
  file: string;
  built: boolean;
  buildMs: number;
  loadMs: number;
}

/**
 * Reads a cache file, building it first when it is missing (unless `build` is false). Never throws: a
 * failure to build or read comes back as its reason.
 * @param file - the cache file
 * @param label - what the cache holds, for the reasons ("word vector", "WordNet")
 * @param build - whether a missing file may be built
 * @param convert - writes the file; returns the milliseconds it took
 * @param decode - turns the file's bytes into the value
 */
export function loadOrBuildCache<Value>(
  file: string,
  label: string,
  build: boolean,
  convert: () => number,
  decode: (bytes: Buffer) => Value,
): CacheLoad<Value> | { available: false; reason: string } {
  let built = false;
  let buildMs = 0;
  try {
    statSync(file);
  } catch {
    if (!build)
      return {
        available: false,
        reason: `the ${label} cache ${file} is not built (run \`npm run vectors\`)`,
      };
    try {
      buildMs = convert();
      built = true;
    } catch (error) {
      return {
        available: false,
        reason: `the ${label} cache could not be built: ${(error as Error).message}`,
      };
    }
  }
  const started = performance.now();
  try {
    const value = decode(readFileSync(file));
    return { available: true, value, file, built, buildMs, loadMs: performance.now() - started };
  } catch (error) {
    return {
      available: false,
      reason: `the ${label} cache ${file} is unreadable: ${(error as Error).message}`,
    };
  }
}
