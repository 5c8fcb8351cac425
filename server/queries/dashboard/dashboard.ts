import type { EntityManager } from 'typeorm';
import { addFigures, type LineFigures } from '../../../domain/ledger';
import { unitsWithin } from '../../access/scope';
import { consignmentsByName } from '../../store/consignments/consignments';
import { paidDisbursementCount } from '../../store/consignments/disbursements';
import { allOrgUnits, orgUnitsByIds } from '../../store/org-units/org-units';
import { programYearsByIds } from '../../store/programs/program-years';
import { countUsers } from '../../store/users/users';
import { listTransfers, type TransferView } from '../ledger/transfers';
import { effectiveOrgUnitId } from '../ledger/program-year';

/** The read models of the dashboard (the "할 일" page) and of the pickers of the report catalogue. */

/** One row per department that has programs: its name, id and the programs' figures added up, by name. */
export async function departmentFigures(
  em: EntityManager,
  programs: { orgUnitId: number; figures: LineFigures }[],
): Promise<{ label: string; id: number; figures: LineFigures }[]> {
  const depts = await orgUnitsByIds(em, [...new Set(programs.map((p) => p.orgUnitId))]);
  return depts
    .map((d) => ({
      label: d.name,
      id: d.id,
      figures: addFigures(programs.filter((p) => p.orgUnitId === d.id).map((p) => p.figures)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ko'));
}

/**
 * 전용 of a year not reported to the standing committee by the deadline, as of a day; for a
 * department's officer only those moved out of a program the department owns now.
 */
export async function overdueTransfers(em: EntityManager, year: number, asOf: string, own: number | null): Promise<TransferView[]> {
  const overdue = await listTransfers(em, { year, status: 'unreported_overdue', asOf });
  if (own === null) return overdue;
  const pys = overdue.length
    ? await programYearsByIds(
        em,
        overdue.map((t) => t.fromProgramYearId),
      )
    : [];
  const within = await unitsWithin(em, own);
  // the program's owner today: a program moved by a whole-program 이체 takes its unreported 전용 with it
  const owners = new Map<number, number>();
  for (const py of pys) owners.set(py.id, await effectiveOrgUnitId(em, py));
  return overdue.filter((t) => {
    const owner = owners.get(t.fromProgramYearId);
    return owner !== undefined && within.has(t.fromOrgUnitId ?? owner);
  });
}

export const userCount = (em: EntityManager): Promise<number> => countUsers(em);

/** Whether any grant of a consignment's fiscal year has been paid. */
export async function hasPaidGrants(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<boolean> {
  return (await paidDisbursementCount(em, consignmentId, fiscalYear)) > 0;
}

/** What the report catalogue offers to choose from: organisation units (by level, name) and consignments (by name). */
export async function reportChoices(em: EntityManager) {
  return { orgs: await allOrgUnits(em, 'level-name'), consignments: await consignmentsByName(em) };
}
