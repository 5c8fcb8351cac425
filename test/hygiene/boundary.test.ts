import { expect } from 'chai';
import { AuditRecord } from '../../entities/audit-record';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from '../ledger/fixtures';

/**
 * Issue 14, defect 4: bad input is a 4xx problem naming the field, never a 500 and never a write —
 * sums past the exact range, import rows that are not objects, multipart surprises, bodies nested
 * 10,000 levels deep, oversized bodies; and a problem echoes only a short prefix of a bad value.
 */
describe('hygiene: parser errors and sums are 4xx problems (issue 14, defect 4)', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const expectProblem = (res: { status: number; type: string; body: { errors?: { field: string; rule: string }[] } }, status: number) => {
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).to.equal(status);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body.errors, 'names the field and the rule').to.be.an('array').that.is.not.empty;
  };

  it('a grant plan whose categories add up past 2^53 is a 422 naming categories, and writes nothing', async () => {
    const before = await counts(t);
    const res = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarters: [159_250_000, 159_250_000, 159_250_000, 159_250_000],
        reason: '비목 조정',
        categories: Array.from({ length: 10 }, (_, i) => ({ code: `C${i}`, name: `비목${i}`, amount: 10 ** 15 })),
      });
    expectProblem(res, 422);
    expect(res.body.errors[0]).to.include({ field: 'categories', rule: 'sumWithinRange' });
    expect(res.body.errors[0].message_ko).to.be.a('string');
    expect(await counts(t)).to.deep.equal(before);
  });

  it('추경 that would take a line past 10^15 won is refused before the sum is computed', async () => {
    const py = await freshProgramYear(t, { amount: 10 ** 15 });
    const before = await counts(t);
    const res = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: py.id, expenseItem: py.item, kind: 'supplementary', amount: 10 ** 15, entryDate: '2025-03-01' });
    expectProblem(res, 409);
    expect(res.body.errors[0]).to.include({ field: 'amount', rule: 'lineWithinRange' });
    expect(await counts(t)).to.deep.equal(before);
  });

  it('POST /api/imports {"집행":[1]} is a 422 naming the row', async () => {
    const before = await counts(t);
    const res = await t
      .as('officer')
      .post('/api/imports')
      .send({ 집행: [1, 'x', null, [2]] });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).to.include.members([
      '집행[0]:isObject',
      '집행[1]:isObject',
      '집행[3]:isObject',
    ]);
    expect(await counts(t)).to.deep.equal(before);
  });

  it('a multipart file in a field named "upload" is a 400 naming the field', async () => {
    const res = await t.as('officer').post('/api/imports').attach('upload', Buffer.from('PK\u0003\u0004'), 'a.xlsx');
    expectProblem(res, 400);
    expect(res.body.errors[0]).to.include({ field: 'upload', rule: 'fileField' });
  });

  it('two "file" parts are a 400, not a MulterError 500', async () => {
    const res = await t
      .as('officer')
      .post('/api/imports')
      .attach('file', Buffer.from('PK\u0003\u0004'), 'a.xlsx')
      .attach('file', Buffer.from('PK\u0003\u0004'), 'b.xlsx');
    expectProblem(res, 400);
    expect(res.body.errors[0].field).to.equal('file');
  });

  it('a malformed multipart body (no closing boundary) is a 400', async () => {
    const res = await t
      .as('officer')
      .post('/api/imports')
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK');
    expectProblem(res, 400);
  });

  const nested = (depth: number, leaf: unknown = 1): string => `${'{"a":'.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}`;

  for (const [label, headers] of [
    ['', {}],
    [' with an Idempotency-Key', { 'Idempotency-Key': 'deep-1' }],
  ] as const) {
    it(`a body nested 10,000 levels is a 400${label} (no stack overflow)`, async () => {
      const before = await counts(t);
      const categories = `[${nested(10_000)}]`;
      const res = await t
        .as('officer')
        .post('/api/grant-plans')
        .set(headers)
        .set('Content-Type', 'application/json')
        .send(`{"consignment":"EC-C01","fiscalYear":2025,"quarters":[1,1,1,1],"categories":${categories}}`);
      expectProblem(res, 400);
      expect(res.body.code).to.equal('body_too_deep');
      expect(res.body.errors[0]).to.include({ field: 'body', rule: 'maxDepth' });
      expect(await counts(t)).to.deep.equal(before);
    });
  }

  it('an array nested 10,000 levels in an import is a 400 too', async () => {
    const res = await t
      .as('officer')
      .post('/api/imports')
      .set('Content-Type', 'application/json')
      .send(`{"entries":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expectProblem(res, 400);
    expect(res.body.code).to.equal('body_too_deep');
  });

  it('a body over the limit is a 413 naming the body', async () => {
    const res = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: 1, expenseItem: 'x', kind: 'execution', amount: 1, entryDate: '2025-01-01', reason: 'x'.repeat(1_000_000) });
    expectProblem(res, 413);
    expect(res.body.errors[0]).to.include({ field: 'body', rule: 'maxSize' });
  });

  it('a problem echoes at most a short prefix of a bad value, and only as much of an unknown field name', async () => {
    const long = '가'.repeat(100_000);
    const res = await t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: 1, expenseItem: long, kind: 'execution', amount: 1, entryDate: '2025-01-01', ['k'.repeat(50_000)]: 1 });
    expectProblem(res, 400);
    const item = res.body.errors.find((e: { field: string }) => e.field === 'expenseItem');
    expect(item.rule).to.equal('maxLength');
    expect(Array.from(item.value as string).length).to.be.at.most(41);
    expect(JSON.stringify(res.body).length).to.be.below(3_000);
  });

  it('a bad %-escape in a path is a 400 problem', async () => {
    const res = await t.as('officer').post('/api/ledger-entries/%E0%A4%A/reversal').send({ entryDate: '2025-01-01', reason: 'x' });
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('application/problem+json');
  });
});

/** Issue 14, defect 5: one set of text rules for every string that comes in (API, web forms, imports). */
describe('hygiene: control characters, bidi overrides and NFC (issue 14, defect 5)', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const supplementary = (pyId: number, expenseItem: string, extra: Record<string, unknown> = {}) =>
    t
      .as('officer')
      .post('/api/ledger-entries')
      .send({ programYearId: pyId, expenseItem, kind: 'supplementary', amount: 1_000, entryDate: '2025-03-01', ...extra });

  const itemsOf = async (pyId: number) =>
    (
      (await t.ds.query('SELECT DISTINCT expense_item AS item FROM appropriations WHERE program_year_id = ?', [pyId])) as {
        item: string;
      }[]
    )
      .concat(await t.ds.query('SELECT DISTINCT expense_item AS item FROM ledger_entries WHERE program_year_id = ?', [pyId]))
      .map((r) => r.item)
      .filter((v, i, all) => all.indexOf(v) === i)
      .sort();

  it('a 추경 to "민간위탁금\\u0000" is refused naming expenseItem, and no second line appears', async () => {
    const py = await freshProgramYear(t, { item: '민간위탁금' });
    const before = await counts(t);
    const res = await supplementary(py.id, '민간위탁금\u0000');
    expect(res.status).to.equal(400);
    expect(res.body.errors[0]).to.include({ field: 'expenseItem', rule: 'noControlCharacters' });
    expect(res.body.errors[0].message_ko).to.include('제어 문자');
    expect(res.body.errors[0].value).to.equal('민간위탁금\\u0000');
    expect(await counts(t)).to.deep.equal(before);
    expect(await itemsOf(py.id)).to.deep.equal(['민간위탁금']);
  });

  it('a right-to-left override is refused, and so are C1 controls, zero-width spaces and lone surrogates', async () => {
    const py = await freshProgramYear(t, { item: '민간위탁금' });
    const before = await counts(t);
    for (const [text, rule] of [
      ['\u202E금탁위간민', 'noBidiControls'],
      ['민간\u2067위탁금', 'noBidiControls'],
      ['민간위탁금\u0085', 'noControlCharacters'],
      ['민간위탁금\n', 'noControlCharacters'],
      ['민간\u200B위탁금', 'noInvisibleCharacters'],
      ['민간위탁금\uFEFF', 'noInvisibleCharacters'],
      ['민간위탁금\uD800', 'wellFormedText'],
    ]) {
      const res = await supplementary(py.id, text);
      expect(res.status, JSON.stringify(text)).to.equal(400);
      expect(res.body.errors[0], JSON.stringify(text)).to.include({ field: 'expenseItem', rule });
    }
    expect(await counts(t)).to.deep.equal(before);
  });

  it('NUL in a reason is refused (reasons are not stored with control characters)', async () => {
    const py = await freshProgramYear(t, { item: '민간위탁금' });
    const res = await supplementary(py.id, '민간위탁금', { reason: '추경\u0000 편성' });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0]).to.include({ field: 'reason', rule: 'noControlCharacters' });
  });

  it('a decomposed (NFD) "민간위탁금" lands on the composed line: text is stored in NFC', async () => {
    const py = await freshProgramYear(t, { item: '민간위탁금' });
    const decomposed = '민간위탁금'.normalize('NFD');
    expect(decomposed).to.not.equal('민간위탁금');
    const res = await supplementary(py.id, decomposed, { reason: '추경'.normalize('NFD') });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(await itemsOf(py.id)).to.deep.equal(['민간위탁금']);
    const [row] = await t.ds.query('SELECT reason FROM ledger_entries WHERE program_year_id = ? AND kind = ?', [py.id, 'supplementary']);
    expect(row.reason).to.equal('추경');
  });

  it('nested strings follow the same rules (a grant-plan category name), with the nested field named', async () => {
    const res = await t
      .as('officer')
      .post('/api/grant-plans')
      .send({
        consignment: 'EC-C01',
        fiscalYear: 2025,
        quarters: [159_250_000, 159_250_000, 159_250_000, 159_250_000],
        reason: '비목 조정',
        categories: [{ code: 'A', name: '인건비\u202E', amount: 637_000_000 }],
      });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0]).to.include({ field: 'categories.0.name', rule: 'noBidiControls' });
  });

  it('a free-text field declared multi-line keeps its line breaks but not other controls', async () => {
    const { formBody } = await import('../../server/web/form-body');
    const { ReasonBody } = await import('../../server/app/inspections/requests/inspections');
    expect((await formBody(ReasonBody, { reason: '첫째 줄\r\n둘째 줄' })).reason).to.equal('첫째 줄\r\n둘째 줄');
    const refused = await formBody(ReasonBody, { reason: '첫째 줄\u0007' }).catch((e: unknown) => e);
    expect(refused).to.have.nested.property('errors[0].rule', 'noControlCharacters');
  });

  it('a password (@Secret) is left exactly as typed, so it matches what is typed at login', async () => {
    const { validateInput } = await import('../../server/requests/validation');
    const { CreateUserRequest } = await import('../../server/app/admin/requests');
    const typed = '비밀번호는열두자이상'.normalize('NFD') + '\u0001';
    const body = await validateInput(
      CreateUserRequest,
      { username: 'x.user', displayName: '시험', role: 'council_staff', password: typed },
      'body',
    );
    expect(body.password).to.equal(typed);
  });

  it('a web form (formBody) is refused by the same rules and normalised the same way', async () => {
    const { formBody } = await import('../../server/web/form-body');
    const { CreateEntryBody } = await import('../../server/app/ledger/requests');
    const form = { programYearId: '1', kind: 'supplementary', amount: '1,000', entryDate: '2025-03-01' };
    const refused = await formBody(CreateEntryBody, { ...form, expenseItem: '\u202E금탁위간민' }).catch((e: unknown) => e);
    expect(refused).to.have.property('kind', 'malformed');
    expect(refused).to.have.nested.property('errors[0].field', 'expenseItem');
    expect(refused).to.have.nested.property('errors[0].rule', 'noBidiControls');
    const nul = await formBody(CreateEntryBody, { ...form, expenseItem: '민간위탁금\u0000' }).catch((e: unknown) => e);
    expect(nul).to.have.nested.property('errors[0].rule', 'noControlCharacters');
    const ok = await formBody(CreateEntryBody, { ...form, expenseItem: '민간위탁금'.normalize('NFD') });
    expect(ok.expenseItem).to.equal('민간위탁금'.normalize('NFC'));
  });

  it('an import row is held to the same rules', async () => {
    const before = await counts(t);
    const res = await t
      .as('officer')
      .post('/api/imports')
      .send({
        집행: [{ 회계연도: 2025, 사업코드: 'X', 편성목: '민간위탁금\u0000', 일자: '2025-02-01', 금액: 1 }],
      });
    expect(res.status).to.equal(422);
    expect(res.body.errors[0]).to.include({ field: '집행[0].편성목', rule: 'noControlCharacters' });
    expect(await counts(t)).to.deep.equal(before);
  });

  it('query strings too: a control character in ?org= is a 400', async () => {
    const res = await t.as('council').get(`/api/ledger/settlement?year=2018&org=${encodeURIComponent('시민소통기획관\u0000')}`);
    expect(res.status).to.equal(400);
    expect(res.body.errors[0]).to.include({ field: 'org', rule: 'noControlCharacters' });
  });
});

/** Issue 14, defect 7: the request id is the server's; a client's X-Request-Id is only a sanitised correlation id. */
describe('hygiene: request ids are generated by the server (issue 14, defect 7)', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('X-Request-Id: web-login is not copied into audit_records.request_id; it is kept as the correlation id', async () => {
    const res = await t
      .as('admin')
      .post('/api/programs')
      .set('X-Request-Id', 'web-login')
      .send({ code: 'RID-1', name: '요청 번호 시험', kind: 'unit', account: 'general' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.header['x-request-id']).to.match(UUID);
    expect(res.header['x-correlation-id']).to.equal('web-login');
    const records = await t.ds.getRepository(AuditRecord).findBy({ correlationId: 'web-login' });
    expect(records).to.have.length(1);
    expect(records[0].requestId).to.equal(res.header['x-request-id']);
    expect(await t.ds.getRepository(AuditRecord).countBy({ requestId: 'web-login' })).to.equal(0);
  });

  it("a client's id is sanitised and bounded; two requests with the same id get different request ids", async () => {
    const hostile = `abc<script>\u202E\u0000 ${'z'.repeat(500)}`;
    const a = await t
      .as('admin')
      .post('/api/programs')
      .set('X-Request-Id', encodeURI(hostile))
      .send({ code: 'RID-2', name: '요청 번호 시험 2', kind: 'unit', account: 'general' });
    const b = await t
      .as('admin')
      .post('/api/programs')
      .set('X-Request-Id', encodeURI(hostile))
      .send({ code: 'RID-3', name: '요청 번호 시험 3', kind: 'unit', account: 'general' });
    expect(a.status).to.equal(201);
    expect(b.status).to.equal(201);
    expect(a.header['x-request-id']).to.not.equal(b.header['x-request-id']);
    const correlation = a.header['x-correlation-id'] as string;
    expect(correlation).to.match(/^[A-Za-z0-9._~:@+=/-]{1,64}$/);
    expect(correlation.length).to.equal(64);
    const [record] = await t.ds.getRepository(AuditRecord).find({ where: { requestId: a.header['x-request-id'] } });
    expect(record.correlationId).to.equal(correlation);
  });

  it('a request without X-Request-Id gets a generated id and no correlation id', async () => {
    const res = await t.as('council').get('/api/programs');
    expect(res.header['x-request-id']).to.match(UUID);
    expect(res.header).to.not.have.property('x-correlation-id');
  });
});
