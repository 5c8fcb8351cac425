import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { RouteDef } from './route';

/**
 * The OpenAPI description is generated from the route table and the very classes that validate
 * each request, so the document cannot drift from what the API accepts.
 */
export function buildOpenApi(routes: RouteDef[]): object {
  const schemas = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      // our own rules: a calendar date and a decimal written as text
      [ValidationTypes.CUSTOM_VALIDATION]: (meta) => (meta.name === 'isCalendarDate' ? { type: 'string', format: 'date' } : {}),
    },
  });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api${r.path}`.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const schema = schemas[r.query.name] as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
        params.push({ name, in: 'query', required: (schema?.required ?? []).includes(name), schema: prop as { type: string } });
      }
    }
    const produces = r.produces ?? ['application/json'];
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.id,
      summary: r.summary,
      tags: [r.id.split('.')[0]],
      'x-roles': r.roles,
      parameters: params.length ? params : undefined,
      requestBody: r.body
        ? {
            required: true,
            content: {
              [r.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json']: {
                schema: { $ref: `#/components/schemas/${r.body.name}` },
              },
            },
          }
        : undefined,
      responses: {
        [r.method === 'post' ? '201' : '200']: {
          description: 'OK',
          content: Object.fromEntries(
            produces.map((t) => [t, r.response ? { schema: { $ref: `#/components/schemas/${r.response.name}` } } : {}]),
          ),
        },
        '400': { $ref: '#/components/responses/Problem' },
        '403': { $ref: '#/components/responses/Problem' },
        '409': { $ref: '#/components/responses/Problem' },
        '422': { $ref: '#/components/responses/Problem' },
      },
      ...(r.method === 'post'
        ? { 'x-idempotency': 'An Idempotency-Key header makes a replay return the first answer without writing twice.' }
        : {}),
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: '예산·민간위탁 관리대장 API',
      version: '0.1.0',
      description: 'Budget and consignment oversight ledger. Amounts are integer won.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas,
      responses: {
        Problem: {
          description: 'application/problem+json naming the field and the rule, in English and Korean',
          content: { 'application/problem+json': { schema: { type: 'object' } } },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
