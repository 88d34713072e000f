import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SLUG_PATTERN } from '../http/patterns.js';

export class AgencyIdParam {
  @ApiProperty({ example: 'kota-manokwari' })
  @Matches(SLUG_PATTERN, { message: 'agencyId must be lowercase letters, digits and dashes (max 64)' })
  agencyId!: string;
}

export class ImportErrorView {
  @ApiProperty({ example: 7, description: 'line of the file (the header is line 1)' })
  line!: number;

  @ApiProperty({ example: 'NIP', nullable: true, type: String })
  column!: string | null;

  @ApiProperty({ example: '199001012015033001', nullable: true, type: String })
  value!: string | null;

  @ApiProperty({ example: 'invalid NIP (gender: digit 15 is the gender digit and must be 1 or 2, got 3)' })
  reason!: string;
}

export class ImportReportView {
  @ApiProperty({ enum: ['units', 'employees'] })
  kind!: string;

  @ApiProperty({ example: 'kota-manokwari' })
  agencyId!: string;

  @ApiProperty({ example: 7, description: 'data rows read' })
  rows!: number;

  @ApiProperty({ example: 5, description: 'rows that wrote events (new, moved, changed position, new head)' })
  imported!: number;

  @ApiProperty({ example: 0, description: 'rows already recorded with the same data: nothing written' })
  unchanged!: number;

  @ApiProperty({ example: 2, description: 'rows not imported; see errors' })
  failed!: number;

  @ApiProperty({ type: [ImportErrorView] })
  errors!: ImportErrorView[];
}

export const UNITS_EXAMPLE =
  'ID_UNIT;NAMA_UNIT;ID_INDUK\r\ndisdik-mkw;Dinas Pendidikan Kota Manokwari;\r\nbid-sd;Bidang Pembinaan SD;disdik-mkw\r\n';
export const EMPLOYEES_EXAMPLE =
  'NIP;NAMA;JENIS_PEGAWAI;JABATAN;JENIS_JABATAN;GOLONGAN;ID_UNIT;KEPALA_UNIT\r\n' +
  '197203151998031004;"Drs. Yakob Mandacan, M.Pd.";PNS;Kepala Dinas Pendidikan;JPT;IV/c;disdik-mkw;Y\r\n';
