import { expect } from 'chai';
import { Program } from '../../entities/program';
import { ProgramYear } from '../../entities/program-year';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';

describe('web pages: what they show', function () {
  this.timeout(60_000);
  let t: TestApp;
  let pyId: number;
  before(async () => {
    t = await testApp({ web: true });
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    pyId = (await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2025 })).id;
  });
  after(async () => t?.close());

  it('the dashboard lists a 전용 not reported to the committee in time, to its own department only', async () => {
    const officer = await webLogin(t.app, 'officer');
    const before = await officer.agent.get('/?year=2025');
    expect(before.text).to.contain('상임위 보고 기한이 지난 전용</a>: <strong>0건');
    const res = await t.as('officer').post('/api/transfers').send({ kind: 'item', transferDate: '2025-02-03', amount: 1_234_000, fromProgramYearId: pyId, fromItem: '민간위탁금', toProgramYearId: pyId, toItem: '운영비', reason: '시험 전용' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const after = await officer.agent.get('/?year=2025');
    expect(after.text).to.contain('상임위 보고 기한이 지난 전용</a>: <strong>1건');
    expect(after.text).to.contain('1,234,000');
    const other = await webLogin(t.app, 'officer2');
    expect((await other.agent.get('/?year=2025')).text).not.to.contain('1,234,000');
    const council = await webLogin(t.app, 'council');
    expect((await council.agent.get('/?year=2025')).text).to.contain('1,234,000');
  });

  it('the program-year page shows appropriations with their 산출근거 and the figures by 편성목', async () => {
    const program = await t.ds.getRepository(Program).findOneByOrFail({ name: '서울시 전자상거래센터 운영' });
    const py2023 = await t.ds.getRepository(ProgramYear).findOneByOrFail({ programId: program.id, fiscalYear: 2023 });
    const council = await webLogin(t.app, 'council');
    const page = await council.agent.get(`/ledger/${py2023.id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('산출근거');
    expect(page.text).to.match(/<table class="basis">/);
    expect(page.text).to.contain('523,783,000');
    expect(page.text).not.to.contain('원장 기록 (집행·추경·이월 등)'); // read-only for council staff (and the year is closed)
  });

  it('council staff download the council packet with their browser session (GET on the API)', async () => {
    const council = await webLogin(t.app, 'council');
    const catalogue = await council.agent.get('/reports?year=2023&org=LFB');
    expect(catalogue.text).to.contain('/api/reports/packet?year=2023&amp;org=LFB&amp;format=pdf');
    const pdf = await council.agent.get('/api/reports/packet?year=2023&org=LFB&format=pdf').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).to.equal(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).to.equal('%PDF-');
  });

  it('a report preview prints the model’s texts (the same as the xlsx and pdf)', async () => {
    const council = await webLogin(t.app, 'council');
    const page = await council.agent.get('/reports/expenditure-settlement?year=2023&org=LFB');
    expect(page.status).to.equal(200);
    const json = await t.as('council').get('/api/reports/expenditure-settlement?year=2023&org=LFB&format=json');
    const model = json.body as { title: string; sections: { kind: string; rows?: { cells: Record<string, { text: string }> }[] }[] };
    expect(page.text).to.contain(model.title);
    const table = model.sections.find((s) => s.kind === 'table')!;
    for (const row of table.rows!.slice(0, 5)) for (const cell of Object.values(row.cells)) expect(page.text).to.contain(cell.text);
    const missing = await council.agent.get('/reports/expenditure-settlement?year=2023');
    expect(missing.status).to.equal(400);
    expect(missing.text).to.contain('org');
  });
});
