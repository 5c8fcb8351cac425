import type { EntityManager } from 'typeorm';
import type { LineFigures } from '../../../domain/ledger';
import { expenseLineFigures } from '../ledger/line-figures';

/** Figures of a consignment's funding line (program-year × 편성목): 예산현액, 집행액, … */
export function fundingLineFigures(em: EntityManager, programYearId: number, expenseItem: string): Promise<LineFigures> {
  return expenseLineFigures(em, programYearId, expenseItem);
}
