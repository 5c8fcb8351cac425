import path from 'node:path';
import ExcelJS from 'exceljs';

/**
 * npm run gen:district -- [FILE] [--year 2026] [--executions 120000]
 *
 * A synthetic 구 as one onboarding workbook, written with exceljs's streaming writer: 40 departments
 * under 5 bureaus, 4 accounts, 2,500 programs (250 정책사업 › 750 단위사업 › 1,500 세부사업), 3,000
 * expense lines, 120,000 execution rows, 600 revenue lines (20 관 › 80 항 › 500 목) with their
 * 징수결정 and 수납, 300 이월 and the accounts' 결산. Deterministic: the same arguments give the same file.
 */
export interface DistrictOptions {
  file: string;
  year: number;
  executions: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ITEMS = ['시설비', '사무관리비', '민간위탁금', '일반운영비', '자산취득비'];

export async function generateDistrict(options: DistrictOptions): Promise<{ rows: number }> {
  const { year } = options;
  const random = rng(20261202);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.file, useSharedStrings: false, useStyles: false });
  let rows = 0;
  const sheet = (name: string, headers: string[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).commit();
    return (values: ExcelJS.CellValue[]) => {
      ws.addRow(values).commit();
      rows++;
    };
  };
  const finish = async (name: string) => (wb.getWorksheet(name) as unknown as { commit(): Promise<void> } | undefined)?.commit();

  const org = sheet('조직', ['코드', '이름', '단계', '상위코드', '시작일', '종료일']);
  org(['GU', '가상구', '시', null, '2000-01-01', null]);
  for (let b = 1; b <= 5; b++) org([`GU-B${b}`, `제${b}국`, '실국', 'GU', '2000-01-01', null]);
  const departments: string[] = [];
  for (let d = 1; d <= 40; d++) {
    const code = `GU-D${String(d).padStart(2, '0')}`;
    departments.push(code);
    org([code, `가상과${d}`, '부서', `GU-B${((d - 1) % 5) + 1}`, '2000-01-01', null]);
  }
  await finish('조직');

  const accounts = [
    ['GA-100', '일반회계', '일반회계', 1],
    ['GA-210', '주차장특별회계', '기타특별회계', 2],
    ['GA-310', '하수도특별회계', '공기업특별회계', 3],
    ['GA-400', '재난관리기금', '기금', 4],
  ] as const;
  const acc = sheet('회계', ['코드', '이름', '종류', '순서', '시작일', '종료일']);
  for (const a of accounts) acc([...a, '2000-01-01', null]);
  await finish('회계');

  const prog = sheet('사업', ['회계연도', '코드', '이름', '구분', '상위코드', '회계코드', '부서코드']);
  const details: { code: string; account: string }[] = [];
  for (let p = 0; p < 250; p++) {
    const dept = departments[p % 40];
    const account = accounts[p % 10 === 9 ? 1 + (p % 3) : 0][0];
    const policy = `GP-${String(p + 1).padStart(3, '0')}`;
    prog([year, policy, `정책사업 ${p + 1}`, '정책사업', null, account, dept]);
    for (let u = 1; u <= 3; u++) {
      const unit = `${policy}-${u}`;
      prog([year, unit, `단위사업 ${p + 1}-${u}`, '단위사업', policy, account, dept]);
      for (let s = 1; s <= 2; s++) {
        const detail = `${unit}-${s}`;
        prog([year, detail, `세부사업 ${p + 1}-${u}-${s}`, '세부사업', unit, account, dept]);
        details.push({ code: detail, account });
      }
    }
  }
  await finish('사업');

  const lines: { program: string; item: string; budget: number }[] = [];
  const approp = sheet('세출예산', ['회계연도', '사업코드', '편성목', '예산액', '산출근거']);
  for (const [i, d] of details.entries()) {
    for (const item of [ITEMS[i % ITEMS.length], ITEMS[(i + 2) % ITEMS.length]]) {
      const budget = 100_000_000 + Math.floor(random() * 400) * 1_000_000;
      lines.push({ program: d.code, item, budget });
      approp([year, d.code, item, budget, `${item} 1식`]);
    }
  }
  await finish('세출예산');

  const rev = sheet('세입예산', ['회계연도', '코드', '이름', '상위코드', '회계코드', '부서코드', '예산액', '예산현액']);
  const leaves: string[] = [];
  const mokBudget = 50_000_000;
  // 10 관 › 40 항 › 550 목 = 600 lines
  for (let g = 1; g <= 10; g++) {
    const gwan = `R${String(g).padStart(2, '0')}`;
    const account = accounts[(g - 1) % 4][0];
    const dept = departments[(g * 7) % 40];
    rev([year, gwan, `세입 관 ${g}`, null, account, dept, mokBudget * 56, mokBudget * 56]);
    for (let h = 1; h <= 4; h++) {
      const hang = `${gwan}-${h}`;
      rev([year, hang, `세입 항 ${g}-${h}`, gwan, account, dept, mokBudget * 14, mokBudget * 14]);
      for (let m = 1; m <= 14 && leaves.length < 550; m++) {
        const mok = `${hang}-${String(m).padStart(2, '0')}`;
        rev([year, mok, `세입 목 ${g}-${h}-${m}`, hang, account, dept, mokBudget, mokBudget]);
        leaves.push(mok);
      }
    }
  }
  await finish('세입예산');

  const exec = sheet('집행', ['회계연도', '사업코드', '편성목', '일자', '금액', '적요']);
  const perLine = Math.ceil(options.executions / lines.length);
  let written = 0;
  for (let k = 0; k < perLine && written < options.executions; k++) {
    for (const line of lines) {
      if (written >= options.executions) break;
      const month = 1 + (k % 12);
      const day = 1 + Math.floor(random() * 28);
      const amount = Math.max(1, Math.floor((line.budget * 0.6) / perLine / 1000) * 1000 - Math.floor(random() * 50) * 1000);
      exec([
        year,
        line.program,
        line.item,
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        amount,
        `${month}월 집행`,
      ]);
      written++;
    }
  }
  await finish('집행');

  const rin = sheet('세입', ['회계연도', '세입코드', '구분', '일자', '금액']);
  for (const [i, mok] of leaves.entries()) {
    rin([year, mok, '징수결정', `${year}-03-${String(1 + (i % 28)).padStart(2, '0')}`, 40_000_000]);
    rin([year, mok, '수납', `${year}-06-${String(1 + (i % 28)).padStart(2, '0')}`, 35_000_000]);
    if (i % 10 === 0) rin([year, mok, '불납결손', `${year}-12-${String(1 + (i % 28)).padStart(2, '0')}`, 1_000_000]);
  }
  await finish('세입');

  const carry = sheet('이월', ['회계연도', '사업코드', '편성목', '구분', '금액']);
  for (let i = 0; i < 300; i++) {
    const line = lines[i * 10];
    carry([year, line.program, line.item, ['명시', '사고', '계속비'][i % 3], Math.floor(line.budget / 10)]);
  }
  await finish('이월');

  const settle = sheet('결산', ['회계연도', '회계코드', '보조금반납금', '교부차액']);
  for (const [i, a] of accounts.entries()) settle([year, a[0], 1_000_000 * i, i === 2 ? -12_345_000 : 2_000_000 * i]);
  await finish('결산');

  await wb.commit();
  return { rows };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) ?? path.join('data', 'district.xlsx');
  const started = Date.now();
  generateDistrict({ file, year: flag('--year', 2026), executions: flag('--executions', 120_000) }).then(
    ({ rows }) => console.log(`${file}: ${rows.toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
