// A small streaming RFC 4180 parser: text goes in chunk by chunk, complete records come out, so a 100k-row
// file is never held as text and as records at the same time. Beyond the RFC, as agencies' exports need:
// `;` as well as `,` (Indonesian Excel writes `;`), chosen from the header line; CR, LF or CRLF line ends;
// a leading BOM; blank lines (also `;;;` lines Excel leaves behind) skipped. A malformed record (text after
// a closing quote, a quote never closed) is still returned, with `problem` set, so the caller can report it
// by line and carry on with the other rows.

export type Separator = ',' | ';';

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts; a quoted field may carry it over several lines. */
  line: number;
  fields: string[];
  problem?: string;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

export class CsvParser {
  private separator: number | undefined;
  /** Text held back until the header line is complete, to choose the separator. */
  private head = '';
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private problem: string | undefined;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The previous character was a CR: a LF right after it belongs to the same line break. */
  private afterCr = false;
  private started = false;

  constructor(options: { separator?: Separator } = {}) {
    if (options.separator) this.separator = options.separator.charCodeAt(0);
  }

  /** The separator in use: given, or detected from the header line (undefined until then). */
  get detectedSeparator(): Separator | undefined {
    return this.separator === undefined ? undefined : (String.fromCharCode(this.separator) as Separator);
  }

  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = chunk.length > 0;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.separator === undefined) {
      this.head += chunk;
      const end = this.head.search(/[\r\n]/);
      if (end < 0) return [];
      this.separator = detectSeparator(this.head.slice(0, end));
      chunk = this.head;
      this.head = '';
    }
    const out: CsvRecord[] = [];
    this.consume(chunk, out);
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.separator === undefined) {
      this.separator = detectSeparator(this.head);
      this.consume(this.head, out);
      this.head = '';
    }
    if (this.state === 'quoted') {
      this.problem ??= `a quoted field opened on line ${this.quoteLine} is never closed`;
    }
    if (this.state !== 'fieldStart' || this.fields.length > 0) this.endRecord(out);
    return out;
  }

  private consume(text: string, out: CsvRecord[]): void {
    const sep = this.separator!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          // The LF of a CRLF: the line was already counted (and, inside quotes, its \n kept) at the CR.
          i++;
          continue;
        }
      }
      switch (this.state) {
        case 'fieldStart':
        case 'unquoted': {
          if (this.state === 'fieldStart' && c === QUOTE) {
            this.state = 'quoted';
            this.quoteLine = this.line;
            i++;
            break;
          }
          // Take the run of ordinary characters in one slice.
          let j = i;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === sep || d === CR || d === LF) break;
            j++;
          }
          if (j > i) {
            this.field += text.slice(i, j);
            this.state = 'unquoted';
            i = j;
            break;
          }
          if (c === sep) {
            this.fields.push(this.field);
            this.field = '';
            this.state = 'fieldStart';
          } else {
            this.lineBreak(c);
            this.endRecord(out);
          }
          i++;
          break;
        }
        case 'quoted': {
          let j = i;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === QUOTE || d === CR || d === LF) break;
            j++;
          }
          if (j > i) {
            this.field += text.slice(i, j);
            i = j;
            break;
          }
          if (c === QUOTE) {
            this.state = 'quoteInQuoted';
          } else {
            // A line break inside quotes is part of the value; CRLF and CR are kept as one \n.
            this.field += '\n';
            this.lineBreak(c);
          }
          i++;
          break;
        }
        case 'quoteInQuoted': {
          if (c === QUOTE) {
            this.field += '"';
            this.state = 'quoted';
          } else if (c === sep) {
            this.fields.push(this.field);
            this.field = '';
            this.state = 'fieldStart';
          } else if (c === CR || c === LF) {
            this.lineBreak(c);
            this.endRecord(out);
          } else {
            this.problem ??= `unexpected text after the closing quote of field ${this.fields.length + 1}`;
            this.field += text[i];
            this.state = 'unquoted';
          }
          i++;
          break;
        }
      }
    }
  }

  private lineBreak(c: number): void {
    this.line++;
    if (c === CR) this.afterCr = true;
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.every((f) => f === '') && this.problem === undefined;
    if (!blank) {
      out.push(
        this.problem === undefined
          ? { line: this.recordLine, fields: this.fields }
          : { line: this.recordLine, fields: this.fields, problem: this.problem },
      );
    }
    this.fields = [];
    this.field = '';
    this.problem = undefined;
    this.state = 'fieldStart';
    this.recordLine = this.line;
  }
}

/** `;` when the header line has more semicolons than commas (outside quotes), else `,`. */
export function detectSeparator(headerLine: string): number {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return (semicolons > commas ? ';' : ',').charCodeAt(0);
}

export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
}

/**
 * Records from bytes or text, decoded as UTF-8 (a BOM is dropped). Invalid UTF-8 (a file saved as
 * Windows-1252, say) throws CsvEncodingError rather than importing mangled names.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: { separator?: Separator } = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Uint8Array | string, stream: boolean): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new CsvEncodingError('the file is not valid UTF-8: save it as "CSV UTF-8"');
    }
  };
  for await (const chunk of source) yield* parser.push(decode(chunk, true));
  yield* parser.push(decode(new Uint8Array(0), false));
  yield* parser.end();
}
