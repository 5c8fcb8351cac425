/**
 * Acceptance: a published 세입·세출 결산 총괄 reproduced figure for figure.
 *
 * Source: 부산광역시 서구 결산공시, "세입·세출 결산 총괄 (단위 : 원)",
 * https://www.bsseogu.go.kr/index.bsseogu?menuCd=DOM_000000103005006007 — 일반회계 and five 특별회계,
 * with a negative 교부차액 (△62,937,790) in 일반회계. The page as stored does not show its fiscal year,
 * so the ledger year is 2020 here. The 공시 prints only account totals, so each account holds one
 * program (its 세출 합계) and one revenue line (its 세입 합계). The fixture is shaped like the onboarding
 * workbook (test/fixtures/settlement-summary/busan-seogu-006007.json) and loaded through the use cases.
 */
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { AccountKind } from '../../entities/account';
import { systemContext } from '../../server/context';
import { inTransaction } from '../../server/db/transaction';
import { createAccount, recordAccountSettlement } from '../../server/app/accounts/accounts';
import { openYear } from '../../server/app/ledger/fiscal-years';
import { postEntry } from '../../server/app/ledger/entries';
import { createOrgUnit } from '../../server/app/reference/org-units';
import { createProgram } from '../../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../../server/app/reference/program-years';
import { createRevenueLine, postRevenueEntry } from '../../server/app/revenue/revenue';
import { buildReport } from '../../reports/registry';
import type { TableSection } from '../../reports/engine/model';
import { freshDatabase, TestDb } from '../support/db';

interface Workbook {
  회계: { 코드: string; 이름: string; 종류: AccountKind; 순서: number; 시작일: string; 종료일: string | null }[];
  조직: { 코드: string; 이름: string; 단계: 'city' | 'department'; 상위코드: string | null; 시작일: string; 종료일: string | null }[];
  사업: { 회계연도: number; 코드: string; 이름: string; 구분: 'unit'; 상위코드: string | null; 회계코드: string; 부서코드: string }[];
  세출예산: { 회계연도: number; 사업코드: string; 편성목: string; 예산액: number; 산출근거: string }[];
  세입예산: {
    회계연도: number;
    코드: string;
    이름: string;
    상위코드: string | null;
    회계코드: string;
    부서코드: string;
    예산액: number;
    예산현액: number;
  }[];
  집행: { 회계연도: number; 사업코드: string; 편성목: string; 일자: string; 금액: number; 적요: string }[];
  세입: { 회계연도: number; 세입코드: string; 구분: '징수결정' | '수납'; 일자: string; 금액: number }[];
  이월: { 회계연도: number; 사업코드: string; 편성목: string; 구분: '명시'; 금액: number }[];
  결산: { 회계연도: number; 회계코드: string; 보조금반납금: number; 교부차액: number }[];
}

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'settlement-summary', 'busan-seogu-006007.json');

/** Loads the workbook through the use cases (the lead switches this to the onboarding import). */
async function loadWorkbook(db: TestDb, wb: Workbook): Promise<void> {
  const ctx = systemContext('test');
  const years = [...new Set(wb.사업.map((p) => p.회계연도))];
  for (const y of years) await openYear(db.ds, ctx, y);
  await inTransaction(db.ds, async (em) => {
    for (const a of wb.회계)
      await createAccount(
        db.ds,
        ctx,
        { code: a.코드, name: a.이름, kind: a.종류, sortOrder: a.순서, validFrom: a.시작일, validTo: a.종료일 },
        em,
      );
    for (const o of wb.조직)
      await createOrgUnit(
        db.ds,
        ctx,
        { code: o.코드, name: o.이름, level: o.단계, parentCode: o.상위코드, validFrom: o.시작일, validTo: o.종료일 },
        em,
      );
    const pyOf = new Map<string, number>();
    for (const p of wb.사업) {
      await createProgram(db.ds, ctx, { code: p.코드, name: p.이름, kind: p.구분, accountCode: p.회계코드 }, em);
      const py = await createProgramYear(
        db.ds,
        ctx,
        { programCode: p.코드, fiscalYear: p.회계연도, orgCode: p.부서코드, name: p.이름 },
        em,
      );
      pyOf.set(`${p.회계연도}/${p.코드}`, py.id);
    }
    for (const b of wb.세출예산)
      await createAppropriation(
        db.ds,
        ctx,
        { programYearId: pyOf.get(`${b.회계연도}/${b.사업코드}`)!, expenseItem: b.편성목, amount: b.예산액, note: b.산출근거 },
        em,
      );
    for (const x of wb.집행)
      await postEntry(
        db.ds,
        ctx,
        {
          programYearId: pyOf.get(`${x.회계연도}/${x.사업코드}`)!,
          expenseItem: x.편성목,
          kind: 'execution',
          amount: x.금액,
          entryDate: x.일자,
          reason: x.적요,
        },
        em,
      );
    for (const c of wb.이월)
      await postEntry(
        db.ds,
        ctx,
        {
          programYearId: pyOf.get(`${c.회계연도}/${c.사업코드}`)!,
          expenseItem: c.편성목,
          kind: 'carry_out',
          amount: c.금액,
          entryDate: `${c.회계연도}-12-31`,
          reason: '다음연도 이월',
          carryType: 'explicit',
        },
        em,
      );
    const lineOf = new Map<string, number>();
    for (const r of wb.세입예산) {
      const line = await createRevenueLine(
        db.ds,
        ctx,
        {
          fiscalYear: r.회계연도,
          orgCode: r.부서코드,
          code: r.코드,
          name: r.이름,
          parentCode: r.상위코드,
          accountCode: r.회계코드,
          budget: r.예산액,
          currentBudget: r.예산현액,
        },
        em,
      );
      lineOf.set(`${r.회계연도}/${r.코드}`, line.id);
    }
    const KIND = { 징수결정: 'assessed', 수납: 'collected' } as const;
    for (const e of wb.세입)
      await postRevenueEntry(
        db.ds,
        ctx,
        { revenueLineId: lineOf.get(`${e.회계연도}/${e.세입코드}`)!, kind: KIND[e.구분], amount: e.금액, entryDate: e.일자 },
        em,
      );
    for (const s of wb.결산)
      await recordAccountSettlement(
        db.ds,
        ctx,
        s.회계코드,
        s.회계연도,
        { subsidyReturned: s.보조금반납금, grantDifference: s.교부차액 },
        em,
      );
  });
}

/** The 총괄 as printed on the page: 구분, 예산현액, ㉮, ㉯, ㉰, ㉱, 보조금 반납금, 교부차액, ㉳. */
const PRINTED: string[][] = [
  [
    '합계',
    '485,889,818,180',
    '489,276,819,783',
    '391,696,374,270',
    '97,580,445,513',
    '56,622,998,130',
    '4,110,575,710',
    '△62,937,790',
    '36,909,809,463',
  ],
  [
    '일반회계',
    '473,391,085,570',
    '476,736,959,250',
    '384,926,778,260',
    '91,810,180,990',
    '51,316,783,340',
    '4,059,696,550',
    '△62,937,790',
    '36,496,638,890',
  ],
  ['특별회계', '12,498,732,610', '12,539,860,533', '6,769,596,010', '5,770,264,523', '5,306,214,790', '50,879,160', '0', '413,170,573'],
  ['의료급여기금특별회계', '575,078,000', '601,267,764', '554,073,770', '47,193,994', '0', '16,894,030', '0', '30,299,964'],
  ['지하수관리특별회계', '60,838,000', '51,027,283', '46,229,880', '4,797,403', '0', '0', '0', '4,797,403'],
  [
    '주차장특별회계',
    '11,660,432,610',
    '11,695,306,147',
    '5,990,311,670',
    '5,704,994,477',
    '5,306,214,790',
    '28,350,830',
    '0',
    '370,428,857',
  ],
  ['주거환경개선사업특별회계', '128,563,000', '118,257,188', '110,793,990', '7,463,198', '0', '0', '0', '7,463,198'],
  ['발전소주변지역지원특별회계', '73,821,000', '74,002,151', '68,186,700', '5,815,451', '0', '5,634,300', '0', '181,151'],
];

describe('settlement-summary: a published 결산 총괄 (부산광역시 서구) reproduced', function () {
  let db: TestDb;
  before(async () => {
    db = await freshDatabase();
    await loadWorkbook(db, JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Workbook);
  });
  after(() => db.drop());

  it('prints every figure of the 총괄 as published, the negative 교부차액 with △', async () => {
    const model = await buildReport(db.ds.manager, 'settlement-summary', { year: 2020, asOf: '2021-05-31' }, systemContext('test'));
    const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
    expect(table.unitLine).to.equal('(단위 : 원)');
    const keys = table.columns.map((c) => c.key);
    const printed = table.rows.map((r) => keys.map((k) => r.cells[k].text));
    expect(printed).to.deep.equal(PRINTED);
  });

  it('prints the same 총괄 in 천원 and 백만원 (each figure rounded from won by money.ts)', async () => {
    const ctx = systemContext('test');
    const inThousand = await buildReport(db.ds.manager, 'settlement-summary', { year: 2020, unit: 'thousand' }, ctx);
    const t = inThousand.sections.find((s): s is TableSection => s.kind === 'table')!;
    expect(t.unitLine).to.equal('(단위 : 천원)');
    expect(t.rows[0].cells.netSurplus.text).to.equal('36,909,809');
    expect(t.rows[1].cells.grantDifference.text).to.equal('△62,938');
    const inMillion = await buildReport(db.ds.manager, 'settlement-summary', { year: 2020, unit: 'million' }, ctx);
    const m = inMillion.sections.find((s): s is TableSection => s.kind === 'table')!;
    expect(m.unitLine).to.equal('(단위 : 백만원)');
    expect(m.rows[0].cells.current.text).to.equal('485,890');
  });

  it('limits the 총괄 to one account when named', async () => {
    const model = await buildReport(db.ds.manager, 'settlement-summary', { year: 2020, account: '주차장특별회계' }, systemContext('test'));
    const table = model.sections.find((s): s is TableSection => s.kind === 'table')!;
    expect(table.rows.map((r) => r.cells.name.text)).to.deep.equal(['합계', '특별회계', '주차장특별회계']);
    expect(table.rows[0].cells.netSurplus.text).to.equal('370,428,857');
  });
});
