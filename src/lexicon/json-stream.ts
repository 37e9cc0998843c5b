/**
 * A push parser for JSON that never holds the whole document: the embeddings file is 294 MB, and
 * `JSON.parse` of it needs 1.1 GB. It reports every scalar with its path and the end of every container,
 * which is all the vector conversion needs. It accepts valid JSON; on malformed input it throws rather
 * than guessing.
 * @packageDocumentation
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A scalar JSON value. */
export type JsonScalar = string | number | boolean | null;

/** What the parser reports. `path` is reused between calls: copy it to keep it. */
export interface JsonStreamHandler {
  /** A scalar at `path` (object keys as strings, array positions as numbers). */
  value(path: ReadonlyArray<string | number>, value: JsonScalar): void;
  /** The end of the object or array at `path`. */
  end?(path: ReadonlyArray<string | number>): void;
}

enum Mode {
  Between = 0,
  InString = 1,
  InStringEscape = 2,
  InBare = 3,
}

interface Frame {
  isArray: boolean;
  /** In an object: the next string is a key. */
  expectingKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Feeds JSON text in pieces of any size and reports values in document order.
 * Call {@link JsonStreamParser.write} with each piece, then {@link JsonStreamParser.finish}.
 */
export class JsonStreamParser {
  private mode = Mode.Between;
  /** Text of the token being read, from earlier pieces. */
  private carried = '';
  private tokenHasEscape = false;
  private readonly frames: Frame[] = [];
  private readonly path: Array<string | number> = [];
  private sawRoot = false;

  /** @param handler - receives values and container ends */
  constructor(private readonly handler: JsonStreamHandler) {}

  /** Parses one more piece of the document. */
  write(piece: string): void {
    let tokenStart = this.mode === Mode.Between ? -1 : 0;
    const length = piece.length;
    for (let index = 0; index < length; index++) {
      const code = piece.charCodeAt(index);
      if (this.mode === Mode.InString) {
        if (code === QUOTE) {
          this.finishString(this.carried + piece.slice(tokenStart, index));
          this.carried = '';
          this.mode = Mode.Between;
        } else if (code === BACKSLASH) {
          this.tokenHasEscape = true;
          this.mode = Mode.InStringEscape;
        }
        continue;
      }
      if (this.mode === Mode.InStringEscape) {
        // The escaped character, whatever it is, cannot end the string; `\u` digits are plain text.
        this.mode = Mode.InString;
        continue;
      }
      if (this.mode === Mode.InBare) {
        if (isBareCharacter(code)) continue;
        this.finishBare(this.carried + piece.slice(tokenStart, index));
        this.carried = '';
        this.mode = Mode.Between;
        // Falls through: this character is structure or space.
      }
      switch (code) {
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          break;
        case QUOTE:
          this.mode = Mode.InString;
          this.tokenHasEscape = false;
          tokenStart = index + 1;
          break;
        case 0x7b: // {
          this.open(false);
          break;
        case 0x5b: // [
          this.open(true);
          break;
        case 0x7d: // }
          this.close(false);
          break;
        case 0x5d: // ]
          this.close(true);
          break;
        case 0x3a: // :
          break;
        case 0x2c: // ,
          this.separator();
          break;
        default:
          if (!isBareCharacter(code))
            throw new SyntaxError(`unexpected character ${JSON.stringify(piece[index])}`);
          this.mode = Mode.InBare;
          tokenStart = index;
      }
    }
    if (this.mode === Mode.InString || this.mode === Mode.InStringEscape || this.mode === Mode.InBare) {
      this.carried += piece.slice(tokenStart);
    }
  }

  /** Ends the document: throws if it is incomplete. */
  finish(): void {
    if (this.mode === Mode.InBare) {
      this.finishBare(this.carried);
      this.carried = '';
      this.mode = Mode.Between;
    }
    if (this.mode !== Mode.Between || this.frames.length > 0 || !this.sawRoot) {
      throw new SyntaxError('unexpected end of JSON input');
    }
  }

  private open(isArray: boolean): void {
    this.beforeValue();
    this.frames.push({ isArray, expectingKey: !isArray });
    // An array's first element is at 0; an object's key is set when read.
    this.path.push(isArray ? 0 : '');
  }

  private close(isArray: boolean): void {
    const frame = this.frames.pop();
    if (frame === undefined || frame.isArray !== isArray) throw new SyntaxError('mismatched bracket');
    this.path.pop();
    this.handler.end?.(this.path);
  }

  private separator(): void {
    const frame = this.frames.at(-1);
    if (frame === undefined) throw new SyntaxError('comma outside a container');
    if (frame.isArray) {
      this.path[this.path.length - 1] = (this.path[this.path.length - 1] as number) + 1;
    } else {
      frame.expectingKey = true;
    }
  }

  private beforeValue(): void {
    if (this.frames.length === 0) {
      if (this.sawRoot) throw new SyntaxError('more than one value at the top level');
      this.sawRoot = true;
    }
  }

  private finishString(raw: string): void {
    const text = this.tokenHasEscape ? (JSON.parse(`"${raw}"`) as string) : raw;
    const frame = this.frames.at(-1);
    if (frame?.expectingKey) {
      frame.expectingKey = false;
      this.path[this.path.length - 1] = text;
      return;
    }
    this.beforeValue();
    this.handler.value(this.path, text);
  }

  private finishBare(raw: string): void {
    this.beforeValue();
    let value: JsonScalar;
    if (raw === 'true') value = true;
    else if (raw === 'false') value = false;
    else if (raw === 'null') value = null;
    else {
      value = Number(raw);
      if (raw === '' || Number.isNaN(value)) throw new SyntaxError(`not a JSON value: ${raw.slice(0, 40)}`);
    }
    this.handler.value(this.path, value);
  }
}

/** Characters of numbers and of `true`, `false`, `null`. */
function isBareCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // digits
    code === 0x2d || // -
    code === 0x2b || // +
    code === 0x2e || // .
    (code >= 0x61 && code <= 0x7a) || // a-z: true, false, null, and the exponent e
    code === 0x45 // E
  );
}

/** Bytes read per step: large enough that the loop, not the system call, dominates. */
const READ_SIZE = 4 * 1024 * 1024;

/**
 * Parses a JSON file in pieces with {@link JsonStreamParser}, synchronously, in constant memory.
 * @param file - path of a UTF-8 JSON file
 * @param handler - receives values and container ends
 * @param onBytes - sees every byte read, in order (to hash the source while it is read)
 */
export function parseJsonFile(
  file: string,
  handler: JsonStreamHandler,
  onBytes?: (bytes: Buffer) => void,
): void {
  const parser = new JsonStreamParser(handler);
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(READ_SIZE);
  const descriptor = openSync(file, 'r');
  try {
    for (;;) {
      const count = readSync(descriptor, buffer, 0, READ_SIZE, null);
      if (count === 0) break;
      const bytes = buffer.subarray(0, count);
      onBytes?.(bytes);
      // The decoder keeps a character split across two reads for the next one.
      parser.write(decoder.write(bytes));
    }
    parser.write(decoder.end());
    parser.finish();
  } finally {
    closeSync(descriptor);
  }
}
