import type { EntityManager } from 'typeorm';
import { Consignment } from '../../../entities/consignment';
import { notFound } from '../../../domain/errors';
import { leanFindOne } from '../../db/lean';

/**
 * The one way a consignment is named from outside: by its id (digits), its code (e.g. `EC-U01`),
 * or its exact name (전자상거래센터 운영; the oldest of that name, should two share it). The API,
 * the pages, the reports and the imports all accept exactly these, so a reference that works in one
 * works in every other. `field` names the input the reference came from, for the refusal.
 */
export async function resolveConsignment(em: EntityManager, ref: string | number, field = 'consignment'): Promise<Consignment> {
  const found = await findConsignment(em, ref);
  if (!found) throw notFound(`Consignment ${String(ref).trim()}`, `위탁사무 ${String(ref).trim()}`, field);
  return found;
}

/** The same look-up as resolveConsignment, answering null instead of refusing (for a reference that may name something else). */
export async function findConsignment(em: EntityManager, ref: string | number): Promise<Consignment | null> {
  const text = String(ref).trim();
  let found: Consignment | null = null;
  if (/^\d{1,10}$/.test(text)) found = await leanFindOne(em, Consignment, { id: Number(text) });
  found ??= await leanFindOne(em, Consignment, { code: text });
  found ??= await leanFindOne(em, Consignment, { name: text }, { order: [['id', 'ASC']] });
  return found;
}

/** A consignment by its id alone (a path parameter or a foreign key), or a refusal naming `field`. */
export async function consignmentById(em: EntityManager, id: number, field = 'consignmentId'): Promise<Consignment> {
  const found = await leanFindOne(em, Consignment, { id });
  if (!found) throw notFound(`Consignment ${id}`, `위탁사무 ${id}`, field);
  return found;
}
