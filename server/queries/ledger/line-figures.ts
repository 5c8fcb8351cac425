/**
 * The figures of expense lines for readers (pages, reports, API GETs): the same statements the
 * writes run under the program-year's lock (server/store/ledger/line-figures.ts).
 */
export { expenseLineFigures, expenseLinesFigures, programYearFigures } from '../../store/ledger/line-figures';
