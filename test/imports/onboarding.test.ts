import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { AuditRecord } from '../../entities/audit-record';
import { testApp, TestApp } from '../support/app';
import { problemsAt, smallDistrict, tableCounts, workbookOf } from './fixtures';

const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('imports: the onboarding workbook, JSON and CSV — upsert by code, facts once, dry run, all or nothing', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  it('the JSON form goes in whole; the same file again changes nothing', async () => {
    const first = await t.as('admin').post('/api/imports').send(smallDistrict('J'));
    expect(first.status, JSON.stringify(first.body).slice(0, 800)).to.equal(201);
    expect(first.body.changes).to.equal(17);
    const bySheet = Object.fromEntries(first.body.sheets.map((s: { sheet: string; added: number }) => [s.sheet, s.added]));
    expect(bySheet).to.deep.include({ 조직: 3, 회계: 2, 사업: 3, 세출예산: 1, 세입예산: 2, 집행: 2, 세입: 2, 이월: 1, 결산: 1 });
    const [settlement] = await t.ds.query(
      "SELECT s.grant_difference AS d FROM account_year_settlements s JOIN accounts a ON a.id = s.account_id WHERE a.code = 'J-210'",
    );
    expect(Number(settlement.d)).to.equal(-12_000);
    const [line] = await t.ds.query(
      "SELECT SUM(e.amount) AS executed FROM ledger_entries e JOIN program_years py ON py.id = e.program_year_id JOIN programs p ON p.id = py.program_id WHERE p.code = 'J-S1' AND e.kind = 'execution'",
    );
    expect(Number(line.executed), 'two identical rows are two executions').to.equal(600_000);
    const [detail] = await t.ds.query(
      "SELECT p.kind, parent.code AS parent FROM programs p JOIN program_years py ON py.program_id = p.id JOIN program_years ppy ON ppy.id = py.parent_id JOIN programs parent ON parent.id = ppy.program_id WHERE p.code = 'J-S1'",
    );
    expect(detail).to.deep.equal({ kind: 'detail', parent: 'J-U1' });

    const before = await tableCounts(t);
    const again = await t.as('admin').post('/api/imports').send(smallDistrict('J'));
    expect(again.status).to.equal(201);
    expect(again.body.changes).to.equal(0);
    expect(again.body.sheets.every((s: { added: number; changed: number }) => s.added === 0 && s.changed === 0)).to.equal(true);
    expect(await tableCounts(t)).to.deep.equal(before);
  });

  it('a dry run writes nothing and lists each change before → after; the import then audits it', async () => {
    const data = smallDistrict('J');
    data.조직[2].이름 = '총무행정과';
    data.세입예산[1].예산현액 = 600_000;
    data.집행.push({ 회계연도: 2027, 사업코드: 'J-S1', 편성목: '시설비', 일자: '2027-04-01', 금액: 1000, 적요: '추가' });
    const before = await tableCounts(t);
    const dry = await t.as('admin').post('/api/imports?dryRun=true').send(data);
    expect(dry.status).to.equal(200);
    expect(dry.body).to.include({ dryRun: true, changes: 3 });
    expect(await tableCounts(t)).to.deep.equal(before);
    const orgs = dry.body.sheets.find((s: { sheet: string }) => s.sheet === '조직');
    expect(orgs).to.include({ added: 0, changed: 1, unchanged: 2 });
    expect(orgs.rows.find((r: { key: string }) => r.key === 'J-D1')).to.deep.include({
      action: 'change',
      changes: { name: { before: '총무과', after: '총무행정과' } },
    });
    const facts = dry.body.sheets.find((s: { sheet: string }) => s.sheet === '집행');
    expect(facts).to.include({ added: 1, unchanged: 2 });

    const res = await t.as('admin').post('/api/imports').send(data);
    expect(res.status).to.equal(201);
    expect(res.body.changes).to.equal(3);
    const audit = await t.ds
      .getRepository(AuditRecord)
      .findOneOrFail({ where: { action: 'import.update', entity: 'org_unit' }, order: { id: 'DESC' } });
    expect(JSON.parse(audit.before!)).to.deep.equal({ name: '총무과' });
    expect(JSON.parse(audit.after!)).to.deep.equal({ name: '총무행정과' });
  });

  it("an appropriation's 예산액 is not edited by an import: a changed amount is refused at its cell", async () => {
    const data = smallDistrict('J');
    data.세출예산[0].예산액 = 2_000_000;
    const before = await tableCounts(t);
    const res = await t.as('admin').post('/api/imports').send(data);
    expect(res.status).to.equal(422);
    expect(problemsAt(res.body)).to.include('세출예산[0].예산액:appropriatedOnce');
    expect(await tableCounts(t)).to.deep.equal(before);
  });

  it('executions beyond 예산현액 refuse the whole file, naming the row that crossed it', async () => {
    const data = smallDistrict('K');
    data.집행.push({ 회계연도: 2027, 사업코드: 'K-S1', 편성목: '시설비', 일자: '2027-05-01', 금액: 400_001 });
    const file = await workbookOf(data);
    const before = await tableCounts(t);
    const res = await t.as('admin').post('/api/imports').attach('file', file, 'over.xlsx');
    expect(res.status).to.equal(422);
    expect(problemsAt(res.body)).to.include('집행!E4:withinCurrentBudget');
    expect(await tableCounts(t)).to.deep.equal(before);
  });

  it('the template round-trips: its headers and notes row, filled in, import', async () => {
    const res = await t
      .as('admin')
      .get('/api/imports/template')
      .buffer(true)
      .parse(binary as never);
    expect(res.status).to.equal(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal([
      '조직',
      '회계',
      '사업',
      '세출예산',
      '세입예산',
      '집행',
      '세입',
      '이월',
      '결산',
    ]);
    expect(String(wb.getWorksheet('집행')!.getRow(2).getCell(5).value)).to.match(/^\(필수: 원 단위 정수/);
    wb.getWorksheet('조직')!.addRow(['TPL-GU', '양식구', '시', null, '2020-01-01', null]);
    wb.getWorksheet('조직')!.addRow(['TPL-D1', '양식과', '부서', 'TPL-GU', new Date(Date.UTC(2020, 0, 1)), null]);
    wb.getWorksheet('회계')!.addRow(['TPL-100', '일반회계', '일반회계', 1, '2020-01-01']);
    wb.getWorksheet('사업')!.addRow([2027, 'TPL-U1', '양식사업', '단위사업', null, 'TPL-100', 'TPL-D1']);
    wb.getWorksheet('세출예산')!.addRow([2027, 'TPL-U1', '사무관리비', '1,234,000원']);
    wb.getWorksheet('집행')!.addRow([2027, 'TPL-U1', '사무관리비', '2027-01-15', 1234, '첫 집행']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await t.as('admin').post('/api/imports').attach('file', file, '양식.xlsx');
    expect(imported.status, JSON.stringify(imported.body).slice(0, 600)).to.equal(201);
    expect(imported.body.changes).to.equal(6);
    const [a] = await t.ds.query(
      "SELECT a.amount FROM appropriations a JOIN program_years py ON py.id = a.program_year_id JOIN programs p ON p.id = py.program_id WHERE p.code = 'TPL-U1'",
    );
    expect(Number(a.amount)).to.equal(1_234_000);
  });

  it('one sheet as CSV (file named after the sheet) imports; a bad CSV cell is named by column and line', async () => {
    const csv = '코드,이름,단계,상위코드,시작일,종료일\r\n"CSV-1","CSV 구, 시험",시,,2020-01-01,\r\n';
    const res = await t.as('admin').post('/api/imports').attach('file', Buffer.from(csv), '조직.csv');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const [org] = await t.ds.query("SELECT name, level FROM org_units WHERE code = 'CSV-1'");
    expect(org).to.deep.equal({ name: 'CSV 구, 시험', level: 'city' });
    const bad = await t
      .as('admin')
      .post('/api/imports')
      .attach('file', Buffer.from('코드,이름,단계,시작일\nCSV-2,이름,군,2020-01-01\n'), '조직.csv');
    expect(bad.status).to.equal(422);
    expect(problemsAt(bad.body)).to.deep.equal(['조직!C2:oneOf']);
  });

  it('a closed year is refused at its cell', async () => {
    const [closed] = await t.ds.query("SELECT year FROM fiscal_years WHERE status = 'closed' ORDER BY year LIMIT 1");
    const data = { 사업: [{ ...smallDistrict('J').사업[0], 회계연도: closed.year }] };
    const res = await t.as('admin').post('/api/imports').send(data);
    expect(res.status).to.equal(422);
    expect(problemsAt(res.body)).to.include('사업[0].회계연도:fiscalYearOpen');
  });

  it("a budget officer imports their own department's rows, not another's, nor organisation units", async () => {
    const [own] = await t.ds.query("SELECT code FROM org_units WHERE name = '공정경제담당관'");
    const [other] = await t.ds.query("SELECT code FROM org_units WHERE name = '시민소통담당관'");
    const program = (code: string, org: string) => ({
      회계연도: 2027,
      코드: code,
      이름: code,
      구분: '단위사업',
      회계코드: 'J-100',
      부서코드: org,
    });
    const before = await tableCounts(t);
    const foreign = await t
      .as('officer')
      .post('/api/imports')
      .send({ 사업: [program('OWN-1', own.code), program('OTHER-1', other.code)] });
    expect(foreign.status).to.equal(403);
    expect(problemsAt(foreign.body)).to.deep.equal(['사업[1].부서코드:ownDepartment']);
    const orgs = await t
      .as('officer')
      .post('/api/imports')
      .send({ 조직: smallDistrict('Z').조직 });
    expect(orgs.status).to.equal(403);
    expect(await tableCounts(t)).to.deep.equal(before);
    const mine = await t
      .as('officer')
      .post('/api/imports')
      .send({ 사업: [program('OWN-1', own.code)] });
    expect(mine.status, JSON.stringify(mine.body)).to.equal(201);
    expect((await t.as('council').post('/api/imports').send({ 사업: [] })).status).to.equal(403);
  });

  it('a background job reports its progress and result; a second import meanwhile is a 429 with Retry-After', async () => {
    const data = smallDistrict('Q');
    data.세출예산[0].예산액 = 10_000_000_000;
    for (let i = 0; i < 4000; i++)
      data.집행.push({ 회계연도: 2027, 사업코드: 'Q-S1', 편성목: '시설비', 일자: '2027-03-01', 금액: 1000 + i });
    const started = await t.as('admin').post('/api/imports/jobs').send(data);
    expect(started.status).to.equal(202);
    const busy = await t.as('admin').post('/api/imports').send(smallDistrict('R'));
    expect(busy.status).to.equal(429);
    expect(busy.headers['retry-after']).to.equal('10');
    let job = started.body;
    for (let i = 0; i < 600 && job.phase !== 'done' && job.phase !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.as('admin').get(`/api/imports/jobs/${started.body.id}`)).body;
    }
    expect(job.phase, JSON.stringify(job.error)).to.equal('done');
    expect(job).to.include({ percent: 100 });
    expect(job.result.changes).to.equal(4017);
    expect((await t.as('officer').get(`/api/imports/jobs/${started.body.id}`)).status).to.equal(404);
  });
});
