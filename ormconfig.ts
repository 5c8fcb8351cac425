/** For the TypeORM CLI, which looks for a default export here; the service reads server/db/config.ts. */
import { createDataSource } from './server/db/config';

export * from './server/db/config';
export default createDataSource();
