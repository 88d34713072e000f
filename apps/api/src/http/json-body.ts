// The application/json body parser. Nesting is bounded before JSON.parse: a body of 2,000 nested arrays would
// otherwise overflow the stack in class-transformer (a 500) and 200 KB of "[" costs hundreds of milliseconds.
// One linear scan counts bracket depth and values outside strings; past MAX_JSON_DEPTH the body is refused with
// 400 JSON_TOO_DEEP, past MAX_JSON_VALUES with 413 JSON_TOO_MANY_VALUES (half a million array items in 1 MiB
// cost seconds of validation), both without being parsed. Bytes stay bounded by the body limit (413).
// README "Errors".
import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { errorBody } from './error-body.js';

/** Deepest nesting of objects and arrays a body may have; our deepest DTO (a policy document) needs ~6. */
export const MAX_JSON_DEPTH = 32;
/** Most values (array items and object members) a body may hold; the largest DTO (2,000 realisations) needs ~10,000. */
export const MAX_JSON_VALUES = 20_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Where `text` first breaks a limit: more than `maxDepth` objects/arrays open at once, or more than `maxValues`
 * commas (each separates two values). Brackets and commas inside strings do not count. Malformed JSON is left
 * for JSON.parse to refuse.
 */
export function exceededLimit(text: string, maxDepth: number, maxValues: number): 'depth' | 'values' | undefined {
  let depth = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return 'depth';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    } else if (c === COMMA) {
      if (++commas >= maxValues) return 'values';
    }
  }
  return undefined;
}

const logger = new Logger('http');

/** Parses a JSON request body, refusing empty, too deeply nested and malformed ones with a 400. */
export function parseJsonBody(raw: Buffer | string): unknown {
  let text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) {
    throw new BadRequestException(
      errorBody(400, 'BAD_REQUEST', "the body cannot be empty when content-type is 'application/json'"),
    );
  }
  const exceeded = exceededLimit(text, MAX_JSON_DEPTH, MAX_JSON_VALUES);
  if (exceeded === 'depth') {
    // One line, no body: it may carry personal data.
    logger.warn(`request body refused: JSON nested deeper than ${MAX_JSON_DEPTH} (${text.length} chars)`);
    throw new BadRequestException(
      errorBody(400, 'JSON_TOO_DEEP', `the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`),
    );
  }
  if (exceeded === 'values') {
    logger.warn(`request body refused: JSON with more than ${MAX_JSON_VALUES} values (${text.length} chars)`);
    throw new HttpException(
      errorBody(413, 'JSON_TOO_MANY_VALUES', `the JSON body holds more than ${MAX_JSON_VALUES} values`),
      413,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestException(
      errorBody(400, 'BAD_REQUEST', `the body is not valid JSON: ${(error as Error).message}`),
    );
  }
}
