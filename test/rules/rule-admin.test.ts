import { expect } from 'chai';
import { RuleVersion } from '../../entities/rule-version';
import { testApp, TestApp } from '../support/app';
import { counts, freshProgramYear } from '../ledger/fixtures';

describe('rules: an administrator adds dated rule versions', function () {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const deadlineVersions = async () =>
    (await t.as('council').get('/api/rule-versions').query({ ruleKey: 'transfer_report_deadline' })).body.items as {
      id: number;
      effectiveFrom: string;
      effectiveTo: string | null;
      params: Record<string, unknown>;
    }[];

  it('lists the versions of a rule to every role', async () => {
    for (const user of ['officer', 'inspector', 'council', 'admin'] as const) {
      const res = await t.as(user).get('/api/rule-versions').query({ ruleKey: 'renewal_min_score' });
      expect(res.status, user).to.equal(200);
      expect(res.body.items.map((v: { effectiveFrom: string }) => v.effectiveFrom)).to.deep.equal(['2016-01-01', '2022-07-01']);
      expect(res.body.items[1].params).to.deep.equal({ minScore: 75 });
    }
  });

  it('a new version of the 전용 deadline closes the previous one the day before, and a 전용 dated after it is judged by the new one', async () => {
    const [seeded] = await deadlineVersions();
    expect(seeded).to.include({ effectiveFrom: '2000-01-01', effectiveTo: null });
    const res = await t
      .as('admin')
      .post('/api/rule-versions')
      .send({
        ruleKey: 'transfer_report_deadline',
        effectiveFrom: '2025-04-01',
        params: { quartersAfter: 2 },
        source: '시험: 조례 개정 (예시)',
      });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ ruleKey: 'transfer_report_deadline', effectiveFrom: '2025-04-01', effectiveTo: null });
    const versions = await deadlineVersions();
    expect(versions.map((v) => [v.effectiveFrom, v.effectiveTo])).to.deep.equal([
      ['2000-01-01', '2025-03-31'],
      ['2025-04-01', null],
    ]);
    expect(versions[0].params).to.deep.equal({ quartersAfter: 1 }); // nothing else of the old version changed

    // the closing is in the audit with before and after
    const audit = await t
      .as('admin')
      .get('/api/audit-records')
      .query({ entity: 'rule_version', entityId: String(seeded.id) });
    expect(audit.body.items).to.have.length(1);
    expect(audit.body.items[0].action).to.equal('rule_version.close');
    expect(JSON.parse(audit.body.items[0].before).effectiveTo).to.equal(null);
    expect(JSON.parse(audit.body.items[0].after).effectiveTo).to.equal('2025-03-31');

    const py = await freshProgramYear(t, { year: 2025 });
    const send = (transferDate: string) =>
      t.as('officer').post('/api/transfers').send({
        kind: 'item',
        transferDate,
        amount: 10_000,
        fromProgramYearId: py.id,
        fromItem: py.item,
        toProgramYearId: py.id,
        toItem: '시설비',
        reason: '시험 전용',
      });
    const early = await send('2025-03-31');
    expect(early.status, JSON.stringify(early.body)).to.equal(201);
    const late = await send('2025-05-12');
    expect(late.status, JSON.stringify(late.body)).to.equal(201);
    const list = await t.as('officer').get('/api/transfers').query({ year: 2025, kind: 'item', asOf: '2025-10-01' });
    expect(list.status).to.equal(200);
    const find = (id: number) => list.body.items.find((x: { id: number }) => x.id === id);
    expect(find(early.body.id)).to.include({ ruleVersionId: seeded.id, reportDeadline: '2025-06-30', reportStatus: 'unreported_overdue' });
    expect(find(late.body.id)).to.include({ ruleVersionId: res.body.id, reportDeadline: '2025-12-31', reportStatus: 'unreported' });
  });

  it('refuses a version that does not start after the latest one, and changes nothing', async () => {
    const before = await counts(t);
    const rows = await t.ds.getRepository(RuleVersion).find({ order: { id: 'ASC' } });
    for (const effectiveFrom of ['2025-04-01', '2025-03-01', '1999-01-01']) {
      const res = await t
        .as('admin')
        .post('/api/rule-versions')
        .send({ ruleKey: 'transfer_report_deadline', effectiveFrom, params: { quartersAfter: 1 }, source: '시험' });
      expect(res.status, effectiveFrom).to.be.oneOf([409, 422]);
      expect(res.body.errors[0]).to.include({ field: 'effectiveFrom', rule: 'afterLatestVersion' });
      expect(res.body.errors[0].message_ko).to.contain('2025-04-01');
      expect(res.body.figures).to.include({ latestEffectiveFrom: '2025-04-01', requestedEffectiveFrom: effectiveFrom });
    }
    expect(await t.ds.getRepository(RuleVersion).find({ order: { id: 'ASC' } })).to.deep.equal(rows);
    expect(await counts(t)).to.deep.equal(before);
  });

  it('checks the parameters: a JSON object of the shape the rule reads', async () => {
    const post = (ruleKey: string, params: unknown) =>
      t.as('admin').post('/api/rule-versions').send({ ruleKey, effectiveFrom: '2030-01-01', params, source: '시험' });
    const bad: [string, unknown, string][] = [
      ['transfer_report_deadline', [1], 'params'],
      ['transfer_report_deadline', { quartersAfter: -1 }, 'params.quartersAfter'],
      ['transfer_report_deadline', { quartersAfter: 1.5 }, 'params.quartersAfter'],
      ['transfer_report_deadline', { quartersAfter: 1, extra: true }, 'params.extra'],
      ['renewal_min_score', { minScore: 'abc' }, 'params.minScore'],
      ['renewal_min_score', { minScore: '75.123' }, 'params.minScore'],
      ['renewal_uncorrected_repeat_limit', { minRepeats: 0 }, 'params.minRepeats'],
      ['no_such_rule', { x: 1 }, 'ruleKey'],
    ];
    for (const [key, params, field] of bad) {
      const res = await post(key, params);
      expect(res.status, `${key} ${JSON.stringify(params)}`).to.be.oneOf([400, 422]);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        `${key} ${JSON.stringify(params)}`,
      ).to.include(field);
      expect(res.body.errors[0].message_ko).to.be.a('string').and.not.equal('');
    }
    const ok = await post('renewal_min_score', { minScore: '80' });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
    const versions = (await t.as('admin').get('/api/rule-versions').query({ ruleKey: 'renewal_min_score' })).body.items;
    expect(versions.map((v: { effectiveTo: string | null }) => v.effectiveTo)).to.deep.equal(['2022-06-30', '2029-12-31', null]);
  });

  it('only administrators may add a version (403 for the other roles)', async () => {
    const body = { ruleKey: 'transfer_report_deadline', effectiveFrom: '2031-01-01', params: { quartersAfter: 1 }, source: '시험' };
    for (const user of ['officer', 'officer2', 'inspector', 'council'] as const) {
      const res = await t.as(user).post('/api/rule-versions').send(body);
      expect(res.status, user).to.equal(403);
    }
    expect((await deadlineVersions()).map((v) => v.effectiveFrom)).to.not.include('2031-01-01');
  });
});
