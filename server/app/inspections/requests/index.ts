/** The request classes of inspections, checklist templates and findings: what the API and the pages validate. */
export * from './inspections';
export * from './templates';
export * from './findings';
