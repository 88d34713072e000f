// The global ($all) position as HTTP sees it: X-Position on command replies, X-Min-Position on reads
// (README "Read-your-writes"). Clients treat the value as opaque; it is `commit/prepare` of the event store.
import { BadRequestException } from '@nestjs/common';
import { comparePositions, formatPosition, type Position } from '../../../../libs/event-store/src/port.js';
import { errorBody } from '../http/error-body.js';

export const POSITION_HEADER = 'x-position';
export const MIN_POSITION_HEADER = 'x-min-position';
export const MAX_WAIT_HEADER = 'x-max-wait-ms';

export const DEFAULT_MAX_WAIT_MS = 5_000;
export const LONGEST_MAX_WAIT_MS = 30_000;

const POSITION = /^(\d{1,20})\/(\d{1,20})$/;

export const encodePosition = (position: Position): string => formatPosition(position);

/** undefined when the text is not a position this API issued. */
export function decodePosition(text: string): Position | undefined {
  const match = POSITION.exec(text.trim());
  return match ? { commit: BigInt(match[1]), prepare: BigInt(match[2]) } : undefined;
}

/** X-Min-Position: undefined when absent; 400 INVALID_MIN_POSITION when it is not an X-Position value. */
export function parseMinPosition(header: string | string[] | undefined): Position | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const position = decodePosition(value);
  if (!position) {
    throw new BadRequestException(
      errorBody(400, 'INVALID_MIN_POSITION', 'X-Min-Position must be an X-Position value a command reply carried', [
        { field: 'X-Min-Position', message: 'expected the X-Position header of an earlier command reply' },
      ]),
    );
  }
  return position;
}

/** X-Max-Wait-Ms: how long a read may wait for the read models (default 5 s, at most 30 s); 400 otherwise. */
export function parseMaxWait(header: string | string[] | undefined): number {
  if (header === undefined) return DEFAULT_MAX_WAIT_MS;
  const value = (Array.isArray(header) ? header[0] : header).trim();
  const ms = Number(value);
  if (!/^\d{1,6}$/.test(value) || ms > LONGEST_MAX_WAIT_MS) {
    throw new BadRequestException(
      errorBody(
        400,
        'INVALID_MAX_WAIT',
        `X-Max-Wait-Ms must be a whole number of milliseconds 0-${LONGEST_MAX_WAIT_MS}`,
        [{ field: 'X-Max-Wait-Ms', message: `0-${LONGEST_MAX_WAIT_MS}` }],
      ),
    );
  }
  return ms;
}

/** The later of two positions (either may be missing). */
export function laterPosition(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a) return b;
  if (!b) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}
