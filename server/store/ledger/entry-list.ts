import type { EntityManager } from 'typeorm';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { ProgramYear } from '../../../entities/program-year';
import { Disbursement } from '../../../entities/consignment-disbursement';
import type { GridPage, GridQuery } from '../../requests/grid';
import { gridRows, GridSql, whereInScope } from '../grid';

const REVERSED_BY = '(SELECT MIN(r.id) FROM ledger_entries r WHERE r.reversal_of_id = e.id)';

/** The ledger-entries grid's keys in SQL (server/queries/ledger/entry-list.ts declares the columns). */
const ENTRY_SQL: GridSql = {
  select: {
    id: 'e.id',
    entryDate: 'e.entry_date',
    fiscalYear: 'e.fiscal_year',
    programYearId: 'e.program_year_id',
    program: 'py.name',
    expenseItem: 'e.expense_item',
    kind: 'e.kind',
    amount: 'e.amount',
    reason: 'e.reason',
    reversalOfId: 'e.reversal_of_id',
    reversedById: REVERSED_BY,
    disbursementId: 'd.id',
    consignmentId: 'd.consignment_id',
    transferId: 'e.transfer_id',
  },
  sort: { status: 'e.reversal_of_id' },
  filters: {
    year: 'e.fiscal_year = :v',
    kind: 'e.kind = :v',
    status: (v) => ({
      sql:
        v === 'reversed'
          ? `${REVERSED_BY} IS NOT NULL`
          : v === 'reversal'
            ? 'e.reversal_of_id IS NOT NULL'
            : v === 'grant'
              ? 'd.id IS NOT NULL'
              : `e.reversal_of_id IS NULL AND ${REVERSED_BY} IS NULL`,
    }),
    // an entry together with its reversal, or with the entry it reverses
    pair: 'e.id = :v OR e.reversal_of_id = :v OR e.id = (SELECT p.reversal_of_id FROM ledger_entries p WHERE p.id = :v)',
    programYearId: 'e.program_year_id = :v',
    from: 'e.entry_date >= :v',
    to: 'e.entry_date <= :v',
  },
  search: ['py.name', 'e.expense_item', 'e.reason'],
  tiebreak: 'e.id',
};

/** A page of ledger entries among `programYearIds` (null: every program-year), filtered, searched and ordered in SQL. */
export function entryGridRows(
  em: EntityManager,
  programYearIds: Set<number> | null,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  const qb = em
    .createQueryBuilder()
    .from(LedgerEntry, 'e')
    .innerJoin(ProgramYear, 'py', 'py.id = e.program_year_id')
    .leftJoin(Disbursement, 'd', 'd.ledger_entry_id = e.id');
  whereInScope(qb, 'e.program_year_id', programYearIds);
  return gridRows(qb, ENTRY_SQL, query, window);
}
