import { In, type EntityManager } from 'typeorm';
import { InspectionFinding } from '../../../entities/inspection';
import { lockRow } from '../../db/transaction';

/** Every statement on inspection_findings. */

export async function findFinding(em: EntityManager, id: number): Promise<InspectionFinding | null> {
  return em.getRepository(InspectionFinding).findOneBy({ id });
}

export async function lockFinding(em: EntityManager, id: number): Promise<InspectionFinding | null> {
  return lockRow(em, InspectionFinding, id);
}

/** The findings of an inspection; by seq when `ordered`. */
export async function findingsOf(em: EntityManager, inspectionId: number, ordered = true): Promise<InspectionFinding[]> {
  return em.getRepository(InspectionFinding).find({ where: { inspectionId }, ...(ordered ? { order: { seq: 'ASC' as const } } : {}) });
}

/** The findings of any of these inspections. */
export async function findingsOfInspections(em: EntityManager, inspectionIds: number[]): Promise<InspectionFinding[]> {
  return em.getRepository(InspectionFinding).find({ where: { inspectionId: In(inspectionIds) } });
}

/** The highest seq of an inspection's findings (0 when none). */
export async function lastFindingSeq(em: EntityManager, inspectionId: number): Promise<number> {
  const last = await em.getRepository(InspectionFinding).findOne({ where: { inspectionId }, order: { seq: 'DESC' } });
  return last?.seq ?? 0;
}

/** A new finding; its originId is its own id (written in a second statement once the id is known). */
export async function insertFinding(em: EntityManager, fields: Omit<InspectionFinding, 'id' | 'originId'>): Promise<InspectionFinding> {
  const row = em.getRepository(InspectionFinding).create({ ...fields, originId: null });
  await em.save(row);
  row.originId = row.id;
  await em.save(row);
  return row;
}

export async function saveFinding(em: EntityManager, finding: InspectionFinding): Promise<void> {
  await em.save(finding);
}

export async function deleteFinding(em: EntityManager, id: number): Promise<void> {
  await em.delete(InspectionFinding, { id });
}

/** How many findings link to this origin as a repeat. */
export async function countRepeatsOf(em: EntityManager, originId: number): Promise<number> {
  return em.getRepository(InspectionFinding).count({ where: { repeatOfId: originId } });
}

/** Copies the findings of one inspection to another (a revision), keeping each one's origin. */
export async function copyFindings(em: EntityManager, fromInspectionId: number, toInspectionId: number, createdAt: Date): Promise<void> {
  for (const f of await findingsOf(em, fromInspectionId, false)) {
    const { id: _f, ...rest } = f;
    await em.insert(InspectionFinding, { ...rest, originId: f.originId ?? f.id, inspectionId: toInspectionId, createdAt });
  }
}
