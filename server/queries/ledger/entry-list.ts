import type { EntityManager } from 'typeorm';
import { ENTRY_KINDS } from '../../../entities/ledger-entry';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { RequestContext } from '../../context';
import { readableProgramYearIds } from '../../access/department-rows';
import { entryGridRows } from '../../store/ledger/entry-list';

export const ENTRY_KIND_KO: Record<string, string> = {
  supplementary: '추경',
  carry_in: '전년이월',
  reserve: '예비비',
  change_use: '변경사용',
  execution: '집행',
  carry_out: '차년이월',
  transfer_item: '전용',
  transfer_program: '이용',
  transfer_org: '이체',
};

/** 원장 거래: every ledger entry the reader may see, one grid. */
export const ENTRY_LIST: ListDefinition = {
  id: 'ledger-entries',
  title: '원장 거래 내역',
  columns: [
    { key: 'id', label: '번호', type: 'number', sortable: true, width: 8 },
    { key: 'entryDate', label: '일자', type: 'date', sortable: true },
    { key: 'program', label: '사업', sortable: true, width: 30 },
    { key: 'expenseItem', label: '비목', sortable: true },
    { key: 'kind', label: '구분', sortable: true, labels: ENTRY_KIND_KO, width: 10 },
    { key: 'amount', label: '금액(원)', type: 'money', sortable: true },
    { key: 'reason', label: '사유', width: 36 },
    { key: 'status', label: '상태', width: 30 },
  ],
  filters: [
    { key: 'year', label: '회계연도', kind: 'year' },
    { key: 'kind', label: '구분', kind: 'select', options: ENTRY_KINDS.map((k) => ({ value: k, label: ENTRY_KIND_KO[k] })) },
    {
      key: 'status',
      label: '상태',
      kind: 'select',
      options: [
        { value: 'active', label: '유효' },
        { value: 'reversed', label: '취소됨' },
        { value: 'reversal', label: '취소 거래' },
        { value: 'grant', label: '교부로 기록된 거래' },
      ],
    },
    { key: 'from', label: '시작일', kind: 'date' },
    { key: 'pair', label: '관련 거래', kind: 'id', hidden: true },
    { key: 'programYearId', label: '사업', kind: 'id', hidden: true },
    { key: 'to', label: '종료일', kind: 'date' },
  ],
  defaultSort: { key: 'id', desc: true },
  searchLabel: '사업·비목·사유 검색',
};

/** The status of an entry in words: 취소됨 (reversed by …), 취소 거래 (reverses …), 교부 (posted by a grant). */
export function entryStatusText(r: Record<string, unknown>): string {
  const parts: string[] = [];
  if (r.reversedById !== null && r.reversedById !== undefined) parts.push(`취소됨 (${Number(r.reversedById)}번 거래로 취소)`);
  if (r.reversalOfId !== null && r.reversalOfId !== undefined) parts.push(`${Number(r.reversalOfId)}번 거래의 취소`);
  if (r.disbursementId !== null && r.disbursementId !== undefined) parts.push(`위탁금 교부 ${Number(r.disbursementId)}번`);
  return parts.join(' · ');
}

/**
 * A page of the ledger entries the reader may see (a budget officer: their department's program-years,
 * row by row as GET /api/ledger-entries), with each row's status in words.
 */
export async function entryGrid(
  em: EntityManager,
  ctx: RequestContext,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  const year = query.filters.year ? Number(query.filters.year) : undefined;
  const readable = await readableProgramYearIds(em, ctx, year);
  const page = await entryGridRows(em, readable, query, window);
  return { ...page, rows: page.rows.map((r) => ({ ...r, status: entryStatusText(r) })) };
}
