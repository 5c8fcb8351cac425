import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { RouteDef } from './route';

// class-transformer's registry of @Type(() => Class): without it a nested array of objects is described
// by its reflected design type, `Array`, a schema that does not exist.
import { transformerMetadata as defaultMetadataStorage } from '../requests/nested-types';

type Schema = Record<string, unknown>;
type Ctor = { name: string; prototype: object };

/** The property on a request class under which its schema's name is kept when its own name is taken. */
const SCHEMA_NAME = '__openApiSchemaName';

const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

/**
 * Every validated class gets a schema named after it; two classes of the same name (two
 * `CreateTemplateBody`, one for evaluation templates, one for inspection templates) would otherwise
 * be merged into one schema that describes neither. Each of a clashing pair is named after the
 * resource of the route that takes it (or numbered when no route takes it as its body).
 */
function assignSchemaNames(routes: RouteDef[]): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Ctor, unknown[]> };
  const byName = new Map<string, Ctor[]>();
  for (const target of storage.validationMetadatas.keys()) {
    if (!target?.name) continue;
    byName.set(target.name, [...(byName.get(target.name) ?? []), target]);
  }
  for (const [name, targets] of byName) {
    if (targets.length < 2) continue;
    targets.forEach((target, i) => {
      const route = routes.find((r) => r.body === (target as unknown));
      const unique = route ? `${pascal(route.path.split('/')[1] ?? '')}${name}` : `${name}${i + 1}`;
      Object.defineProperty(target, SCHEMA_NAME, { value: unique, configurable: true, enumerable: false });
    });
  }
}

export const schemaNameOf = (cls: Ctor): string => (cls as Ctor & { [SCHEMA_NAME]?: string })[SCHEMA_NAME] ?? cls.name;

/** Every schema reachable by $ref from the given ones. */
function reachable(schemas: Record<string, Schema>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') visit(v.replace('#/components/schemas/', ''));
      else walk(v);
    }
  };
  const visit = (name: string) => {
    if (seen.has(name) || !schemas[name]) return;
    seen.add(name);
    walk(schemas[name]);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * The OpenAPI description is generated from the route table and the very classes that validate
 * each request, so the document cannot drift from what the API accepts.
 */
export function buildOpenApi(routes: RouteDef[]): object {
  assignSchemaNames(routes);
  const refTo = (type: unknown): Schema => {
    if (typeof type !== 'function') return {};
    if (type === String) return { type: 'string' };
    if (type === Number) return { type: 'number' };
    if (type === Boolean) return { type: 'boolean' };
    return { $ref: `#/components/schemas/${schemaNameOf(type as Ctor)}` };
  };
  const schemas = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    schemaNameField: SCHEMA_NAME,
    additionalConverters: {
      // our own rules: a calendar date and a decimal written as text
      [ValidationTypes.CUSTOM_VALIDATION]: (meta) => (meta.name === 'isCalendarDate' ? { type: 'string', format: 'date' } : {}),
      // a nested object or list of objects: its own class's schema (named as above)
      [ValidationTypes.NESTED_VALIDATION]: (meta) => {
        const target = meta.target as Ctor;
        const typeMeta = defaultMetadataStorage.findTypeMetadata(target as never, meta.propertyName);
        return refTo(typeMeta ? typeMeta.typeFunction() : Reflect.getMetadata('design:type', target.prototype, meta.propertyName));
      },
    },
  }) as Record<string, Schema>;
  // A request body refuses any field its class does not declare (validateInput: forbidNonWhitelisted).
  const bodies = routes.flatMap((r) => (r.body ? [schemaNameOf(r.body)] : []));
  for (const name of reachable(schemas, bodies)) schemas[name] = { ...schemas[name], additionalProperties: false };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api${r.path}`.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const schema = schemas[schemaNameOf(r.query)] as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
        params.push({ name, in: 'query', required: (schema?.required ?? []).includes(name), schema: prop as { type: string } });
      }
    }
    const produces = r.produces ?? ['application/json'];
    const requestBody = r.body
      ? {
          required: true,
          content: {
            [r.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json']: {
              schema: { $ref: `#/components/schemas/${schemaNameOf(r.body)}` },
            },
          },
        }
      : r.bodyType === 'multipart'
        ? {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
              },
            },
          }
        : undefined;
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.id,
      summary: r.summary,
      tags: [r.id.split('.')[0]],
      'x-roles': r.roles,
      parameters: params.length ? params : undefined,
      requestBody,
      responses: {
        [r.method === 'post' ? '201' : '200']: {
          description: 'OK',
          content: Object.fromEntries(
            produces.map((t) => [t, r.response ? { schema: { $ref: `#/components/schemas/${schemaNameOf(r.response)}` } } : {}]),
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
