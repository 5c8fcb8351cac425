import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { testApp, TestApp } from '../support/app';
import { counts } from './fixtures';

async function filledTemplate(t: TestApp, fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const res = await t
    .as('officer')
    .get('/api/imports/template')
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status).to.equal(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('ledger: bulk import from the .xlsx template or JSON, all or nothing', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    for (const code of ['IMP-1', 'IMP-2', 'IMP-3']) {
      expect(
        (
          await t
            .as('admin')
            .post('/api/programs')
            .send({ code, name: `가져오기 ${code}`, kind: 'unit', account: 'general' })
        ).status,
      ).to.equal(201);
    }
  });
  after(() => t.close());

  it('the template has the three sheets with Korean headers', async () => {
    await filledTemplate(t, (wb) => {
      expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['사업', '편성', '집행']);
      expect(wb.getWorksheet('집행')!.getRow(1).getCell(5).value).to.equal('금액(원)');
    });
  });

  it('a filled template goes in whole', async () => {
    const file = await filledTemplate(t, (wb) => {
      wb.getWorksheet('사업')!.addRow([2025, 'IMP-1', '공정경제담당관']);
      wb.getWorksheet('편성')!.addRow([2025, 'IMP-1', '민간위탁금', 500_000]);
      wb.getWorksheet('집행')!.addRow([2025, 'IMP-1', '민간위탁금', 'execution', 200_000, '2025-03-31', '1분기 교부']);
      wb.getWorksheet('집행')!.addRow([2025, 'IMP-1', '민간위탁금', 'execution', '100,000', '2025-06-30', '2분기 교부']);
    });
    const res = await t.as('officer').post('/api/imports').attach('file', file, '가져오기.xlsx');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.equal({ programYears: 1, appropriations: 1, entries: 2 });
    const list = await t.as('officer').get('/api/program-years').query({ year: 2025, org: 'LFB-FAIR' });
    const py = list.body.items.find((p: { programCode: string }) => p.programCode === 'IMP-1');
    expect(py.figures).to.include({ budget: 500_000, executed: 300_000, balance: 200_000 });
  });

  it('every bad cell is reported with its sheet, cell and rule, and nothing goes in', async () => {
    const before = await counts(t);
    const file = await filledTemplate(t, (wb) => {
      wb.getWorksheet('사업')!.addRow([2025, 'IMP-2', '공정경제담당관']);
      wb.getWorksheet('편성')!.addRow([2025, 'IMP-2', '민간위탁금', 12.5]);
      wb.getWorksheet('집행')!.addRow([2025, 'IMP-2', '민간위탁금', 'gift', 100, '2025-13-01']);
    });
    const res = await t.as('officer').post('/api/imports').attach('file', file, 'bad.xlsx');
    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('import_rejected');
    const where = res.body.errors.map((e: { sheet: string; cell: string; rule: string }) => `${e.sheet}!${e.cell}:${e.rule}`);
    expect(where).to.include.members(['편성!D3:isInt', '집행!D3:isIn', '집행!F3:isCalendarDate']);
    expect(await counts(t)).to.deep.equal(before);
  });

  it('a row that breaks a ledger rule rejects the whole file, reporting the row', async () => {
    const before = await counts(t);
    const res = await t
      .as('officer')
      .post('/api/imports')
      .send({
        programYears: [{ fiscalYear: 2025, programCode: 'IMP-3', orgCode: 'LFB-FAIR' }],
        appropriations: [{ fiscalYear: 2025, programCode: 'IMP-3', expenseItem: '민간위탁금', amount: 100_000 }],
        entries: [
          { fiscalYear: 2025, programCode: 'IMP-3', expenseItem: '민간위탁금', kind: 'execution', amount: 60_000, entryDate: '2025-02-01' },
          { fiscalYear: 2025, programCode: 'IMP-3', expenseItem: '민간위탁금', kind: 'execution', amount: 60_000, entryDate: '2025-03-01' },
        ],
      });
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.have.length(1);
    expect(res.body.errors[0]).to.include({ field: 'entries[1].amount', rule: 'withinCurrentBudget' });
    expect(await counts(t)).to.deep.equal(before);
  });

  it('a corrupt .xlsx is a 400 naming the file, not a 500', async () => {
    const res = await t
      .as('officer')
      .post('/api/imports')
      .attach('file', Buffer.from('PK\u0003\u0004 this is not a workbook'), 'broken.xlsx');
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('corrupt_file');
    expect(res.body.errors[0].field).to.equal('file');
  });

  it('another department cannot import into this one (403 reported per row)', async () => {
    const res = await t
      .as('officer2')
      .post('/api/imports')
      .send({
        entries: [
          { fiscalYear: 2025, programCode: 'IMP-1', expenseItem: '민간위탁금', kind: 'execution', amount: 1, entryDate: '2025-02-01' },
        ],
      });
    expect(res.status).to.equal(422);
    expect(res.body.errors[0].rule).to.equal('forbidden');
  });
});

describe('ledger: an import replayed with the same Idempotency-Key goes in once', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    expect(
      (await t.as('admin').post('/api/programs').send({ code: 'IMP-IDEM', name: '가져오기 멱등', kind: 'unit', account: 'general' }))
        .status,
    ).to.equal(201);
  });
  after(() => t.close());

  it('the same file twice writes once; another file with the same key is refused', async () => {
    const file = await filledTemplate(t, (wb) => {
      wb.getWorksheet('사업')!.addRow([2025, 'IMP-IDEM', '공정경제담당관']);
      wb.getWorksheet('편성')!.addRow([2025, 'IMP-IDEM', '민간위탁금', 1_000]);
    });
    const first = await t.as('officer').post('/api/imports').set('Idempotency-Key', 'upload-1').attach('file', file, 'a.xlsx');
    expect(first.status).to.equal(201);
    const before = await counts(t);
    const replay = await t.as('officer').post('/api/imports').set('Idempotency-Key', 'upload-1').attach('file', file, 'a.xlsx');
    expect(replay.status).to.equal(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect(await counts(t)).to.deep.equal(before);
    const other = await filledTemplate(t, (wb) => {
      wb.getWorksheet('편성')!.addRow([2025, 'IMP-IDEM', '사무관리비', 2_000]);
    });
    const reused = await t.as('officer').post('/api/imports').set('Idempotency-Key', 'upload-1').attach('file', other, 'a.xlsx');
    expect(reused.status).to.equal(422);
    expect(reused.body.code).to.equal('idempotency_key_reused');
  });
});
