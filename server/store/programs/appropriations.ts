import type { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { CalculationBasisLine } from '../../../entities/calculation-basis-line';
import type { BasisLine } from '../../../domain/basis';

/** The appropriation of an expense item in a program-year, or null. */
export function findAppropriation(em: EntityManager, programYearId: number, expenseItem: string): Promise<Appropriation | null> {
  return em.getRepository(Appropriation).findOneBy({ programYearId, expenseItem });
}

export type NewAppropriation = Pick<Appropriation, 'programYearId' | 'expenseItem' | 'amount' | 'note' | 'createdById' | 'createdAt'>;

export async function insertAppropriation(em: EntityManager, values: NewAppropriation): Promise<Appropriation> {
  const appropriation = em.getRepository(Appropriation).create(values);
  await em.save(appropriation);
  return appropriation;
}

/** The calculation basis of an appropriation, line by line (children after their parent, numbered from 1 at each level). */
export async function insertBasisLines(em: EntityManager, appropriationId: number, lines: BasisLine[], parentLineId: number | null = null) {
  for (const [i, line] of lines.entries()) {
    const row = em.getRepository(CalculationBasisLine).create({
      appropriationId,
      parentLineId,
      seq: i + 1,
      description: line.description,
      unitAmount: line.unitAmount ?? null,
      quantity: line.quantity ?? null,
      multiplier: line.multiplier ?? null,
      amount: line.amount,
    });
    await em.save(row);
    if (line.children?.length) await insertBasisLines(em, appropriationId, line.children, row.id);
  }
}
