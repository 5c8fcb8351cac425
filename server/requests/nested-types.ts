import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

/**
 * class-transformer's registry of `@Type(() => Class)`: which fields of a request class hold nested
 * request classes. Read by validation (a nested item must arrive as an object) and by the OpenAPI
 * description (each nested class is a schema of its own). The package ships this module's code under
 * cjs/ and its types under types/, so it is required here once.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const storage = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
export const transformerMetadata = storage.defaultMetadataStorage;
