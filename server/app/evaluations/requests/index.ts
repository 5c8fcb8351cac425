/** The request classes of the evaluations: the API validates its bodies and queries with them, and the web forms read into them. */
export * from './templates';
export * from './evaluations';
export * from './indicators';
export * from './renewal';
