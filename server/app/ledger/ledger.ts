/**
 * The expenditure ledger's use cases and the helpers other aggregates' use cases call, in one
 * import: the program-year lock and writability (writable.ts), entries (entries.ts) and transfers
 * (transfers.ts); the statements are in server/store/ledger and the rules in domain/. insertEntries
 * is the only writer of ledger entries.
 */
export { POSTABLE_KINDS } from '../../../domain/entries';
export type { PostableKind } from '../../../domain/entries';
export { isProgramYearOf, programYearsAmong } from '../../store/ledger/program-years';
export type { ProgramYearKey } from '../../store/ledger/program-years';
export { expenseLineFigures, expenseLinesFigures, programYearFigures } from '../../store/ledger/line-figures';
export { insertEntries } from '../../store/ledger/entries';
export type { NewEntry } from '../../store/ledger/entries';
export { assertWritable, effectiveOrgUnitId, lockProgramYearForWrite, writableReads, writableReadsOf } from './writable';
export type { WritableReads } from './writable';
export { checkedEntry, postEntry, postReversal, reverseEntry } from './entries';
export type { PostEntryInput } from './entries';
export { createTransfer, recordCommitteeReport, reverseTransfer } from './transfers';
export type { TransferInput } from './transfers';
