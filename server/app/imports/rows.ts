import { AppropriationRow, EntryRow, ProgramYearRow } from './requests';

/**
 * The sheets of the bulk import template: one per row kind, its columns and their Korean headers.
 * The row classes (server/app/imports/requests.ts) validate a JSON import and the template's cells alike.
 */
export interface SheetSpec<T> {
  /** the JSON key and the sheet name of the template */
  key: 'programYears' | 'appropriations' | 'entries';
  sheet: string;
  cls: new () => T;
  columns: { key: keyof T & string; header: string; note: string; kind: 'integer' | 'text' | 'date' }[];
}

/** Every sheet's rows name their program-year by these two columns first. */
const PROGRAM_YEAR_COLUMNS = [
  { key: 'fiscalYear', header: '회계연도', note: '예: 2025', kind: 'integer' },
  { key: 'programCode', header: '사업코드', note: '등록된 사업 코드', kind: 'text' },
] as const;

export const SHEETS: [SheetSpec<ProgramYearRow>, SheetSpec<AppropriationRow>, SheetSpec<EntryRow>] = [
  {
    key: 'programYears',
    sheet: '사업',
    cls: ProgramYearRow,
    columns: [
      ...PROGRAM_YEAR_COLUMNS,
      { key: 'orgCode', header: '부서', note: '부서 코드 또는 정확한 부서명', kind: 'text' },
      { key: 'parentProgramCode', header: '정책사업코드', note: '단위사업의 상위 정책사업(선택)', kind: 'text' },
      { key: 'name', header: '사업명', note: '그 해의 사업명(선택)', kind: 'text' },
    ],
  },
  {
    key: 'appropriations',
    sheet: '편성',
    cls: AppropriationRow,
    columns: [
      ...PROGRAM_YEAR_COLUMNS,
      { key: 'expenseItem', header: '편성목', note: '예: 민간위탁금, 사무관리비', kind: 'text' },
      { key: 'amount', header: '예산액(원)', note: '원 단위 정수', kind: 'integer' },
      { key: 'note', header: '비고', note: '선택', kind: 'text' },
    ],
  },
  {
    key: 'entries',
    sheet: '집행',
    cls: EntryRow,
    columns: [
      ...PROGRAM_YEAR_COLUMNS,
      { key: 'expenseItem', header: '편성목', note: '예: 민간위탁금', kind: 'text' },
      {
        key: 'kind',
        header: '구분',
        note: 'execution(집행) · carry_out(차년이월) · supplementary(추경) · carry_in(전년이월) · reserve(예비비) · change_use(변경사용)',
        kind: 'text',
      },
      { key: 'amount', header: '금액(원)', note: '원 단위 양의 정수', kind: 'integer' },
      { key: 'entryDate', header: '일자', note: 'YYYY-MM-DD', kind: 'date' },
      { key: 'reason', header: '사유', note: '차년이월·예비비·변경사용은 필수', kind: 'text' },
      { key: 'carryType', header: '이월구분', note: 'explicit(명시) · accident(사고) · continuing(계속비)', kind: 'text' },
    ],
  },
];
