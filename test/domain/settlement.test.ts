import { expect } from 'chai';
import { buildSettlementRows, OrgNode, ProgramYearFacts } from '../../domain/settlement';
import { figures } from '../../domain/ledger';

const f = (budget: number, executed: number) => figures({ budget, carryIn: 0, changes: 0, executed, carriedOut: 0 });

describe('domain: settlement roll-ups at every level of the organisation', () => {
  const orgs: OrgNode[] = [
    { id: 1, code: 'CITY', name: '서울특별시', level: 'city', parentId: null },
    { id: 2, code: 'B1', name: '가국', level: 'bureau', parentId: 1 },
    { id: 3, code: 'B2', name: '나국', level: 'bureau', parentId: 1 },
    { id: 4, code: 'D1', name: '가과', level: 'department', parentId: 2 },
    { id: 5, code: 'D2', name: '나과', level: 'department', parentId: 3 },
    { id: 6, code: 'T1', name: '가팀', level: 'team', parentId: 4 },
  ];
  const p = (id: number, kind: ProgramYearFacts['kind'], orgUnitId: number, parentId: number | null, fig = f(0, 0)): ProgramYearFacts => ({
    id,
    programCode: `P${id}`,
    name: `사업${id}`,
    kind,
    account: 'general',
    orgUnitId,
    parentId,
    sortOrder: id,
    figures: fig,
    priorYearBasis: null,
  });
  const programs = [
    p(10, 'policy', 4, null),
    p(11, 'unit', 4, 10, f(1_000_000, 900_000)),
    p(12, 'unit', 6, 10, f(500_000, 100_000)), // owned by a team: rolls into its department
    p(13, 'basic', 4, null, f(50_000, 50_000)),
    p(20, 'policy', 5, null),
    p(21, 'unit', 5, 20, f(2_000_000, 2_000_000)),
  ];

  it('a city: total, 사업예산/기본경비, then each bureau above its departments', () => {
    const rows = buildSettlementRows(orgs, programs, 1);
    expect(rows.map((r) => `${r.kind}:${r.label}:${r.depth}`)).to.deep.equal([
      'total:합 계:0',
      'business:사업예산:1',
      'basic_total:기본경비(행정운영경비):1',
      'bureau:가국:1',
      'department:가과:2',
      'policy:사업10:3',
      'unit:사업11:4',
      'unit:사업12:4',
      'basic:사업13:3',
      'bureau:나국:1',
      'department:나과:2',
      'policy:사업20:3',
      'unit:사업21:4',
    ]);
    const total = rows[0].figures;
    expect(total).to.include({ budget: 3_550_000, executed: 3_050_000, balance: 500_000 });
    expect(rows.find((r) => r.label === '가국')!.figures).to.include({ budget: 1_550_000, executed: 1_050_000 });
    expect(rows.find((r) => r.kind === 'business')!.figures.budget).to.equal(3_500_000);
    expect(rows.find((r) => r.kind === 'basic_total')!.figures.budget).to.equal(50_000);
  });

  it('a bureau and a department give the same figures for their part', () => {
    const bureau = buildSettlementRows(orgs, programs, 2);
    expect(bureau[0].figures.budget).to.equal(1_550_000);
    expect(bureau.filter((r) => r.kind === 'department').map((r) => r.depth)).to.deep.equal([1]);
    const dept = buildSettlementRows(orgs, programs, 4);
    expect(dept.map((r) => r.kind)).to.deep.equal(['total', 'department', 'policy', 'unit', 'unit', 'basic']);
    expect(dept[0].figures).to.deep.equal(bureau[0].figures);
  });
});
