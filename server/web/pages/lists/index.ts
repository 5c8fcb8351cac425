import type { PageDef } from '../../types';
import audit from './audit';
import findings from './findings';
import grants from './grants';
import ledgerEntries from './ledger-entries';
import search from './search';

/** The list pages (grids) that have no other home, and the search page: each module exports its pages. */
const pages: PageDef[] = [...ledgerEntries, ...grants, ...findings, ...audit, ...search];

export default pages;
