import { In, type EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { Disbursement } from '../../../entities/consignment-disbursement';
import { OrgUnit } from '../../../entities/org-unit';
import { ProgramYear } from '../../../entities/program-year';

/**
 * The statements behind the dashboard, the report catalogue and the administrator's pickers that
 * read other aggregates' tables (organisation units, program-years, consignments, disbursements).
 * When those aggregates have stores of their own these belong there.
 */

/** Every organisation unit, ordered as the caller lists them. */
export const allOrgUnits = (em: EntityManager, order: 'code' | 'name' | 'level-name'): Promise<OrgUnit[]> =>
  em
    .getRepository(OrgUnit)
    .find({ order: order === 'code' ? { code: 'ASC' } : order === 'name' ? { name: 'ASC' } : { level: 'ASC', name: 'ASC' } });

export const orgUnitsByIds = (em: EntityManager, ids: number[]): Promise<OrgUnit[]> => em.getRepository(OrgUnit).findBy({ id: In(ids) });

export const programYearsByIds = (em: EntityManager, ids: number[]): Promise<ProgramYear[]> =>
  em.getRepository(ProgramYear).findBy({ id: In(ids) });

/** Every consignment, by name. */
export const allConsignments = (em: EntityManager): Promise<Consignment[]> =>
  em.getRepository(Consignment).find({ order: { name: 'ASC' } });

/** How many disbursements of a consignment's fiscal year have been paid. */
export const paidDisbursementCount = (em: EntityManager, consignmentId: number, fiscalYear: number): Promise<number> =>
  em.getRepository(Disbursement).countBy({ consignmentId, fiscalYear, status: 'paid' });
