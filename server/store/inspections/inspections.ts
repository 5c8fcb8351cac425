import { In, type EntityManager } from 'typeorm';
import { Inspection, InspectionStatus } from '../../../entities/inspection';
import { notFound } from '../../../domain/errors';
import { lockRow } from '../../db/transaction';

/** Every statement on the inspections table (the header of an inspection). */

export async function findInspection(em: EntityManager, id: number): Promise<Inspection | null> {
  return em.getRepository(Inspection).findOneBy({ id });
}

/** An inspection by id, or a refusal (404). */
export async function inspectionById(em: EntityManager, id: number): Promise<Inspection> {
  const i = await findInspection(em, id);
  if (!i) throw notFound(`Inspection ${id}`, `지도점검 ${id}`);
  return i;
}

/** An inspection that must exist (a foreign key of a row read in the same transaction). */
export async function inspectionByIdOrFail(em: EntityManager, id: number): Promise<Inspection> {
  return em.getRepository(Inspection).findOneByOrFail({ id });
}

/** Locks the inspection for the rest of the transaction; null when there is none. */
export async function lockInspection(em: EntityManager, id: number): Promise<Inspection | null> {
  return lockRow(em, Inspection, id);
}

/** A new inspection row (from every field but the id); returns it with its id. */
export async function insertInspection(em: EntityManager, fields: Omit<Inspection, 'id'>): Promise<Inspection> {
  const row = em.getRepository(Inspection).create(fields);
  await em.save(row);
  return row;
}

/** Writes the inspection's fields as they are now. */
export async function saveInspection(em: EntityManager, inspection: Inspection): Promise<void> {
  await em.save(inspection);
}

/** The revision of an inspection (a draft, or approved), if any. */
export async function revisionOf(em: EntityManager, id: number): Promise<Inspection | null> {
  return em.getRepository(Inspection).findOne({ where: { revisionOfId: id } });
}

/** The revisions of any of these inspections. */
export async function revisionsOfAny(em: EntityManager, ids: number[]): Promise<Inspection[]> {
  return em.getRepository(Inspection).find({ where: { revisionOfId: In(ids) } });
}

/** Inspections filtered by consignment, year and status; newest year, round and id first. */
export async function inspectionsWhere(
  em: EntityManager,
  q: { consignmentId?: number; year?: number; status?: InspectionStatus },
): Promise<Inspection[]> {
  const where: Record<string, unknown> = {};
  if (q.consignmentId) where.consignmentId = q.consignmentId;
  if (q.year) where.fiscalYear = q.year;
  if (q.status) where.status = q.status;
  return em.getRepository(Inspection).find({ where, order: { fiscalYear: 'DESC', round: 'DESC', id: 'DESC' } });
}

/** Approved inspections, optionally of one consignment and year (in no particular order). */
export async function approvedInspections(em: EntityManager, q: { consignmentId?: number; year?: number }): Promise<Inspection[]> {
  const where: Record<string, unknown> = { status: 'approved' };
  if (q.consignmentId) where.consignmentId = q.consignmentId;
  if (q.year) where.fiscalYear = q.year;
  return em.getRepository(Inspection).find({ where });
}

/** Approved and submitted (awaiting approval) inspections: whose findings the open-findings register lists. */
export async function approvedOrSubmittedInspections(
  em: EntityManager,
  q: { consignmentId?: number; year?: number },
): Promise<Inspection[]> {
  const where: Record<string, unknown> = { status: In(['approved', 'submitted']) };
  if (q.consignmentId) where.consignmentId = q.consignmentId;
  if (q.year) where.fiscalYear = q.year;
  return em.getRepository(Inspection).find({ where });
}

/** Approved inspections of a consignment in a year, by round and id. */
export async function approvedInspectionsByRound(em: EntityManager, consignmentId: number, year: number): Promise<Inspection[]> {
  return em.getRepository(Inspection).find({
    where: { consignmentId, fiscalYear: year, status: 'approved' },
    order: { round: 'ASC', id: 'ASC' },
  });
}

/** The ids of the inspection and every revision before or after it. */
export async function revisionFamilyOf(em: EntityManager, inspection: Inspection): Promise<Set<number>> {
  const ids = new Set<number>([inspection.id]);
  let cur: Inspection | null = inspection;
  while (cur?.revisionOfId) {
    ids.add(cur.revisionOfId);
    cur = await findInspection(em, cur.revisionOfId);
  }
  let frontier = [...ids];
  while (frontier.length) {
    const next = await revisionsOfAny(em, frontier);
    frontier = next.map((n) => n.id).filter((n) => !ids.has(n));
    frontier.forEach((n) => ids.add(n));
  }
  return ids;
}
