import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { OpenAPI } from 'openapi-types';
import supertest from 'supertest';
import { schemaNameOf } from '../../server/http/openapi';
import { testApp, TestApp } from '../support/app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

type Schema = { $ref?: string; type?: string; items?: Schema; properties?: Record<string, Schema>; additionalProperties?: boolean };
type Doc = { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, Record<string, unknown>>> };

/** Every "$ref" in the document, with where it is. */
function refsOf(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsOf(v, `${at}/${k}`)));
}

describe('API: /api/openapi.json is a valid OpenAPI 3.0 description (defect 9)', function () {
  let t: TestApp;
  let doc: Doc;
  before(async () => {
    t = await testApp({ steps: (f) => f.startsWith('010') });
    const res = await supertest(t.app).get('/api/openapi.json');
    expect(res.status).to.equal(200);
    doc = res.body as Doc;
  });
  after(() => t.close());

  it('is accepted by a validator (@apidevtools/swagger-parser)', async () => {
    // the validator dereferences in place: give it a copy
    await SwaggerParser.validate(structuredClone(doc) as unknown as OpenAPI.Document);
  });

  it('has no $ref to a schema that does not exist (the 14 to #/components/schemas/Array)', () => {
    const missing = refsOf(doc).filter(
      ({ ref }) => ref.startsWith('#/components/schemas/') && !doc.components.schemas[ref.slice('#/components/schemas/'.length)],
    );
    expect(missing, JSON.stringify(missing.slice(0, 5))).to.deep.equal([]);
  });

  it('describes every nested request class as its own schema, referenced where it is nested', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<new () => object, { type: string; propertyName: string; each?: boolean }[]>;
    };
    let nested = 0;
    for (const [target, metas] of storage.validationMetadatas) {
      for (const meta of metas.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION)) {
        const child = defaultMetadataStorage.findTypeMetadata(target, meta.propertyName)?.typeFunction() as (new () => object) | undefined;
        expect(child, `${target.name}.${meta.propertyName} has a @Type`).to.be.a('function');
        const prop = doc.components.schemas[schemaNameOf(target)]?.properties?.[meta.propertyName];
        const ref = meta.each ? prop?.items?.$ref : prop?.$ref;
        expect(ref, `${target.name}.${meta.propertyName}`).to.equal(`#/components/schemas/${schemaNameOf(child!)}`);
        expect(doc.components.schemas[schemaNameOf(child!)], schemaNameOf(child!)).to.be.an('object');
        nested++;
      }
    }
    expect(nested).to.be.at.least(14);
    // the grant plan's categories, for one
    expect(doc.components.schemas.CreateGrantPlanBody.properties!.categories.items!.$ref).to.equal('#/components/schemas/PlanCategoryBody');
    expect(doc.components.schemas.PlanCategoryBody.properties!.amount.type).to.equal('integer');
  });

  it("describes each route's body by exactly the fields of its own class (two classes of one name are not merged)", () => {
    const storage = getMetadataStorage();
    for (const r of t.routes.filter((r) => r.body)) {
      const path = `/api${r.path}`.replace(/:(\w+)/g, '{$1}');
      const content = doc.paths[path][r.method].requestBody as { content: Record<string, { schema: Schema }> };
      const ref = Object.values(content.content)[0].schema.$ref!;
      const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
      const fields = new Set(storage.getTargetValidationMetadatas(r.body!, '', true, false).map((m) => m.propertyName));
      expect(Object.keys(schema.properties ?? {}).sort(), `${r.method} ${path}`).to.deep.equal([...fields].sort());
      // the API refuses fields its class does not declare, and the description says so
      expect(schema.additionalProperties, `${r.method} ${path}`).to.equal(false);
    }
    const evaluation = doc.paths['/api/evaluation-templates'].post.requestBody as { content: Record<string, { schema: Schema }> };
    const inspection = doc.paths['/api/inspection-templates'].post.requestBody as { content: Record<string, { schema: Schema }> };
    expect(evaluation.content['application/json'].schema.$ref).not.to.equal(inspection.content['application/json'].schema.$ref);
  });
});
