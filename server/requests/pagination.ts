import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** ?page=&pageSize= on every list; the answer carries the total so a client can page. */
export class PageQuery {
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageWindow(q: PageQuery): { skip: number; take: number; page: number; pageSize: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { skip: (page - 1) * pageSize, take: pageSize, page, pageSize };
}

export function paged<T>(items: T[], total: number, q: PageQuery): Page<T> {
  const { page, pageSize } = pageWindow(q);
  return { items, page, pageSize, total };
}
