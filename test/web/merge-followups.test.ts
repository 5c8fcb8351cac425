import { expect } from 'chai';
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { auditActionLabel, auditEntityLabel } from '../../domain/audit-labels';
import { assertNotBeforeRequest } from '../../domain/grant-requests';
import { followUpTransition } from '../../domain/inspection-findings';
import { Inspection, InspectionFinding } from '../../entities/inspection';
import { User } from '../../entities/user';
import { testApp, TestApp } from '../support/app';
import { webLogin } from './helpers';

type Agent = ReturnType<typeof supertest.agent>;

/** The cell texts of a grid's body rows. */
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

describe('merge follow-ups: request grid statuses, audit labels, findings before approval, particles', function () {
  this.timeout(240_000);
  let t: TestApp;
  let officer: Agent;
  let admin: Agent;
  let inspector: Agent;
  let council: Agent;

  before(async () => {
    t = await testApp({ web: true });
    officer = (await webLogin(t.app, 'officer')).agent;
    admin = (await webLogin(t.app, 'admin')).agent;
    inspector = (await webLogin(t.app, 'inspector')).agent;
    council = (await webLogin(t.app, 'council')).agent;
  });
  after(async () => t?.close());

  it('the 교부 신청 grid shows each request’s real status, its dates and people, age while pending, and links to its card', async () => {
    const request = (amount: number) =>
      t
        .as('officer')
        .post('/api/grant-requests')
        .send({ consignment: 'EC-C01', fiscalYear: 2025, quarter: 3, requestedOn: '2025-07-01', amount })
        .expect(201);
    const pending = (await request(1_111)).body.id as number;
    const rejected = (await request(2_222)).body.id as number;
    const withdrawn = (await request(3_333)).body.id as number;
    await t
      .as('officer')
      .post(`/api/grant-requests/${rejected}/decision`)
      .send({ decidedOn: '2025-07-03', approve: false, reason: '증빙 부족' })
      .expect(201);
    await t.as('officer').post(`/api/grant-requests/${withdrawn}/withdrawal`).send({ withdrawnOn: '2025-07-04' }).expect(201);

    const all = await officer.get('/grants/requests?consignment=&size=200&q=').expect(200);
    const rows = gridRows(all.text, 'grant-requests');
    const row = (id: number) => rows.find((r) => r[0] === String(id))!;
    expect(row(pending), 'pending row').to.exist;
    // columns: 번호 위탁사무 연도 분기 상태 신청일 신청액 신청기록자 경과일 결정일 결정액 결정자 교부일 교부자 철회일 철회자 사유 비고
    expect(row(pending)[4]).to.equal('신청');
    expect(Number(row(pending)[8].replace(/,/g, ''))).to.be.greaterThan(300); // 2025-07-01 → today (2026-12)
    expect(row(rejected)[4]).to.equal('반려');
    expect(row(rejected)[8]).to.equal('');
    expect(row(rejected)[9]).to.equal('2025-07-03');
    expect(row(rejected)[11]).to.not.equal('');
    expect(row(rejected)[16]).to.equal('증빙 부족');
    expect(row(withdrawn)[4]).to.equal('철회');
    expect(row(withdrawn)[14]).to.equal('2025-07-04');
    expect(row(withdrawn)[15]).to.not.equal('');
    expect(
      rows.some((r) => r[4] === '교부'),
      'paid grants of the seed are requests too',
    ).to.equal(true);
    expect(all.text).to.match(new RegExp(`href="/consignments/\\d+\\?year=2025#request-${pending}"`));
    expect(all.text).to.not.contain(`#request-${rejected}"`);

    const onlyRejected = gridRows((await officer.get('/grants/requests?status=rejected&size=200').expect(200)).text, 'grant-requests');
    expect(onlyRejected.map((r) => r[0])).to.include(String(rejected));
    expect(onlyRejected.every((r) => r[4] === '반려')).to.equal(true);
    const open = gridRows((await officer.get('/grants/requests?status=open&size=200').expect(200)).text, 'grant-requests');
    expect(open.map((r) => r[0])).to.include(String(pending));
    expect(open.every((r) => r[4] === '신청' || r[4] === '교부결정')).to.equal(true);
  });

  it('the audit page and its export show Korean labels, never the raw codes; the filters list labels', async () => {
    expect(auditActionLabel('user.update')).to.equal('사용자 수정');
    expect(auditActionLabel('disbursement.reject')).to.equal('교부 신청 반려');
    expect(auditActionLabel('inspection_finding.needs_more')).to.equal('점검 지적사항 보완 요구');
    expect(auditActionLabel('program.frobnicate')).to.equal('사업 변경');
    expect(auditActionLabel('zzz.yyy')).to.equal('기타 작업');
    expect(auditEntityLabel('zzz')).to.equal('기타 대상');

    const page = await admin.get('/audit?size=200').expect(200);
    const rows = gridRows(page.text, 'audit');
    expect(rows.length).to.be.greaterThan(0);
    for (const r of rows) {
      expect(r[3], 'action').to.not.match(/[a-z_]+\.[a-z_]+/);
      expect(r[4], 'entity').to.not.match(/^[a-z_]+$/);
    }
    expect(page.text)
      .to.contain('<option value="disbursement.reject"')
      .and.to.match(/value="disbursement\.reject"[^>]*>교부 신청 반려</);
    const users = gridRows((await admin.get('/audit?entity=user').expect(200)).text, 'audit');
    expect(users.every((r) => r[4] === '사용자')).to.equal(true);
    const xlsx = await admin
      .get('/audit?entity=user&format=xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))));
    expect(cells).to.include('사용자');
    expect(
      cells.some((c) => /^(user|user\.[a-z_]+)$/.test(c)),
      'no raw code in the export',
    ).to.equal(false);
  });

  it('findings of a submitted inspection are listed (marked 승인 전); a draft’s only to its author', async () => {
    const findings = t.ds.getRepository(InspectionFinding);
    const inspections = t.ds.getRepository(Inspection);
    // an open finding of an approved inspection the inspector can read
    const first = (await t.as('inspector').get('/api/findings?pageSize=500').expect(200)).body.items as {
      findingId: number;
      inspectionId: number;
    }[];
    expect(first.length, 'the seed has open findings the inspector reads').to.be.greaterThan(0);
    const i = await inspections.findOneByOrFail({ id: first[0].inspectionId });
    const f = await findings.findOneByOrFail({ id: first[0].findingId });
    const inspectorUser = await t.ds.getRepository(User).findOneByOrFail({ username: 'inspector' });
    const before = { status: i.status, createdById: i.createdById };
    try {
      await inspections.update(i.id, { status: 'submitted' });
      const register = await t.as('inspector').get('/api/findings?pageSize=500').expect(200);
      const entries = (Array.isArray(register.body) ? register.body : register.body.items) as {
        findingId: number;
        pendingApproval: boolean;
      }[];
      const mine = entries.find((e) => e.findingId === f.id);
      expect(mine, 'a finding of a submitted inspection is in the open-findings register').to.exist;
      expect(mine!.pendingApproval).to.equal(true);
      const grid = await council.get(`/findings?size=200&inspectionStatus=submitted`).expect(200);
      const row = gridRows(grid.text, 'findings').find((r) => r[0] === f.title);
      expect(row, 'listed in the findings grid').to.exist;
      expect(row!.join(' ')).to.contain('승인 전');

      await inspections.update(i.id, { status: 'draft', createdById: inspectorUser.id });
      const drafts = async (a: Agent) => gridRows((await a.get('/findings?inspectionStatus=draft&size=200').expect(200)).text, 'findings');
      expect(await drafts(council), 'nobody else sees a draft’s findings').to.have.length(0);
      const forAuthor = await drafts(inspector);
      expect(forAuthor.length, 'the author sees them').to.equal(await findings.countBy({ inspectionId: i.id }));
      const again = await t.as('inspector').get('/api/findings?pageSize=500').expect(200);
      const list = (Array.isArray(again.body) ? again.body : again.body.items) as { findingId: number }[];
      expect(
        list.some((e) => e.findingId === f.id),
        'drafts never in the register',
      ).to.equal(false);
    } finally {
      await inspections.update(i.id, before);
    }
  });

  it('particles after variable words are chosen by sound (확인은, 조치 결과 보고는; 결정일은)', () => {
    expect(() => followUpTransition('open', 'verify'))
      .to.throw()
      .with.property('titleKo')
      .that.matches(/^확인은 /);
    expect(() => followUpTransition('verified', 'report'))
      .to.throw()
      .with.property('titleKo')
      .that.matches(/^조치 결과 보고는 /);
    expect(() => assertNotBeforeRequest('withdrawnOn', '2025-01-01', '2025-02-01', '철회일'))
      .to.throw()
      .with.property('titleKo')
      .that.matches(/^철회일은 /);
  });
});
