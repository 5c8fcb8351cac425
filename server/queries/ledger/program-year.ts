import type { EntityManager } from 'typeorm';
import type { Appropriation } from '../../../entities/appropriation';
import type { CalculationBasisLine } from '../../../entities/calculation-basis-line';
import type { LedgerEntry } from '../../../entities/ledger-entry';
import type { Program } from '../../../entities/program';
import type { ProgramYear } from '../../../entities/program-year';
import type { Role } from '../../../entities/user';
import { notFound } from '../../../domain/errors';
import { executionRateOf, LineFigures } from '../../../domain/ledger';
import { ownerAfterMoves } from '../../../domain/transfers';
import { RequestContext } from '../../context';
import { LEDGER_WRITERS } from '../../access/roles';
import { assertOrgAccess } from '../../access/scope';
import { appropriationsOf, basisLinesOf } from '../../store/ledger/appropriations';
import { latestEntriesOf } from '../../store/ledger/entries';
import { fiscalYearOf } from '../../store/ledger/fiscal-years';
import { programYearFigures } from '../../store/ledger/line-figures';
import { programMoves, programOf, programYearById } from '../../store/ledger/program-years';
import { reversedTransferIds, transfersByIds } from '../../store/ledger/transfers';

/** The department that owns a program-year now: its own, or the target of its latest whole-program 이체 not reversed. */
export async function effectiveOrgUnitId(em: EntityManager, py: ProgramYear): Promise<number> {
  return ownerAfterMoves(py.orgUnitId, await programMoves(em, py.id));
}

export interface ProgramYearDetail {
  programYear: ProgramYear;
  program: Program;
  /** the department that owns it now (after any whole-program 이체) */
  effectiveOrgUnitId: number;
  /** by 편성목, each with its calculation-basis lines in order */
  appropriations: (Appropriation & { basis: CalculationBasisLine[] })[];
  figures: { items: Record<string, LineFigures>; total: LineFigures; executionRate: string };
}

/**
 * One program-year: its program, appropriations with their calculation basis, and figures by
 * expense item — what GET /api/program-years/:id and the ledger page show. A budget officer reads
 * only their own department's programs (the settlement reports, public figures, stay readable).
 */
export async function programYearDetail(em: EntityManager, ctx: RequestContext, id: number): Promise<ProgramYearDetail> {
  const py = await programYearById(em, id);
  if (!py) throw notFound('Program-year', '사업(연도)');
  const owner = await effectiveOrgUnitId(em, py);
  await assertOrgAccess(em, ctx, owner);
  const program = await programOf(em, py.programId);
  const appropriations = await appropriationsOf(em, py.id);
  const basis = await basisLinesOf(
    em,
    appropriations.map((a) => a.id),
  );
  const figures = await programYearFigures(em, py.id);
  return {
    programYear: py,
    program,
    effectiveOrgUnitId: owner,
    appropriations: appropriations.map((a) => ({ ...a, basis: basis.filter((b) => b.appropriationId === a.id) })),
    figures: { ...figures, executionRate: executionRateOf(figures.total).text },
  };
}

/** An entry as the ledger page lists it: `reverse` names what its reversal form corrects (entries/:id or transfers/:id), if anything. */
/** reversedById: the entry that reverses it (취소됨); grantId: the 교부 that posted it (corrected there) */
export type EntryRow = LedgerEntry & { reverse: string | null; reversedById: number | null; grantId: number | null };

/**
 * The latest 200 entries of a program-year, and whether the reader may write to it: a ledger writer,
 * the year open, a unit program. For a writer each entry says what may still be corrected from it:
 * an entry not yet reversed, or its transfer (offered once per transfer) not yet reversed; an entry
 * posted by a payment or settlement is corrected there.
 */
export async function programYearEntries(
  em: EntityManager,
  detail: Pick<ProgramYearDetail, 'programYear' | 'program'>,
  role: Role,
): Promise<{ yearOpen: boolean; canWrite: boolean; entries: EntryRow[] }> {
  const py = detail.programYear;
  const fy = await fiscalYearOf(em, py.fiscalYear);
  const entries = await latestEntriesOf(em, py.id, 200);
  const yearOpen = fy?.status === 'open';
  const canWrite = LEDGER_WRITERS.includes(role) && yearOpen && detail.program.kind !== 'policy';
  const reversedEntries = new Set(entries.map((e) => e.reversalOfId).filter((x): x is number => x !== null));
  const transferIds = [...new Set(entries.map((e) => e.transferId).filter((x): x is number => x !== null))];
  const transfers = await transfersByIds(em, transferIds);
  const reversedTransfers = await reversedTransferIds(em, transferIds);
  const offered = new Set<number>();
  const reversibleBy = (e: LedgerEntry): string | null => {
    if (!canWrite) return null;
    if (e.sourceRef !== null) return null; // corrected through the payment or settlement that posted it
    if (e.transferId === null) return e.reversalOfId === null && !reversedEntries.has(e.id) ? `entries/${e.id}` : null;
    const t = transfers.find((x) => x.id === e.transferId);
    if (!t || t.reversalOfId !== null || reversedTransfers.has(t.id) || offered.has(t.id)) return null;
    offered.add(t.id);
    return `transfers/${t.id}`;
  };
  const reversedBy = new Map(entries.filter((e) => e.reversalOfId !== null).map((e) => [e.reversalOfId!, e.id]));
  const grantOf = (e: LedgerEntry) => (e.sourceRef && /^disbursement:\d+$/.test(e.sourceRef) ? Number(e.sourceRef.slice(13)) : null);
  return {
    yearOpen,
    canWrite,
    entries: entries.map((e) => ({ ...e, reverse: reversibleBy(e), reversedById: reversedBy.get(e.id) ?? null, grantId: grantOf(e) })),
  };
}
