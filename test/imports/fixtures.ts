import ExcelJS from 'exceljs';
import { TestApp } from '../support/app';

/** A small onboarding data set in the JSON form (sheet → rows keyed by Korean headers), year 2027. */
export function smallDistrict(prefix = 'T'): Record<string, Record<string, unknown>[]> {
  return {
    조직: [
      { 코드: `${prefix}-GU`, 이름: '시험구', 단계: '시', 시작일: '2020-01-01' },
      { 코드: `${prefix}-B1`, 이름: '행정국', 단계: '실국', 상위코드: `${prefix}-GU`, 시작일: '2020-01-01' },
      { 코드: `${prefix}-D1`, 이름: '총무과', 단계: '부서', 상위코드: `${prefix}-B1`, 시작일: '2020-01-01' },
    ],
    회계: [
      { 코드: `${prefix}-100`, 이름: '일반회계', 종류: '일반회계', 순서: 1, 시작일: '2020-01-01' },
      { 코드: `${prefix}-210`, 이름: '주차장특별회계', 종류: '기타특별회계', 순서: 2, 시작일: '2020-01-01' },
    ],
    사업: [
      { 회계연도: 2027, 코드: `${prefix}-P1`, 이름: '행정지원', 구분: '정책사업', 회계코드: `${prefix}-100`, 부서코드: `${prefix}-D1` },
      {
        회계연도: 2027,
        코드: `${prefix}-U1`,
        이름: '청사관리',
        구분: '단위사업',
        상위코드: `${prefix}-P1`,
        회계코드: `${prefix}-100`,
        부서코드: `${prefix}-D1`,
      },
      {
        회계연도: 2027,
        코드: `${prefix}-S1`,
        이름: '청사 시설 유지',
        구분: '세부사업',
        상위코드: `${prefix}-U1`,
        회계코드: `${prefix}-100`,
        부서코드: `${prefix}-D1`,
      },
    ],
    세출예산: [{ 회계연도: 2027, 사업코드: `${prefix}-S1`, 편성목: '시설비', 예산액: '1,000,000원', 산출근거: '보수 1식' }],
    세입예산: [
      {
        회계연도: 2027,
        코드: `${prefix}-R1`,
        이름: '세외수입',
        회계코드: `${prefix}-100`,
        부서코드: `${prefix}-D1`,
        예산액: 500000,
        예산현액: 500000,
      },
      {
        회계연도: 2027,
        코드: `${prefix}-R1-1`,
        이름: '사용료',
        상위코드: `${prefix}-R1`,
        회계코드: `${prefix}-100`,
        부서코드: `${prefix}-D1`,
        예산액: 500000,
        예산현액: 500000,
      },
    ],
    집행: [
      { 회계연도: 2027, 사업코드: `${prefix}-S1`, 편성목: '시설비', 일자: '2027-02-01', 금액: '300,000', 적요: '1차 보수' },
      { 회계연도: 2027, 사업코드: `${prefix}-S1`, 편성목: '시설비', 일자: '2027-02-01', 금액: '300,000', 적요: '1차 보수' },
    ],
    세입: [
      { 회계연도: 2027, 세입코드: `${prefix}-R1-1`, 구분: '징수결정', 일자: '2027-03-01', 금액: 200000 },
      { 회계연도: 2027, 세입코드: `${prefix}-R1-1`, 구분: '수납', 일자: '2027-03-05', 금액: 150000 },
    ],
    이월: [{ 회계연도: 2027, 사업코드: `${prefix}-S1`, 편성목: '시설비', 구분: '명시', 금액: 100000 }],
    결산: [{ 회계연도: 2027, 회계코드: `${prefix}-210`, 보조금반납금: 0, 교부차액: '△12,000' }],
  };
}

/** The same data as a workbook: header row from the keys of the sheet's rows (template order when given). */
export async function workbookOf(data: Record<string, Record<string, unknown>[]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(data)) {
    const ws = wb.addWorksheet(sheet);
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(headers);
    for (const r of rows) ws.addRow(headers.map((h) => (r[h] === undefined ? null : r[h])) as ExcelJS.CellValue[]);
  }
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'org_units',
    'accounts',
    'programs',
    'program_years',
    'appropriations',
    'revenue_lines',
    'revenue_entries',
    'ledger_entries',
    'ledger_line_totals',
    'account_year_settlements',
    'import_fact_keys',
    'audit_records',
    'fiscal_years',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return out;
}

export const problemsAt = (body: { errors?: { field: string; rule: string }[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.rule}`);
