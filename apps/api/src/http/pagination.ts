// The keyset-pagination query parameters the list routes share, declared once (validation and OpenAPI alike).
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NIP_PATTERN } from './patterns.js';

/** `limit`: 1..500 items a page, 50 when absent. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(500),
  );

/** `after` on lists ordered by NIP: the previous page's `nextCursor`. */
export const NipCursor = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'nextCursor of the previous page (a NIP)' }),
    IsOptional(),
    Matches(NIP_PATTERN, { message: 'after must be a NIP (the nextCursor of a previous page)' }),
  );
