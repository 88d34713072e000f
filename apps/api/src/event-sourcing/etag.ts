// A stream's revision is exposed as a weak ETag (W/"<revision>"); If-Match carries it back (DESIGN section 3).
import { BadRequestException } from '@nestjs/common';
import { errorBody } from '../http/error-body.js';

export const etagFor = (revision: bigint): string => `W/"${revision}"`;

/** undefined when the header is absent; 400 when it is not a revision ETag we issued. */
export function parseIfMatch(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"(\d{1,19})"\s*$/.exec(value);
  if (!match) {
    throw new BadRequestException(
      errorBody(400, 'INVALID_IF_MATCH', `If-Match must be an ETag issued by this API, like W/"3"; got ${value}`),
    );
  }
  return BigInt(match[1]);
}
