import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { JOB_TYPES, type JobType } from '../../../../../libs/organization/src/employee/position.js';

/** Position, grade and job type: on registration and on a position change. */
export class PositionFields {
  @ApiProperty({ example: 'Guru Ahli Pertama' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  positionTitle!: string;

  @ApiProperty({ example: 'III/a', description: 'PNS: I/a .. IV/e; PPPK: I .. XVII (checked against employmentType)' })
  @IsString()
  @Matches(/^(I|II|III|IV)\/[a-e]$|^[IVX]{1,5}$/, { message: 'golongan must look like III/a (PNS) or IX (PPPK)' })
  golongan!: string;

  @ApiProperty({ enum: JOB_TYPES, example: 'FUNGSIONAL' })
  @IsIn(JOB_TYPES)
  jobType!: JobType;
}
