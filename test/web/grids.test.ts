import { expect } from 'chai';
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { Consignment } from '../../entities/consignment';
import { Disbursement } from '../../entities/consignment-disbursement';
import { LedgerEntry } from '../../entities/ledger-entry';
import { User } from '../../entities/user';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';

type Agent = ReturnType<typeof supertest.agent>;

/** The rows of a grid table on a page: each row's cell texts (tags stripped). */
function gridRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table class="grid-table" id="grid-${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) throw new Error(`no grid ${id} on the page`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((m) =>
      [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
        c[1]
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    )
    .filter((cells) => !(cells.length === 1 && cells[0].includes('자료가 없습니다')));
}

const countOf = (html: string) => Number(/<p class="grid-count"[^>]*>(\d+)건/.exec(html)![1]);

async function xlsxRows(agent: Agent, url: string): Promise<string[][]> {
  const res = await agent
    .get(url)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status, url).to.equal(200);
  expect(res.headers['content-type']).to.contain('spreadsheetml');
  expect(res.headers['content-disposition']).to.match(/filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as never);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('web: every list a grid (sort, filter, search, paging in SQL; URL state; 엑셀 of the filtered view)', function () {
  this.timeout(240_000);
  let t: TestApp;
  let officer: Agent;
  let council: Agent;
  let admin: Agent;

  before(async () => {
    t = await testApp({ web: true });
    officer = (await webLogin(t.app, 'officer')).agent;
    council = (await webLogin(t.app, 'council')).agent;
    admin = (await webLogin(t.app, 'admin')).agent;
  });
  after(async () => t?.close());

  it('ledger entries: sort, filter, search and paging change the rows; the state is in the links', async () => {
    const all = await council.get('/ledger-entries?size=5').expect(200);
    const total = countOf(all.text);
    expect(total).to.be.greaterThan(5);
    const firstPage = gridRows(all.text, 'ledger-entries');
    expect(firstPage).to.have.length(5);
    // default: newest (highest number) first
    const ids = firstPage.map((r) => Number(r[0].replace(/\D.*$/, '')));
    expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
    expect(all.text).to.contain('href="/ledger-entries?size=5&amp;page=2"');

    const page2 = gridRows((await council.get('/ledger-entries?size=5&page=2').expect(200)).text, 'ledger-entries');
    expect(page2.map((r) => r[0])).to.not.deep.equal(firstPage.map((r) => r[0]));

    const byAmount = gridRows((await council.get('/ledger-entries?size=50&sort=amount:desc').expect(200)).text, 'ledger-entries');
    const amounts = byAmount.map(
      (r) => Number(r[5].replace(/[^\d-]/g, '').replace(/^$/, '0')) * (r[5].startsWith('△') || r[5].startsWith('-') ? -1 : 1),
    );
    for (let i = 1; i < amounts.length; i++) expect(amounts[i - 1]).to.be.at.least(amounts[i]);

    const executions = await council.get('/ledger-entries?kind=execution&size=200').expect(200);
    const rows = gridRows(executions.text, 'ledger-entries');
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.every((r) => r[4] === '집행')).to.equal(true);
    expect(countOf(executions.text)).to.equal(await t.ds.getRepository(LedgerEntry).countBy({ kind: 'execution' }));

    const anEntry = await t.ds.getRepository(LedgerEntry).findOneOrFail({ where: { kind: 'execution' }, order: { id: 'ASC' } });
    const searched = await council.get(`/ledger-entries?q=${encodeURIComponent(anEntry.expenseItem)}&size=200`).expect(200);
    const found = gridRows(searched.text, 'ledger-entries');
    expect(found.length).to.be.greaterThan(0);
    expect(
      found.every((r) => r[3].includes(anEntry.expenseItem) || r[2].includes(anEntry.expenseItem) || r[6].includes(anEntry.expenseItem)),
    ).to.equal(true);
  });

  it('a filter or search value with SQL metacharacters is harmless; an unknown sort column or filter value is refused with 400', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', '!', '"; DROP TABLE ledger_entries; --']) {
      const res = await council.get(`/ledger-entries?q=${encodeURIComponent(q)}`).expect(200);
      expect(countOf(res.text), q).to.equal(0);
    }
    expect(await t.ds.getRepository(LedgerEntry).count()).to.be.greaterThan(0);
    const badSort = await council.get('/ledger-entries?sort=amount;DROP').expect(400);
    expect(badSort.text).to.contain('조회 조건이 올바르지 않습니다');
    const unknown = await council.get('/ledger-entries?sort=reason').expect(400);
    expect(unknown.text).to.contain('이 열로는 정렬할 수 없습니다');
    await council.get(`/ledger-entries?kind=${encodeURIComponent("execution' OR '1'='1")}`).expect(400);
    await council.get('/ledger-entries?size=100000').expect(400);
    await council.get('/grants?consignment=1%20OR%201=1').expect(400);
  });

  it('the 엑셀 button exports exactly the filtered rows (all pages), read back with exceljs', async () => {
    const page = await council.get('/ledger-entries?kind=execution&size=2').expect(200);
    const total = countOf(page.text);
    expect(page.text).to.contain('href="/ledger-entries?kind=execution&amp;size=2&amp;format=xlsx"');
    const sheet = await xlsxRows(council, '/ledger-entries?kind=execution&size=2&format=xlsx');
    const header = sheet.findIndex((r) => r.includes('번호') && r.includes('구분'));
    expect(header).to.be.at.least(0);
    const kindCol = sheet[header].indexOf('구분');
    const body = sheet.slice(header + 1).filter((r) => r[kindCol]);
    expect(body).to.have.length(total);
    expect(body.every((r) => r[kindCol] === '집행')).to.equal(true);
    const expectedIds = (await t.ds.getRepository(LedgerEntry).find({ where: { kind: 'execution' }, order: { id: 'DESC' } })).map(
      (e) => e.id,
    );
    expect(body.map((r) => Number(r[0]))).to.deep.equal(expectedIds);
  });

  it('other departments’ rows never appear in a list, its export or the search', async () => {
    // officer2 (시민소통담당관) owns none of the seed's consignments; officer (공정경제담당관) owns them
    const other = (await webLogin(t.app, 'officer2')).agent;
    const viewer = await t.ds.getRepository(User).findOneByOrFail({ username: 'officer2' });
    const consignments = await t.ds.getRepository(Consignment).find();
    const foreign = consignments.filter((c) => c.orgUnitId !== viewer.orgUnitId);
    expect(foreign.length, 'seed has other departments’ consignments').to.be.greaterThan(0);
    const foreignIds = new Set(foreign.map((c) => c.id));
    const foreignGrants = (await t.ds.getRepository(Disbursement).find()).filter((d) => foreignIds.has(d.consignmentId)).length;
    expect(foreignGrants).to.be.greaterThan(0);

    const grants = await other.get('/grants?size=200').expect(200);
    for (const c of foreign) expect(grants.text, c.name).to.not.contain(`>${c.name}<`);
    const ownIds = new Set(consignments.filter((c) => !foreignIds.has(c.id)).map((c) => c.id));
    const ownGrants = (await t.ds.getRepository(Disbursement).find()).filter((d) => ownIds.has(d.consignmentId)).length;
    expect(countOf(grants.text)).to.equal(ownGrants);
    expect(countOf((await officer.get('/grants?size=200').expect(200)).text)).to.be.greaterThan(0);
    expect(countOf((await council.get('/grants?size=200').expect(200)).text)).to.equal(await t.ds.getRepository(Disbursement).count());

    const sheet = await xlsxRows(other, '/grants?format=xlsx');
    const flat = sheet.flat().join('\n');
    for (const c of foreign) expect(flat, c.name).to.not.contain(c.name);
    const plans = await xlsxRows(other, '/grant-plans?format=xlsx');
    for (const c of foreign) expect(plans.flat().join('\n'), c.name).to.not.contain(c.name);

    // a foreign consignment named in the filter is not one of the choices: refused, never shown
    await other.get(`/grants?consignment=${foreign[0].id}`).expect(400);

    for (const c of foreign.slice(0, 3)) {
      const s = await other.get(`/search?q=${encodeURIComponent(c.name)}`).expect(200);
      expect(s.text, c.name).to.not.contain(`href="/consignments/${c.id}"`);
      const cs = await council.get(`/search?q=${encodeURIComponent(c.name)}`).expect(200);
      expect(cs.text, c.name).to.contain(`href="/consignments/${c.id}"`);
    }
    const mine = countOf((await other.get('/ledger-entries?size=200').expect(200)).text);
    const theirs = countOf((await officer.get('/ledger-entries?size=200').expect(200)).text);
    const all = countOf((await council.get('/ledger-entries?size=200').expect(200)).text);
    expect(mine + theirs).to.be.at.most(all);
    expect(theirs).to.be.lessThan(all);
    const otherExport = await xlsxRows(other, '/ledger-entries?format=xlsx');
    const header = otherExport.findIndex((r) => r.includes('번호'));
    expect(otherExport.slice(header + 1).filter((r) => /^\d+$/.test(r[0]))).to.have.length(mine);
  });

  it('a reversed entry is marked 취소됨 and linked both ways to its reversal', async () => {
    const repo = t.ds.getRepository(LedgerEntry);
    // a reversal as the ledger keeps it (the reversing entry names the one it reverses): set up directly, the page only reads
    const target = await repo.findOneOrFail({ where: { kind: 'execution' }, order: { id: 'ASC' } });
    const { id: _id, ...copy } = target;
    await repo.save(repo.create({ ...copy, amount: -target.amount, reason: '시험: 잘못 기록한 집행의 취소', reversalOfId: target.id }));
    const reversal = await repo.findOneByOrFail({ reversalOfId: target.id });
    const page = await council.get(`/ledger-entries?status=reversed&size=200`).expect(200);
    expect(page.text).to.contain(`id="entry-${target.id}" class="reversed"`);
    const row = new RegExp(`<tr id="entry-${target.id}"[\\s\\S]*?</tr>`).exec(page.text)![0];
    expect(row).to.contain('취소됨');
    expect(row).to.contain(`href="/ledger-entries?pair=${target.id}"`);
    expect(row).to.contain(`${reversal.id}번 거래로 취소`);
    const back = await council.get(`/ledger-entries?status=reversal&size=200`).expect(200);
    const rrow = new RegExp(`<tr id="entry-${reversal.id}"[\\s\\S]*?</tr>`).exec(back.text)![0];
    expect(rrow).to.contain(`${target.id}번 거래의 취소`);
    expect(rrow).to.contain(`href="/ledger-entries?pair=${reversal.id}"`);
    // the program-year page marks it too, linked both ways by anchors
    const py = await council.get(`/ledger/${target.programYearId}`).expect(200);
    const pyRow = new RegExp(`<tr id="entry-${target.id}" class="reversed">[\\s\\S]*?</tr>`).exec(py.text)![0];
    expect(pyRow).to.contain(`href="#entry-${reversal.id}"`);
    expect(pyRow).to.contain('취소됨');
    expect(py.text).to.match(new RegExp(`<tr id="entry-${reversal.id}"[\\s\\S]*?href="#entry-${target.id}"`));
    const pair = gridRows((await council.get(`/ledger-entries?pair=${reversal.id}`).expect(200)).text, 'ledger-entries');
    expect(pair.map((r) => Number(r[0].replace(/\D.*$/, ''))).sort()).to.deep.equal([target.id, reversal.id].sort());
  });

  it('rows posted by a 교부 point to the consignment’s grants, where a 교부 is corrected; numeric headers are right-aligned', async () => {
    const paid = await t.ds.getRepository(Disbursement).findOne({ where: { status: 'paid' } });
    expect(paid, 'a paid grant in the seed').to.exist;
    const page = await council.get('/ledger-entries?status=grant&size=200').expect(200);
    expect(countOf(page.text)).to.be.greaterThan(0);
    expect(page.text).to.match(new RegExp(`href="/consignments/${paid!.consignmentId}\\?year=${paid!.fiscalYear}#grants"`));
    expect(page.text).to.contain('위탁금 교부');
    expect(page.text).to.match(/<th scope="col" class="num"[^>]*><a href="[^"]*sort=amount/);
  });

  it('grants, requests, plans, inspections, findings, users, audit and the catalogue answer as grids', async () => {
    const c = (await t.ds.getRepository(Disbursement).findOneOrFail({ where: {} })).consignmentId;
    const byConsignment = await council.get(`/grants?consignment=${c}&size=200`).expect(200);
    expect(countOf(byConsignment.text)).to.equal(await t.ds.getRepository(Disbursement).countBy({ consignmentId: c }));
    await council.get('/grants/requests').expect(200);
    const plans = await council.get('/grant-plans?status=approved').expect(200);
    expect(plans.text).to.contain('id="grid-grant-plans"');
    const insp = await council.get('/inspections?sort=actualDate').expect(200);
    expect(insp.text).to.contain('id="grid-inspections"');
    const overdue = await council.get('/findings?overdue=yes').expect(200);
    for (const r of gridRows(overdue.text, 'findings')) expect(r.join(' ')).to.contain('기한 지남');
    const users = await admin.get('/admin/users?q=officer').expect(200);
    const userRows = gridRows(users.text, 'users');
    expect(userRows.length).to.be.greaterThan(0);
    expect(userRows.every((r) => r.join(' ').includes('officer'))).to.equal(true);
    const inspectorRole = gridRows((await admin.get('/admin/users?role=inspector').expect(200)).text, 'users');
    expect(inspectorRole.every((r) => r[2] === '지도점검 담당')).to.equal(true);
    const audit = await admin.get('/audit?entity=user').expect(200);
    expect(gridRows(audit.text, 'audit').every((r) => r[4] === '사용자')).to.equal(true);
    await council.get('/audit').expect(200);
    await officer.get('/audit').expect(403);
    const catalogue = await council.get('/reports?group=consignment&q=정산').expect(200);
    expect(catalogue.text).to.contain('value="정산"');
    expect(catalogue.text).to.contain('위탁사업비 정산서');
    expect(catalogue.text).to.not.contain('부서별 집행률 미리보기');
  });
});
