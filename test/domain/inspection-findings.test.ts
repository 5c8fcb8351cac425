import { expect } from 'chai';
import {
  assertActionReportable,
  assertFollowUpOpen,
  assertRepeatLink,
  assertVerifiable,
  attachmentType,
  ATTACHMENT_MAX_BYTES,
  buildRepeatChains,
  followUpOverdue,
  followUpTransition,
  carriedFollowUps,
  ChainFinding,
  effectiveInspections,
  overdueVerdict,
} from '../../domain/inspection-findings';
import { checkScale, checkStructure, nextTemplateVersion } from '../../domain/inspection-templates';
import { refusal } from '../support/refusal';

const finding = (f: Partial<ChainFinding> & { id: number; inspectionId: number }): ChainFinding => ({
  originId: f.id,
  seq: 1,
  title: `지적 ${f.id}`,
  repeatOfId: null,
  justifiedCause: null,
  priorSourceKind: null,
  priorSourceRef: null,
  priorSourceDate: null,
  status: 'open',
  dueDate: null,
  ...f,
});

describe('domain: findings of inspections', () => {
  it('follows a finding up open → action reported → verified, in date order, on an effective inspection', () => {
    expect(refusal(() => assertFollowUpOpen({ status: 'submitted', supersededById: null })).code).to.equal('inspection_not_approved');
    expect(refusal(() => assertFollowUpOpen({ status: 'approved', supersededById: 7 })).code).to.equal('inspection_superseded');
    expect(refusal(() => assertActionReportable('verified', '2025-08-01', null)).titleKo).to.contain('확인 완료');
    expect(refusal(() => assertActionReportable('open', '2025-06-30', '2025-07-15')).errors[0].rule).to.equal('afterInspection');
    expect(refusal(() => assertVerifiable('open', '2025-09-01', null)).code).to.equal('finding_not_reported');
    expect(refusal(() => assertVerifiable('action_reported', '2025-08-01', '2025-08-02')).errors[0].rule).to.equal('afterReport');
    expect(() => assertVerifiable('action_reported', '2025-08-02', '2025-08-02')).not.to.throw();
  });

  it('links a repeat only to a filed, earlier inspection of the same consignment', () => {
    const current = { consignmentId: 1, revisionFamily: new Set([5, 6]) };
    const rule = (earlier: Parameters<typeof assertRepeatLink>[2]) =>
      refusal(() => assertRepeatLink('body', 3, earlier, current)).errors[0].rule;
    expect(rule(null)).to.equal('exists');
    expect(rule({ consignmentId: 2, inspectionId: 1, status: 'approved' })).to.equal('sameConsignment');
    expect(rule({ consignmentId: 1, inspectionId: 6, status: 'approved' })).to.equal('earlierInspection');
    expect(rule({ consignmentId: 1, inspectionId: 1, status: 'draft' })).to.equal('filedInspection');
  });

  it('carries follow-up from the original to its approved revision only when further along', () => {
    type Followed = { id: number; originId: number; status: 'open' | 'action_reported' | 'verified' };
    const olds: Followed[] = [
      { id: 1, originId: 1, status: 'verified' as const },
      { id: 2, originId: 2, status: 'open' as const },
    ];
    const news: Followed[] = [
      { id: 11, originId: 1, status: 'open' as const },
      { id: 12, originId: 2, status: 'action_reported' as const },
    ];
    expect(carriedFollowUps(olds, news).map((c) => [c.revised.id, c.from.id])).to.deep.equal([[11, 1]]);
  });

  it('chains the same finding across effective inspections and counts it uncorrected without cause', () => {
    const base = { status: 'approved' as const, supersededById: null, periodTo: '2020-12-31' };
    const inspections = [
      { ...base, id: 1, approvedOn: '2020-12-31', actualDate: '2020-12-01' },
      { ...base, id: 2, approvedOn: '2021-12-31', actualDate: '2021-12-01' },
      { ...base, id: 3, approvedOn: '2022-12-31', actualDate: '2022-12-01', supersededById: 4 },
      { ...base, id: 4, approvedOn: '2023-01-31', actualDate: '2022-12-01' },
    ];
    expect(effectiveInspections(inspections, '2022-12-31').map((i) => i.id)).to.deep.equal([1, 2, 3]);
    const effective = effectiveInspections(inspections);
    expect(effective.map((i) => i.id)).to.deep.equal([1, 2, 4]);
    const chains = buildRepeatChains(effective, [
      finding({ id: 20, inspectionId: 2, repeatOfId: 10, priorSourceKind: 'audit', priorSourceRef: '감사 2019-1' }),
      finding({ id: 10, inspectionId: 1 }),
      finding({ id: 40, inspectionId: 4, originId: 30, repeatOfId: 20, justifiedCause: '예산 미확보' }),
      finding({ id: 41, inspectionId: 4, seq: 2 }),
    ]);
    expect(chains[0]).to.include({ key: 'finding:10', uncorrectedCount: 3, occurrences: 3, latestStatus: 'open' });
    expect(chains[0].findingIds).to.deep.equal([10, 20, 40]);
    expect(chains[1]).to.include({ key: 'finding:41', uncorrectedCount: 1 });
  });

  it('counts days overdue against the day judged on', () => {
    expect(overdueVerdict('2025-09-30', '2025-10-03')).to.deep.equal({ overdue: true, daysOverdue: 3 });
    expect(overdueVerdict('2025-09-30', '2025-09-30')).to.deep.equal({ overdue: false, daysOverdue: null });
    expect(overdueVerdict(null, '2025-09-30')).to.deep.equal({ overdue: false, daysOverdue: null });
  });
});

describe('domain: checklist templates', () => {
  it('wants at least two distinct rating labels', () => {
    expect(checkScale(['적정', '부적정'], 'ratingScale')).to.deep.equal(['적정', '부적정']);
    expect(refusal(() => checkScale(['적정', '적정'], 'ratingScale')).errors[0].rule).to.equal('ratingScale');
  });

  it('refuses repeated codes, nesting deeper than three levels and a template without items', () => {
    const item = { code: 'I1', title: '항목' };
    expect(refusal(() => checkStructure({ areas: [{ code: 'A', title: 'a', items: [item, item] }] })).errors[0].rule).to.equal('unique');
    const deep = {
      code: 'A',
      title: 'a',
      areas: [{ code: 'B', title: 'b', areas: [{ code: 'C', title: 'c', areas: [{ code: 'D', title: 'd', items: [item] }] }] }],
    };
    expect(refusal(() => checkStructure({ areas: [deep] })).errors[0].rule).to.equal('maxDepth');
    expect(refusal(() => checkStructure({ areas: [{ code: 'A', title: 'a' }] })).errors[0].rule).to.equal('items');
    expect(() => checkStructure({ areas: [{ code: 'A', title: 'a', items: [item] }] })).not.to.throw();
  });

  it('numbers versions one after another', () => {
    expect(nextTemplateVersion(null)).to.equal(1);
    expect(nextTemplateVersion(3)).to.equal(4);
  });
});

describe('domain: finding follow-up (issue 17)', () => {
  it('walks open → action_reported → needs_more → action_reported → verified → closed, refusing every other step', () => {
    expect(followUpTransition('open', 'report')).to.equal('action_reported');
    expect(followUpTransition('action_reported', 'requestMore')).to.equal('needs_more');
    expect(followUpTransition('needs_more', 'report')).to.equal('action_reported');
    expect(followUpTransition('action_reported', 'verify')).to.equal('verified');
    expect(followUpTransition('verified', 'close')).to.equal('closed');
    const allowed: Record<string, string[]> = {
      report: ['open', 'needs_more'],
      verify: ['action_reported'],
      requestMore: ['action_reported'],
      close: ['verified'],
    };
    for (const [step, from] of Object.entries(allowed))
      for (const status of ['open', 'action_reported', 'needs_more', 'verified', 'closed'] as const)
        if (!from.includes(status)) {
          const e = refusal(() => followUpTransition(status, step as 'report'));
          expect(e.kind, `${step} from ${status}`).to.equal('conflict');
        }
  });

  it('overdue: due date passed and not closed', () => {
    expect(followUpOverdue({ status: 'verified', dueDate: '2025-01-01' }, '2025-02-01')).to.deep.equal({ overdue: true, daysOverdue: 31 });
    expect(followUpOverdue({ status: 'closed', dueDate: '2025-01-01' }, '2025-02-01').overdue).to.equal(false);
    expect(followUpOverdue({ status: 'open', dueDate: '2025-03-01' }, '2025-02-01').overdue).to.equal(false);
  });

  it('an attachment is a PDF, PNG or JPEG by its first bytes, not its name; size-limited', () => {
    expect(attachmentType(Buffer.from('%PDF-1.7\n...'), 'a.pdf').type).to.equal('application/pdf');
    expect(attachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png').type).to.equal('image/png');
    expect(attachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]), 'a.jpg').type).to.equal('image/jpeg');
    expect(refusal(() => attachmentType(Buffer.from('just some text, not a pdf'), 'report.pdf')).kind).to.equal('unsupported');
    expect(refusal(() => attachmentType(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1), 'big.pdf')).kind).to.equal('too_large');
  });
});
