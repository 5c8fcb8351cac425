import type { EntityManager } from 'typeorm';
import { Appropriation } from '../../../entities/appropriation';
import { CalculationBasisLine } from '../../../entities/calculation-basis-line';

/** A program-year's appropriations, by 편성목. */
export function appropriationsOf(em: EntityManager, programYearId: number): Promise<Appropriation[]> {
  return em.getRepository(Appropriation).find({ where: { programYearId }, order: { expenseItem: 'ASC' } });
}

/** The calculation-basis lines of some appropriations, in their order. */
export async function basisLinesOf(em: EntityManager, appropriationIds: number[]): Promise<CalculationBasisLine[]> {
  return appropriationIds.length
    ? em
        .getRepository(CalculationBasisLine)
        .createQueryBuilder('b')
        .where('b.appropriationId IN (:...ids)', { ids: appropriationIds })
        .orderBy('b.seq')
        .getMany()
    : [];
}
