import { PageDef } from '../types';

/** Consignment pages (grant plans, disbursements): filled in as the consignment services land. */
const pages: PageDef[] = [];

export default pages;
