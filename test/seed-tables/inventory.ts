/**
 * The tables of one seed document and whether the system reproduces them. Each test/seed-tables/NNN.test.ts
 * exports its document's INVENTORY; `npm run seed-coverage` prints the counts the README states.
 */
export interface SeedTable {
  /** the table's title as the document prints it */
  table: string;
  status: 'reproduced' | 'out-of-scope';
  /** why a table is out of scope (staff counts, organisation charts, …) */
  reason?: string;
  /** how many printed figures the table has (the ones the test compares, for a reproduced table) */
  figures: number;
  /** the report and parameters that reproduce it, e.g. "expenditure-settlement?year=2018&unit=thousand" */
  report?: string;
}

export interface SeedDocumentInventory {
  /** the seed file's number: '000' … '004' */
  document: string;
  title: string;
  tables: SeedTable[];
}
