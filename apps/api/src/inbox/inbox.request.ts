// Query and path parameters of the inbox routes (class-validator at the edge).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class InboxQuery {
  @ApiPropertyOptional({ example: true, description: 'true: only items not marked read; false: only those read' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,600}$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}

export class InboxItemParam {
  @ApiProperty({ example: '0b7f4a52-8c1e-4f8e-9a4c-2f1d3e5a6b7c-198503152010011002' })
  @Matches(/^[A-Za-z0-9._:-]{1,200}$/, { message: 'itemId must be the id of an inbox item' })
  itemId!: string;
}
