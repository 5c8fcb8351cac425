import type { EntityManager } from 'typeorm';
import type { LineFigures } from '../../../domain/ledger';
// The line's figures are the ledger's read (expenseLineFigures). It is still in server/app/ledger until
// the ledger's reads move to server/store/ledger; then only this import line changes.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- see above: swap to server/store/ledger at merge
import { expenseLineFigures } from '../../app/ledger/ledger';

/** Figures of a consignment's funding line (program-year × 편성목): 예산현액, 집행액, … */
export function fundingLineFigures(em: EntityManager, programYearId: number, expenseItem: string): Promise<LineFigures> {
  return expenseLineFigures(em, programYearId, expenseItem);
}
