/**
 * Pure checks on the seed data transcribed from shared/seeds/ (no database): the stored won amounts
 * must reproduce every total, balance and rate the documents print. A mistyped figure fails here.
 */
import { expect } from 'chai';
import type { SeedLedger, SeedProgramYear, SeedBasisLine } from '../../seeds/types';
import { allSeedLedgers, citizenCommunication as cc, ecommerceCenter as ec, planningOffice as po } from '../../seeds/data';
import { basisLineResult, changeRate, executionRate, formatInteger, toUnit } from '../../domain/money';

// ---------------------------------------------------------------- helpers

type Row = SeedProgramYear;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const budget = (r: Row): number => sum((r.appropriations ?? []).map((a) => a.amount));
const carryIn = (r: Row): number => sum((r.carryIn ?? []).map((e) => e.amount));
const executed = (r: Row): number => sum((r.executions ?? []).map((e) => e.amount));
const carryOut = (r: Row): number => sum((r.carryOut ?? []).map((e) => e.amount));
/** 예산현액 = 예산액 + 전년이월 + 예산변경 (net program-level 이용; 전용 and same-program 이체 net to 0) */
function current(ledger: SeedLedger, year: number, r: Row): number {
  const inYear = (ledger.transfers ?? []).filter((t) => t.date.startsWith(`${year}-`));
  const change = sum(inYear.map((t) => (t.toProgram === r.program ? t.amount : 0) - (t.fromProgram === r.program ? t.amount : 0)));
  return budget(r) + carryIn(r) + change;
}
const balance = (ledger: SeedLedger, year: number, r: Row): number => current(ledger, year, r) - executed(r) - carryOut(r);

const leaves = (ledger: SeedLedger, year: number): Row[] => ledger.programYears[year].filter((r) => r.kind !== 'policy');

interface Totals {
  budget: number;
  current: number;
  executed: number;
  carryOut: number;
  balance: number;
}
function totals(ledger: SeedLedger, year: number, rows: Row[]): Totals {
  return {
    budget: sum(rows.map(budget)),
    current: sum(rows.map((r) => current(ledger, year, r))),
    executed: sum(rows.map(executed)),
    carryOut: sum(rows.map(carryOut)),
    balance: sum(rows.map((r) => balance(ledger, year, r))),
  };
}

const norm = (name: string): string => name.replace(/[\s「」'·]/g, '');
const decimalsOf = (rate: string): number => (rate.includes('.') ? rate.split('.')[1].length : 0);

interface Printed18 {
  budget: number;
  current: number;
  executed: number;
  rate: string;
  balance?: number;
}
interface Printed19 {
  prior: number;
  current: number;
  diff: number;
  rate: string;
}

// ---------------------------------------------------------------- all ledgers

describe('seed data: every ledger', () => {
  for (const ledger of allSeedLedgers) {
    describe(ledger.source.split(' — ')[0], () => {
      it('stores every amount as a safe integer multiple of 1,000 won', () => {
        const amounts: number[] = [];
        const basis = (lines: SeedBasisLine[] | undefined): void =>
          (lines ?? []).forEach((l) => {
            amounts.push(l.amount);
            if (l.unitAmount !== undefined) amounts.push(l.unitAmount);
            basis(l.children);
          });
        for (const rows of Object.values(ledger.programYears)) {
          for (const r of rows) {
            (r.appropriations ?? []).forEach((a) => {
              amounts.push(a.amount);
              basis(a.basis);
            });
            [r.carryIn, r.carryOut].forEach((es) => (es ?? []).forEach((e) => amounts.push(e.amount)));
            if (r.priorYearBasis !== undefined) amounts.push(r.priorYearBasis);
          }
        }
        (ledger.transfers ?? []).forEach((t) => amounts.push(t.amount));
        for (const rev of Object.values(ledger.revenue ?? {})) {
          for (const l of rev.lines) {
            [l.budget, l.currentBudget, l.assessed, l.collected, l.writtenOff].forEach((v) => v !== undefined && amounts.push(v));
          }
        }
        const skipKeys = new Set(['count', 'count2019', 'count2020', 'year', 'rateDecimals', 'staffByYear']);
        const walk = (v: unknown, key: string): void => {
          if (skipKeys.has(key)) return;
          if (typeof v === 'number') amounts.push(v);
          else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, Array.isArray(v) ? key : k));
        };
        walk(ledger.printed, 'printed');
        expect(amounts.length).to.be.greaterThan(10);
        for (const a of amounts) {
          expect(Number.isSafeInteger(a), String(a)).to.equal(true);
          expect(Math.abs(a) % 1000, `${a} is not a multiple of 1,000`).to.equal(0);
        }
        // the only sub-천원 amounts: executions whose note says their won digits are an (예시) rounding fix
        const subThousand = Object.values(ledger.programYears)
          .flat()
          .flatMap((r) => r.executions ?? [])
          .filter((e) => e.amount % 1000 !== 0);
        for (const e of subThousand) {
          expect(Number.isSafeInteger(e.amount)).to.equal(true);
          expect(e.sample, String(e.amount)).to.equal(true);
          expect(e.note, String(e.amount)).to.include('천원 미만');
        }
        expect(subThousand).to.have.length(ledger === cc ? 13 : 0);
      });

      it('references only known orgs, valid in the fiscal year, and known parent programs', () => {
        const orgs = new Map(ledger.orgUnits.map((o) => [o.code, o]));
        for (const o of ledger.orgUnits) if (o.parent) expect(orgs.has(o.parent), o.code).to.equal(true);
        for (const [year, rows] of Object.entries(ledger.programYears)) {
          const codes = new Set(rows.map((r) => r.program));
          expect(codes.size, `duplicate program in ${year}`).to.equal(rows.length);
          for (const r of rows) {
            const org = orgs.get(r.org);
            expect(org, `${r.program} org ${r.org}`).to.not.equal(undefined);
            expect(org!.validFrom <= `${year}-12-31`, `${r.org} not yet valid in ${year}`).to.equal(true);
            expect(!org!.validTo || org!.validTo >= `${year}-01-01`, `${r.org} abolished before ${year}`).to.equal(true);
            if (r.kind === 'unit' && r.parent) {
              const parent = rows.find((p) => p.program === r.parent);
              expect(parent?.kind, `${r.program} parent ${r.parent}`).to.equal('policy');
            }
            if (r.kind === 'policy') expect(r.appropriations, r.program).to.equal(undefined);
          }
        }
        expect(ledger.fiscalYears.map((f) => f.year)).to.include.members(Object.keys(ledger.programYears).map(Number));
      });

      it('never leaves a negative 집행잔액 (예산현액 − 집행액 − 차년이월)', () => {
        for (const [year, rows] of Object.entries(ledger.programYears)) {
          for (const r of rows.filter((x) => x.kind !== 'policy')) {
            expect(balance(ledger, Number(year), r), `${year} ${r.program}`).to.be.at.least(0);
          }
        }
      });
    });
  }

  it('exports the three ledgers', () => {
    expect(allSeedLedgers).to.have.length(3);
  });
});

// ---------------------------------------------------------------- seed 003: 시민소통기획관

describe('seed 003 시민소통기획관: 2018 세출결산', () => {
  const p = cc.printed as {
    settlement2018: {
      total: Printed18;
      businessBudget: Printed18;
      basicExpense: Printed18;
      departments: Record<string, Printed18>;
      policies: Record<string, Printed18>;
      programs: Record<string, Printed18>;
    };
    summary2018: {
      total: Printed18 & { balance: number };
      departments: Record<string, Printed18 & { balance: number }>;
      amendments: Record<string, { count: number; amount: number }>;
      balance: { amount: number; shareOfCurrent: string; noCause: number; noCauseParts: number[]; bidSavings: number };
      narrativeExecuted: number;
    };
    headlines: { settlement2018: { current: string; executed: string; rate: string }; budget2019: string };
    narrative2018: {
      title: string;
      programs: string[];
      current: number;
      executed: number;
      rate: string;
      includesCarryOut?: boolean;
    }[];
  };
  const s = p.settlement2018;
  const rows = cc.programYears[2018];
  const units = rows.filter((r) => r.kind === 'unit');
  const basics = rows.filter((r) => r.kind === 'basic');

  /** the stored won amounts, summed, then rounded to 천원 as the report prints them */
  const k = (won: number): number => toUnit(won, 'thousand') * 1000;
  /** printed rates that do not follow from the printed amounts (listed in discrepancies): label → computed */
  const wrongRates: Record<string, string> = { 'SCB-NEWM': '96.2' };
  function expectMatches(t: Totals, printed: Printed18, label: string): void {
    expect(t.budget, `${label} 예산액`).to.equal(printed.budget); // budgets are whole 천원
    expect(t.current, `${label} 예산현액`).to.equal(printed.current);
    expect(k(t.executed), `${label} 집행액`).to.equal(printed.executed);
    expect(executionRate(t.executed, t.current).text, `${label} 집행률`).to.equal(wrongRates[label] ?? printed.rate);
    if (printed.balance !== undefined) expect(k(t.balance), `${label} 집행잔액`).to.equal(printed.balance);
  }

  it('has every row of the table in printed order: 5 departments, 5 policies, 24 units, 5 basic', () => {
    expect(rows.filter((r) => r.kind === 'policy').map((r) => r.program)).to.deep.equal(['SC-P01', 'SC-P02', 'SC-P03', 'SC-P04', 'SC-P05']);
    expect(units).to.have.length(30);
    expect(basics.map((r) => r.org)).to.deep.equal(['SCB-COMM', 'SCB-NEWM', 'SCB-BRAND', 'SCB-SERV', 'SCB-SPEED']);
    expect(Object.keys(s.programs)).to.deep.equal(rows.filter((r) => r.kind !== 'policy').map((r) => r.program));
  });

  it('reproduces each department row (예산액, 예산현액, 집행액, 집행률, 집행잔액)', () => {
    expect(Object.keys(s.departments)).to.have.length(5);
    for (const [code, printed] of Object.entries(s.departments)) {
      expectMatches(
        totals(
          cc,
          2018,
          leaves(cc, 2018).filter((r) => r.org === code),
        ),
        printed,
        code,
      );
      expect(p.summary2018.departments[code]).to.deep.equal(printed);
    }
    // 뉴미디어담당관 prints 96.3 in both tables, but 5,623,262 / 5,842,649 = 96.245 %
    expect(executionRate(s.departments['SCB-NEWM'].executed, s.departments['SCB-NEWM'].current).text).to.equal('96.2');
    expect(s.departments['SCB-NEWM'].rate).to.equal('96.3');
    expect((cc.discrepancies ?? []).some((d) => d.includes('뉴미디어담당관') && d.includes('96.2'))).to.equal(true);
  });

  it('reproduces each policy row from its unit programs', () => {
    for (const [code, printed] of Object.entries(s.policies)) {
      expectMatches(
        totals(
          cc,
          2018,
          units.filter((r) => r.parent === code),
        ),
        printed,
        code,
      );
    }
  });

  it('reproduces every unit and basic row (예산액, 예산현액, 집행액 to the 천원, 집행률)', () => {
    for (const r of leaves(cc, 2018)) expectMatches(totals(cc, 2018, [r]), s.programs[r.program], r.name);
  });

  it('reproduces 사업예산, 기본경비 and 합계 (96.7)', () => {
    expectMatches(totals(cc, 2018, units), s.businessBudget, '사업예산');
    expectMatches(totals(cc, 2018, basics), s.basicExpense, '기본경비');
    expectMatches(totals(cc, 2018, leaves(cc, 2018)), s.total, '합계');
    expect(s.total.rate).to.equal('96.7');
    expect(s.businessBudget.budget + s.basicExpense.budget).to.equal(s.total.budget);
    expect(s.businessBudget.executed + s.basicExpense.executed).to.equal(s.total.executed);
  });

  it('reproduces the 총괄 table: 집행잔액 1,184,378천원 = 48,622,861 − 47,025,374 − 413,109', () => {
    const t = totals(cc, 2018, leaves(cc, 2018));
    const summary = p.summary2018;
    expectMatches(t, summary.total, '총계');
    expect(summary.total.balance).to.equal(1_184_378_000);
    expect(k(t.current - t.executed - t.carryOut)).to.equal(1_184_378_000);
    expect(t.carryOut).to.equal(413_109_000);
    expect(sum(Object.values(summary.departments).map((d) => d.balance))).to.equal(summary.total.balance);
    expect(summary.balance.amount).to.equal(summary.total.balance);
    expect(sum(summary.balance.noCauseParts)).to.equal(summary.balance.noCause);
    expect(summary.balance.noCause + summary.balance.bidSavings).to.equal(summary.balance.amount);
    expect(executionRate(summary.balance.amount, summary.total.current).text).to.equal(summary.balance.shareOfCurrent);
  });

  it('keeps 도시브랜드 마케팅 집행잔액 at 10,213천원 with its 사고이월', () => {
    const r = rows.find((x) => x.program === 'SC-U0302')!;
    expect(r.carryOut?.[0]).to.include({ carryType: 'accident', item: '사무관리비', amount: 413_109_000 });
    expect(toUnit(balance(cc, 2018, r), 'thousand')).to.equal(10_213);
  });

  it('records the amendments the document reports (전용 1건, 이체 1,281,089천원, 이월 1건)', () => {
    const a = p.summary2018.amendments;
    const transfers = cc.transfers ?? [];
    const items = transfers.filter((t) => t.kind === 'item');
    const orgMoves = transfers.filter((t) => t.kind === 'org');
    expect(items).to.have.length(a.itemTransfer.count);
    expect(sum(items.map((t) => t.amount))).to.equal(a.itemTransfer.amount);
    expect(transfers.filter((t) => t.kind === 'program')).to.have.length(a.use.count);
    expect(sum(orgMoves.map((t) => t.amount))).to.equal(a.orgTransfer.amount);
    expect(orgMoves.every((t) => t.fromOrg === 'SCB-COMM' && t.toOrg === 'SCB-NEWM' && t.date === '2018-11-01')).to.equal(true);
    for (const t of orgMoves) {
      const r = rows.find((x) => x.program === t.toProgram)!;
      expect(r.org).to.equal('SCB-NEWM');
      expect(budget(r)).to.equal(t.amount);
    }
    const all = rows.flatMap((r) => r.carryOut ?? []);
    expect(all).to.have.length(a.carryOver.count);
    expect(sum(all.map((c) => c.amount))).to.equal(a.carryOver.amount);
    // the 전용 fits in the 사무관리비 of 시민청 운영 및 확산
    const civic = rows.find((x) => x.program === 'SC-U0104')!;
    const office = sum(civic.appropriations!.filter((x) => x.item === '사무관리비').map((x) => x.amount));
    expect(office).to.be.at.least(items[0].amount);
    expect(items[0]).to.include({ fromItem: '사무관리비', toItem: '시설비', reportedOn: '2018-11-30' });
  });

  it('reproduces the headline "현액 486억원, 470억원 집행 (96.7%)"', () => {
    const t = totals(cc, 2018, leaves(cc, 2018));
    const h = p.headlines.settlement2018;
    expect(`${toUnit(t.current, 'hundred-million')}억원`).to.equal(h.current);
    expect(`${toUnit(t.executed, 'hundred-million')}억원`).to.equal(h.executed);
    expect(executionRate(t.executed, t.current).text).to.equal(h.rate);
  });

  it('narrative 47,025,373천원 disagrees with the table by 1천원 and is listed', () => {
    expect(p.summary2018.narrativeExecuted).to.equal(s.total.executed - 1000);
    expect((cc.discrepancies ?? []).some((d) => d.includes('47,025,373'))).to.equal(true);
  });

  it("checks every narrative '18년 결산 line against the table; exactly the listed ones disagree", () => {
    const mismatched: string[] = [];
    for (const block of p.narrative2018) {
      const blockRows = block.programs.map((code) => rows.find((r) => r.program === code)!);
      const cur = sum(blockRows.map((r) => current(cc, 2018, r)));
      const exe = sum(blockRows.map((r) => executed(r) + (block.includesCarryOut ? carryOut(r) : 0)));
      const ok =
        toUnit(cur, 'million') * 1_000_000 === block.current &&
        toUnit(exe, 'million') * 1_000_000 === block.executed &&
        executionRate(exe, cur, decimalsOf(block.rate)).text === block.rate;
      if (!ok) mismatched.push(block.title);
    }
    expect(mismatched).to.deep.equal([
      '소통 관리 및 시정 정보 제공',
      '시민참여 및 현장 소통 프로그램 운영',
      '뉴미디어 웹사이트 운영 강화',
      '「서울사랑」 및 「내친구서울」 발간',
      '시민주도형 서울브랜드 확산',
      '민원서비스 품질관리를 통한 대민서비스 질 향상',
      '행정서비스 밀착 지원 및 정보제공',
      '신속행정 협력체계 강화 및 홍보',
    ]);
    const disc = (cc.discrepancies ?? []).join('\n');
    for (const key of ['97.1%', '99.3%', '1,605백만원', '94.5%', '73.1%', '89%', '87.7%', '88.1%']) {
      expect(disc, key).to.include(key);
    }
  });
});

describe('seed 003 시민소통기획관: 2019 예산', () => {
  const b = (
    cc.printed as {
      budget2019: {
        total: Printed19;
        businessBudget: Printed19;
        basicExpense: Printed19;
        departments: Record<string, Printed19>;
        policies: Record<string, Printed19>;
        programs: Record<string, { diff: number; rate: string }>;
      };
      headlines: { budget2019: string };
    }
  ).budget2019;
  const rows = cc.programYears[2019];
  const prior = (rs: Row[]): number => sum(rs.map((r) => r.priorYearBasis ?? NaN));
  const now = (rs: Row[]): number => sum(rs.map(budget));

  function expectMatches(rs: Row[], printed: Printed19, label: string): void {
    expect(prior(rs), `${label} 2018년 예산`).to.equal(printed.prior);
    expect(now(rs), `${label} 2019년 예산`).to.equal(printed.current);
    expect(now(rs) - prior(rs), `${label} 증감`).to.equal(printed.diff);
    expect(changeRate(prior(rs), now(rs)).text, `${label} 증감률`).to.equal(printed.rate);
  }

  it('has every row of the table in printed order (4 departments, no 신속행정담당관)', () => {
    expect(Object.keys(b.programs)).to.deep.equal(rows.filter((r) => r.kind !== 'policy').map((r) => r.program));
    expect(rows.filter((r) => r.kind !== 'policy')).to.have.length(34);
    expect(rows.some((r) => r.org === 'SCB-SPEED')).to.equal(false);
    expect(rows.filter((r) => r.kind !== 'policy').every((r) => r.priorYearBasis !== undefined)).to.equal(true);
  });

  it('reproduces 합계 (13.86), 사업예산 and 기본경비 (△24,802, △3.45)', () => {
    expectMatches(
      rows.filter((r) => r.kind !== 'policy'),
      b.total,
      '합계',
    );
    expectMatches(
      rows.filter((r) => r.kind === 'unit'),
      b.businessBudget,
      '사업예산',
    );
    expectMatches(
      rows.filter((r) => r.kind === 'basic'),
      b.basicExpense,
      '기본경비',
    );
    expect(b.total.rate).to.equal('13.86');
    expect(formatInteger(toUnit(b.basicExpense.diff, 'thousand'))).to.equal('△24,802');
    expect(b.basicExpense.rate).to.equal('△3.45');
    expect(b.total.prior).to.equal((cc.printed as { settlement2018: { total: Printed18 } }).settlement2018.total.budget);
  });

  it('reproduces each department and policy row', () => {
    for (const [code, printed] of Object.entries(b.departments)) {
      expectMatches(
        rows.filter((r) => r.kind !== 'policy' && r.org === code),
        printed,
        code,
      );
    }
    for (const [code, printed] of Object.entries(b.policies)) {
      expectMatches(
        rows.filter((r) => r.parent === code),
        printed,
        code,
      );
    }
  });

  it('reproduces 증감 and 증감률 of every program row (incl. △100, 100 and -)', () => {
    for (const r of rows.filter((x) => x.kind !== 'policy')) {
      const p = b.programs[r.program];
      expect(budget(r) - r.priorYearBasis!, `${r.name} 증감`).to.equal(p.diff);
      expect(changeRate(r.priorYearBasis!, budget(r)).text, `${r.name} 증감률`).to.equal(p.rate);
    }
  });

  it('keeps program codes stable across 2018 and 2019', () => {
    const byCode18 = new Map(cc.programYears[2018].map((r) => [r.program, r]));
    for (const r of rows) {
      const r18 = byCode18.get(r.program);
      if (r.program === 'SC-U0304') expect(r18).to.equal(undefined);
      else expect(r18 && norm(r18.name), r.name).to.equal(norm(r.name));
    }
    expect(rows.find((r) => r.program === 'SC-U0501')).to.include({ org: 'SCB-COMM', parent: 'SC-P01' });
    expect(rows.find((r) => r.program === 'SC-U0503')).to.include({ org: 'SCB-COMM', parent: 'SC-P01' });
    expect(rows.find((r) => r.program === 'SC-U0502')).to.include({ org: 'SCB-SERV', parent: 'SC-P04' });
    expect(budget(rows.find((r) => r.program === 'SC-U0203')!)).to.equal(0);
  });

  it('the restated 2018 column keeps the bureau total of the settlement table', () => {
    const moved = rows.filter((r) => r.kind !== 'policy');
    const settled = new Map(leaves(cc, 2018).map((r) => [r.program, budget(r)]));
    const differing = moved.filter((r) => settled.has(r.program) && settled.get(r.program) !== r.priorYearBasis);
    expect(differing.map((r) => r.program).sort()).to.deep.equal(
      ['SC-B01', 'SC-U0102', 'SC-U0105', 'SC-U0106', 'SC-U0109', 'SC-U0201', 'SC-U0204', 'SC-U0205', 'SC-U0503'].sort(),
    );
    for (const r of differing) expect(r.note, r.program).to.be.a('string');
  });

  it("the headline '554억 38백만원' disagrees with the table (544억 38백만원) and is listed", () => {
    const m = toUnit(b.total.current, 'million');
    expect(`${Math.floor(m / 100)}억 ${m % 100}백만원`).to.equal('544억 38백만원');
    expect((cc.printed as { headlines: { budget2019: string } }).headlines.budget2019).to.equal('554억 38백만원');
    expect((cc.discrepancies ?? []).some((d) => d.includes('554억 38백만원') && d.includes('544억'))).to.equal(true);
  });
});

describe('seed 003 시민소통기획관: 2018 세입결산', () => {
  const rev = cc.revenue![2018];
  const p = (
    cc.printed as {
      revenue2018: {
        total: { budget: number; current: number; assessed: number; collected: number; uncollected: number };
        lines: Record<string, { budget: number; current: number; assessed: number; collected: number; uncollected: number }>;
      };
    }
  ).revenue2018;
  const isLeaf = (code: string): boolean => !rev.lines.some((l) => l.parent === code);

  it('belongs to the bureau', () => expect(rev.org).to.equal('SCB'));

  it('leaves carry 징수결정·수납, parents only 예산; children sum to parents', () => {
    for (const l of rev.lines) {
      if (isLeaf(l.code)) {
        expect(l.assessed, l.name).to.be.a('number');
        expect(l.collected, l.name).to.be.a('number');
        expect(l.writtenOff, l.name).to.equal(0);
      } else {
        expect(l.assessed, l.name).to.equal(undefined);
        const kids = rev.lines.filter((k) => k.parent === l.code);
        expect(sum(kids.map((k) => k.budget))).to.equal(l.budget);
        expect(sum(kids.map((k) => k.currentBudget))).to.equal(l.currentBudget);
      }
    }
  });

  function rollup(code: string | undefined): { budget: number; current: number; assessed: number; collected: number; uncollected: number } {
    const ls = rev.lines.filter((l) => isLeaf(l.code) && (code === undefined || l.code === code || l.parent === code));
    const assessed = sum(ls.map((l) => l.assessed!));
    const collected = sum(ls.map((l) => l.collected!));
    const top = code === undefined ? rev.lines.filter((l) => !l.parent) : rev.lines.filter((l) => l.code === code);
    return {
      budget: sum(top.map((l) => l.budget)),
      current: sum(top.map((l) => l.currentBudget)),
      assessed,
      collected,
      uncollected: assessed - collected - sum(ls.map((l) => l.writtenOff ?? 0)),
    };
  }

  it('reproduces every printed line and the 합계 (7,913,080 / 7,888,822 / 7,888,730 / 미수납 92)', () => {
    for (const [code, printed] of Object.entries(p.lines)) expect(rollup(code), code).to.deep.equal(printed);
    expect(rollup(undefined)).to.deep.equal(p.total);
    expect(p.total.uncollected).to.equal(92_000);
  });
});

// ---------------------------------------------------------------- seed 000: 전자상거래센터

describe('seed 000 전자상거래센터', () => {
  const p = ec.printed as {
    history: {
      year: number;
      finalBudget: number;
      carryIn: number;
      change: number;
      current: number;
      executed: number;
      carryOut: number;
      balance: number;
    }[];
    budgetTable2023: { prior: number; current: number; diff: number; rate: string; rateDecimals: number };
    consignmentBudgetByYear: Record<string, number>;
  };
  const row = (year: number): Row => ec.programYears[year][0];

  it('3-year settlement: 예산현액 = 최종예산 + 전년이월 + 예산변경, 집행잔액 = 예산현액 − 집행액 − 차년이월', () => {
    expect(p.history.map((h) => h.year)).to.deep.equal([2019, 2020, 2021]);
    for (const h of p.history) {
      expect(h.finalBudget + h.carryIn + h.change, `${h.year}`).to.equal(h.current);
      expect(h.current - h.executed - h.carryOut, `${h.year}`).to.equal(h.balance);
      const r = row(h.year);
      expect(budget(r)).to.equal(h.finalBudget);
      expect(current(ec, h.year, r)).to.equal(h.current);
      expect(executed(r)).to.equal(h.executed);
      expect(balance(ec, h.year, r)).to.equal(h.balance);
      expect(r.appropriations![0].item).to.equal('민간위탁금');
    }
    expect(p.history.map((h) => toUnit(h.balance, 'thousand'))).to.deep.equal([213, 40_166, 10_938]);
  });

  it('예산 총괄 2022 → 2023: 519,778 → 523,783, 증감 4,005, 증감률 "1"', () => {
    const t = p.budgetTable2023;
    expect(budget(row(2022))).to.equal(t.prior);
    expect(budget(row(2023))).to.equal(t.current);
    expect(t.current - t.prior).to.equal(t.diff);
    expect(changeRate(t.prior, t.current, t.rateDecimals).text).to.equal(t.rate);
  });

  it('2023 산출근거 adds up (258,413 + 214,823 + 50,547 = 523,783; 12,500,000 × 1.1 = 13,750,000)', () => {
    const a = row(2023).appropriations![0];
    const check = (lines: SeedBasisLine[], total: number): void => {
      expect(sum(lines.map((l) => l.amount))).to.equal(total);
      for (const l of lines) {
        if (l.children) check(l.children, l.amount);
        if (l.unitAmount !== undefined) {
          expect(basisLineResult(l.unitAmount, l.quantity ?? '1', l.multiplier ?? '1')).to.equal(l.amount);
        }
      }
    };
    check(a.basis!, a.amount);
    expect(a.basis!.map((l) => l.amount)).to.deep.equal([258_413_000, 214_823_000, 50_547_000]);
    expect(a.basis![1].children!.map((l) => l.amount)).to.deep.equal([191_573_000, 13_750_000, 9_500_000]);
  });

  it('agrees with seed 001 / domain.md §6 for 2022–2025', () => {
    for (const [year, amount] of Object.entries(p.consignmentBudgetByYear)) expect(budget(row(Number(year)))).to.equal(amount);
    expect(budget(row(2024))).to.equal(533_478_000);
    expect(budget(row(2025))).to.equal(637_000_000);
    expect(ec.fiscalYears.find((f) => f.year === 2025)!.status).to.equal('open');
  });
});

// ---------------------------------------------------------------- seed 004: 기획조정실

describe('seed 004 기획조정실 2019/2020 예산', () => {
  const p = po.printed as {
    totals: Record<
      'total' | 'general' | 'special' | 'fund',
      { y2019: number; y2020: number; diff: number; count2019: number | null; count2020: number | null }
    >;
    generalByDepartment: Record<string, { y2019: number; y2020: number; diff: number; count2019: number; count2020: number }>;
    funds: Record<string, { y2019: number; y2020: number; diff: number; count2019: number | null; count2020: number | null }>;
    headlines: Record<'total' | 'general' | 'special' | 'fund', string>;
  };
  const byAccount = (year: number, account: string): Row[] => po.programYears[year].filter((r) => r.account === account);
  const accountKey = { general: 'general', special: 'special', fund: 'fund' } as const;

  it('has 11 departments under the bureau, one general-account program each', () => {
    const depts = po.orgUnits.filter((o) => o.level === 'department');
    expect(depts).to.have.length(11);
    expect(depts.every((d) => d.parent === 'PCO')).to.equal(true);
    for (const year of [2019, 2020]) {
      expect(byAccount(year, 'general').map((r) => r.org)).to.deep.equal(depts.map((d) => d.code));
    }
  });

  it('department rows reproduce the 일반회계 table and its 합계 (1,247,406 → 602,275, −645,131 백만원)', () => {
    for (const r of byAccount(2019, 'general')) {
      const d = p.generalByDepartment[r.org];
      const r20 = byAccount(2020, 'general').find((x) => x.org === r.org)!;
      expect(budget(r), r.org).to.equal(d.y2019);
      expect(budget(r20), r.org).to.equal(d.y2020);
      expect(d.y2020 - d.y2019, r.org).to.equal(d.diff);
    }
    const dep = Object.values(p.generalByDepartment);
    expect(sum(dep.map((d) => d.count2019))).to.equal(p.totals.general.count2019);
    expect(sum(dep.map((d) => d.count2020))).to.equal(p.totals.general.count2020);
    expect(p.totals.general.y2019).to.equal(1_247_406_000_000);
  });

  it('accounts reproduce the 총괄표; funds reproduce the 기금 table', () => {
    for (const account of ['general', 'special', 'fund'] as const) {
      const t = p.totals[accountKey[account]];
      expect(sum(byAccount(2019, account).map(budget)), account).to.equal(t.y2019);
      expect(sum(byAccount(2020, account).map(budget)), account).to.equal(t.y2020);
      expect(t.y2020 - t.y2019, account).to.equal(t.diff);
    }
    for (const [code, f] of Object.entries(p.funds)) {
      expect(budget(byAccount(2019, 'fund').find((r) => r.program === code)!)).to.equal(f.y2019);
      expect(budget(byAccount(2020, 'fund').find((r) => r.program === code)!)).to.equal(f.y2020);
      expect(f.y2020 - f.y2019, code).to.equal(f.diff);
    }
    const fundCounts = Object.values(p.funds);
    expect(sum(fundCounts.map((f) => f.count2019 ?? 0))).to.equal(p.totals.fund.count2019);
    expect(sum(fundCounts.map((f) => f.count2020 ?? 0))).to.equal(p.totals.fund.count2020);
    const all = (y: 2019 | 2020): number => sum(po.programYears[y].map(budget));
    expect(all(2019)).to.equal(p.totals.total.y2019);
    expect(all(2020)).to.equal(p.totals.total.y2020);
    expect(p.totals.total.y2020 - p.totals.total.y2019).to.equal(p.totals.total.diff);
    expect(p.totals.general.count2019! + p.totals.fund.count2019!).to.equal(p.totals.total.count2019);
    expect(p.totals.general.count2020! + p.totals.fund.count2020!).to.equal(p.totals.total.count2020);
  });

  it('reproduces the 억원 headlines (1조 6,100억원, 6,023억, 760억원, 9,317억원)', () => {
    const eok = (text: string): number => {
      const m = /^(?:(\d+)조\s*)?([\d,]+)억/.exec(text)!;
      return Number(m[1] ?? 0) * 10_000 + Number(m[2].replace(/,/g, ''));
    };
    for (const key of ['total', 'general', 'special', 'fund'] as const) {
      expect(toUnit(p.totals[key].y2020, 'hundred-million'), key).to.equal(eok(p.headlines[key]));
    }
  });
});
