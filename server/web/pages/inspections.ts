import { PageDef } from '../types';

/** Inspection pages: filled in as the inspection services land. */
const pages: PageDef[] = [];

export default pages;
