import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Inspection, InspectionFinding } from '../../entities/inspection';
import { Consignment } from '../../entities/consignment';
import { ATTACHMENT_MAX_BYTES } from '../../domain/inspection-findings';
import { testApp, TestApp } from '../support/app';

/**
 * Findings' follow-up (issue 17) on the seeded 2020 inspection of the e-commerce center (approved,
 * two findings due 2021-06-30): 조치 결과 보고 with an attachment → 보완 요구 → again → 확인 → 종결;
 * a draft's findings edited and removed.
 */
describe('findings follow-up: 조치 결과 → 확인 / 보완 요구 → 종결, draft edits', function () {
  let t: TestApp;
  let dir: string;
  let findingIds: number[];
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'attachments-'));
    process.env.ATTACHMENT_DIR = dir;
    t = await testApp();
    const seeded = await t.ds.getRepository(Inspection).findOneByOrFail({ status: 'approved' });
    findingIds = (await t.ds.getRepository(InspectionFinding).find({ where: { inspectionId: seeded.id }, order: { seq: 'ASC' } })).map(
      (f) => f.id,
    );
    expect(findingIds.length).to.be.greaterThan(1);
  });
  after(async () => {
    delete process.env.ATTACHMENT_DIR;
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('flags a finding whose due date passed and that is not closed as overdue', async () => {
    const res = await t.as('inspector').get(`/api/findings/${findingIds[0]}`).expect(200);
    expect(res.body).to.include({ status: 'open', dueDate: '2021-06-30', overdue: true });
  });

  it('refuses an attachment that is not a PDF, PNG or JPEG by content (a .pdf that is really text), and one over the size limit', async () => {
    const text = await t
      .as('inspector')
      .post(`/api/findings/${findingIds[0]}/action-report`)
      .field('reportedOn', '2021-05-01')
      .field('actionReport', '조치했습니다')
      .attach('file', Buffer.from('this is only text pretending to be a pdf'), { filename: 'report.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(text.body.errors[0]).to.include({ field: 'file', rule: 'fileType' });
    const big = Buffer.concat([pdf, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const large = await t
      .as('inspector')
      .post(`/api/findings/${findingIds[0]}/action-report`)
      .field('reportedOn', '2021-05-01')
      .field('actionReport', '조치했습니다')
      .attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' })
      .expect(413);
    expect(large.body.errors[0]).to.include({ field: 'file', rule: 'maxSize' });
    const row = await t.ds.getRepository(InspectionFinding).findOneByOrFail({ id: findingIds[0] });
    expect(row.status).to.equal('open');
  });

  it('records 조치 결과 with a PDF stored outside the database under its SHA-256, then 보완 요구, again, 확인, 종결', async () => {
    const id = findingIds[0];
    const reported = await t
      .as('inspector')
      .post(`/api/findings/${id}/action-report`)
      .field('reportedOn', '2021-05-01')
      .field('actionReport', '입찰공고를 나라장터에 게시')
      .attach('file', pdf, { filename: '조치결과.pdf', contentType: 'application/octet-stream' })
      .expect(201);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(reported.body.status).to.equal('action_reported');
    expect(reported.body.attachment).to.deep.equal({ sha256: sha, name: '조치결과.pdf', type: 'application/pdf', size: pdf.length });
    expect(readFileSync(path.join(dir, sha)).equals(pdf)).to.equal(true);
    const back = await t.as('inspector').get(`/api/findings/${id}/attachment`).buffer(true).expect(200);
    expect(back.headers['content-type']).to.match(/application\/pdf/);
    expect(Buffer.from(back.body).equals(pdf)).to.equal(true);

    // closing before verification is refused
    await t.as('inspector').post(`/api/findings/${id}/close`).send({ closedOn: '2021-05-02' }).expect(409);
    const noNote = await t
      .as('inspector')
      .post(`/api/findings/${id}/request-more`)
      .send({ requestedOn: '2021-05-02', note: ' ' })
      .expect(422);
    expect(noNote.body.errors[0].field).to.equal('note');
    const more = await t
      .as('inspector')
      .post(`/api/findings/${id}/request-more`)
      .send({ requestedOn: '2021-05-02', note: '게시 화면 캡처를 첨부하십시오' })
      .expect(201);
    expect(more.body).to.include({ status: 'needs_more', statusKo: '보완 요구', reworkNote: '게시 화면 캡처를 첨부하십시오' });
    await t.as('inspector').post(`/api/findings/${id}/verify`).send({ verifiedOn: '2021-05-03' }).expect(409);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const again = await t
      .as('inspector')
      .post(`/api/findings/${id}/action-report`)
      .field('reportedOn', '2021-05-04')
      .field('actionReport', '게시 화면 캡처 첨부')
      .attach('file', png, { filename: 'capture.png' })
      .expect(201);
    expect(again.body.attachment.type).to.equal('image/png');
    const verified = await t.as('inspector').post(`/api/findings/${id}/verify`).send({ verifiedOn: '2021-05-05' }).expect(201);
    expect(verified.body.status).to.equal('verified');
    expect(verified.body.overdue, 'verified is not closed').to.equal(true);
    const early = await t.as('inspector').post(`/api/findings/${id}/close`).send({ closedOn: '2021-05-04' }).expect(422);
    expect(early.body.errors[0].field).to.equal('closedOn');
    const closed = await t.as('inspector').post(`/api/findings/${id}/close`).send({ closedOn: '2021-05-06' }).expect(201);
    expect(closed.body).to.include({ status: 'closed', statusKo: '종결', closedOn: '2021-05-06', overdue: false });
    await t.as('inspector').post(`/api/findings/${id}/action-report`).send({ reportedOn: '2021-05-07', actionReport: 'x' }).expect(409);
    // a closed finding leaves the register of open findings
    const register = await t.as('inspector').get('/api/findings').expect(200);
    expect(register.body.items.map((f: { findingId: number }) => f.findingId)).to.not.include(id);
    expect(register.body.items.map((f: { findingId: number }) => f.findingId)).to.include(findingIds[1]);
    // council staff read, do not write
    await t
      .as('council')
      .post(`/api/findings/${findingIds[1]}/action-report`)
      .send({ reportedOn: '2021-05-01', actionReport: 'x' })
      .expect(403);
  });

  it("edits and removes a draft's finding; an approved inspection's finding refuses both", async () => {
    const c = await t.ds.getRepository(Consignment).findOneByOrFail({ code: 'EC-C01' });
    const approved = await t.ds.getRepository(Inspection).findOneByOrFail({ status: 'approved' });
    const draft = await t
      .as('inspector')
      .post('/api/inspections')
      .send({
        consignmentId: c.id,
        templateCode: (await t.ds.query('SELECT code FROM inspection_templates LIMIT 1'))[0].code,
        fiscalYear: 2025,
        inspectors: '점검자',
        periodFrom: '2025-01-01',
        periodTo: '2025-06-30',
        findings: [{ kind: 'caution', title: '회의록 누락', requiredAction: '회의록 작성', dueDate: '2025-09-30' }],
      });
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201);
    const fid = draft.body.findings[0].id;
    const edited = await t
      .as('inspector')
      .patch(`/api/findings/${fid}`)
      .send({ title: '운영위원회 회의록 누락', kind: 'correction', dueDate: '2025-10-31' })
      .expect(200);
    expect(edited.body).to.include({
      title: '운영위원회 회의록 누락',
      kind: 'correction',
      dueDate: '2025-10-31',
      requiredAction: '회의록 작성',
    });
    await t.as('inspector').patch(`/api/findings/${findingIds[1]}`).send({ title: 'x' }).expect(409);
    expect(approved.status).to.equal('approved');
    const del = await t.as('inspector').get(`/api/findings/${fid}`).expect(200);
    expect(del.body.title).to.equal('운영위원회 회의록 누락');
    const agent = (await import('supertest')).default(t.app);
    await agent.delete(`/api/findings/${fid}`).set('Authorization', `Bearer ${t.token.inspector}`).expect(204);
    await t.as('inspector').get(`/api/findings/${fid}`).expect(404);
    expect(existsSync(dir)).to.equal(true);
  });
});
