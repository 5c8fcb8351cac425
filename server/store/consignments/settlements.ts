import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { OperatorEntry } from '../../../entities/consignment-operator-entry';
import { ConsignmentSettlement, ConsignmentSettlementLine } from '../../../entities/consignment-settlement';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { leanFindOne } from '../../db/lean';
import { lockRow } from '../../db/transaction';

export type SettlementWithLines = ConsignmentSettlement & { lines: ConsignmentSettlementLine[] };

// ---------------------------------------------------------------------------------------------
// The operator's spending and interest

export async function insertOperatorEntry(em: EntityManager, values: Omit<OperatorEntry, 'id'>): Promise<OperatorEntry> {
  const entry = em.getRepository(OperatorEntry).create(values);
  await em.save(entry);
  return entry;
}

/** A consignment's operator entries (of a year, or all), by year, quarter and id. */
export async function operatorEntriesOf(em: EntityManager, consignmentId: number, fiscalYear?: number): Promise<OperatorEntry[]> {
  return em.getRepository(OperatorEntry).find({
    where: { consignmentId, ...(fiscalYear ? { fiscalYear } : {}) },
    order: { fiscalYear: 'ASC', quarter: 'ASC', id: 'ASC' },
  });
}

/** A consignment-year's operator entries, as a settlement sums them. */
export async function operatorEntriesOfYear(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<OperatorEntry[]> {
  return em.getRepository(OperatorEntry).findBy({ consignmentId, fiscalYear });
}

// ---------------------------------------------------------------------------------------------
// Settlements (정산)

export async function findSettlement(em: EntityManager, id: number): Promise<ConsignmentSettlement | null> {
  return em.getRepository(ConsignmentSettlement).findOneBy({ id });
}

/** The settlement's row, locked for the rest of the transaction. */
export async function lockSettlementRow(em: EntityManager, id: number): Promise<ConsignmentSettlement> {
  return (await lockRow(em, ConsignmentSettlement, id))!;
}

/** The submitted or reviewed settlements of a consignment-year become superseded. */
export async function supersedeOpenSettlements(em: EntityManager, consignmentId: number, fiscalYear: number): Promise<void> {
  const open = await em.getRepository(ConsignmentSettlement).findBy({ consignmentId, fiscalYear, status: In(['submitted', 'reviewed']) });
  for (const o of open) await em.update(ConsignmentSettlement, { id: o.id }, { status: 'superseded' });
}

/** A new settlement and its lines (in order). */
export async function insertSettlement(
  em: EntityManager,
  values: Omit<ConsignmentSettlement, 'id'>,
  lines: Omit<ConsignmentSettlementLine, 'id' | 'settlementId' | 'seq'>[],
): Promise<SettlementWithLines> {
  const s = em.getRepository(ConsignmentSettlement).create(values);
  await em.save(s);
  const rows = lines.map((l, i) => em.getRepository(ConsignmentSettlementLine).create({ settlementId: s.id, seq: i + 1, ...l }));
  await em.save(rows);
  return Object.assign(s, { lines: rows });
}

export async function saveSettlement(em: EntityManager, s: ConsignmentSettlement): Promise<void> {
  await em.save(s);
}

/** A consignment's settlements (of a year, or all), by year and id, with their lines. */
export async function settlementsWithLines(em: EntityManager, consignmentId: number, fiscalYear?: number): Promise<SettlementWithLines[]> {
  const rows = await em
    .getRepository(ConsignmentSettlement)
    .find({ where: { consignmentId, ...(fiscalYear ? { fiscalYear } : {}) }, order: { fiscalYear: 'ASC', id: 'ASC' } });
  const lines = rows.length
    ? await em.getRepository(ConsignmentSettlementLine).find({ where: { settlementId: In(rows.map((r) => r.id)) }, order: { seq: 'ASC' } })
    : [];
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.settlementId === r.id) }));
}

/** A consignment-year's settlements, newest first. */
export async function settlementsNewestFirst(
  em: EntityManager,
  consignmentId: number,
  fiscalYear: number,
): Promise<ConsignmentSettlement[]> {
  return em.getRepository(ConsignmentSettlement).find({ where: { consignmentId, fiscalYear }, order: { id: 'DESC' } });
}

export async function settlementLines(em: EntityManager, settlementId: number): Promise<ConsignmentSettlementLine[]> {
  return em.getRepository(ConsignmentSettlementLine).find({ where: { settlementId }, order: { seq: 'ASC' } });
}

// ---------------------------------------------------------------------------------------------
// The funding line as the consignment page shows it

/** The entries of a consignment's funding line (program-year × 편성목), by date. */
export async function fundingLineEntries(em: EntityManager, programYearId: number, expenseItem: string): Promise<LedgerEntry[]> {
  return em.getRepository(LedgerEntry).find({ where: { programYearId, expenseItem }, order: { entryDate: 'ASC', id: 'ASC' } });
}

/** A ledger entry by id (the payment a reversal undoes). */
export async function ledgerEntryById(em: EntityManager, id: number): Promise<LedgerEntry | null> {
  return leanFindOne(em, LedgerEntry, { id });
}
