import { expect } from 'chai';
import supertest from 'supertest';
import { testApp, TestApp } from '../support/app';

describe('API: OpenAPI is generated from the validation classes', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp({ steps: (f) => f.startsWith('010') });
  });
  after(() => t.close());

  it('serves /api/openapi.json with every route and the request schema of each body', async () => {
    const res = await supertest(t.app).get('/api/openapi.json');
    expect(res.status).to.equal(200);
    const doc = res.body;
    for (const r of t.routes) {
      const path = `/api${r.path}`.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method], `${r.method} ${path}`).to.be.an('object');
      expect(doc.paths[path][r.method]['x-roles']).to.deep.equal([...r.roles]);
    }
    const post = doc.paths['/api/ledger-entries'].post;
    expect(post.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/CreateEntryBody');
    const schema = doc.components.schemas.CreateEntryBody;
    expect(schema.properties.amount.type).to.equal('integer');
    expect(schema.properties.amount.maximum).to.equal(1e15);
    expect(schema.properties.kind.enum).to.include('execution');
    expect(schema.properties.entryDate).to.deep.equal({ type: 'string', format: 'date' });
    expect(schema.required).to.include.members(['programYearId', 'expenseItem', 'kind', 'amount', 'entryDate']);
  });
});
