import { IsIn, IsOptional } from 'class-validator';

/** ?dryRun=true on POST /api/imports and /api/imports/jobs: plan and list what would change, write nothing. */
export class ImportQuery {
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  dryRun?: string;
}

export const isDryRun = (q: ImportQuery): boolean => q.dryRun === 'true' || q.dryRun === '1';
