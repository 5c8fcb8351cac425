import type { DataSource } from 'typeorm';
import { DomainError, FieldProblem } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { inTransaction } from '../../db/transaction';
import { checkInstance } from '../../requests/validation';
import { SHEETS } from './rows';
import type { AppropriationRow, EntryRow, ProgramYearRow } from './requests';
import { parseWorkbook, type CellOrigin } from './xlsx';
import { audit } from '../../store/audit';
import { programYearByCode } from '../../store/programs/program-years';
import { postEntry } from '../ledger/ledger';
import { createAppropriation, createProgramYear } from '../reference/program-years';
import { ko } from '../../../domain/korean-particles';

export interface ImportInput {
  data: Record<string, unknown>;
  /** present for an .xlsx: where each row came from */
  origins?: Record<string, CellOrigin[]>;
  source: string;
}

export interface ImportResult {
  programYears: number;
  appropriations: number;
  entries: number;
}

function locate(problem: FieldProblem, key: string, index: number, origins?: Record<string, CellOrigin[]>): FieldProblem {
  const origin = origins?.[key]?.[index];
  const field = problem.field.split('.')[0];
  if (!origin) return { ...problem, field: `${key}[${index}].${problem.field}` };
  return {
    ...problem,
    field: `${key}[${index}].${problem.field}`,
    sheet: origin.sheet,
    cell: origin.cells[field] ?? `${origin.sheet}!${origin.row}`,
  };
}

/**
 * A bulk import goes in whole or not at all: every row is validated first (every bad cell is
 * reported, with its sheet and cell for an .xlsx), then every row is applied through the same
 * services as the API inside one transaction; if any row breaks a rule, nothing is kept and every
 * broken row is reported.
 */
export async function importLedger(ds: DataSource, ctx: RequestContext, input: ImportInput): Promise<ImportResult> {
  const problems: FieldProblem[] = [];
  const unknownKeys = Object.keys(input.data).filter((k) => !SHEETS.some((s) => s.key === k));
  for (const k of unknownKeys)
    problems.push({ field: k, rule: 'knownSection', message: `unknown section ${k}`, message_ko: `알 수 없는 항목 ${k}` });
  const rows: Record<string, object[]> = {};
  for (const spec of SHEETS) {
    const raw = input.data[spec.key];
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) {
      problems.push({
        field: spec.key,
        rule: 'isArray',
        message: `${spec.key} must be a list`,
        message_ko: ko`${spec.sheet}은/는 목록이어야 합니다`,
      });
      continue;
    }
    rows[spec.key] = [];
    for (const [i, plain] of raw.entries()) {
      const { instance, problems: found } = await checkInstance(spec.cls as new () => object, plain);
      for (const p of found) problems.push(locate(p, spec.key, i, input.origins));
      rows[spec.key].push(instance);
    }
  }
  if (!Object.keys(rows).length && !problems.length) {
    problems.push({ field: 'data', rule: 'notEmpty', message: 'nothing to import', message_ko: '가져올 내용이 없습니다' });
  }
  if (problems.length) throw rejected(problems);

  return inTransaction(ds, async (em) => {
    const result: ImportResult = { programYears: 0, appropriations: 0, entries: 0 };
    const apply = async (key: string, index: number, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const list = err.errors.length ? err.errors : [{ field: 'row', rule: err.code, message: err.title, message_ko: err.titleKo }];
        for (const p of list) problems.push(locate({ ...p, rule: p.rule || err.code }, key, index, input.origins));
      }
    };
    for (const [i, r] of ((rows.programYears ?? []) as ProgramYearRow[]).entries()) {
      await apply('programYears', i, async () => {
        await createProgramYear(
          ds,
          ctx,
          {
            programCode: r.programCode,
            fiscalYear: r.fiscalYear,
            orgCode: r.orgCode,
            parentProgramCode: r.parentProgramCode ?? null,
            name: r.name ?? null,
          },
          em,
        );
        result.programYears++;
      });
    }
    for (const [i, r] of ((rows.appropriations ?? []) as AppropriationRow[]).entries()) {
      await apply('appropriations', i, async () => {
        const py = await programYearByCode(em, r.programCode, r.fiscalYear);
        await createAppropriation(
          ds,
          ctx,
          { programYearId: py.id, expenseItem: r.expenseItem, amount: r.amount, note: r.note ?? null },
          em,
        );
        result.appropriations++;
      });
    }
    for (const [i, r] of ((rows.entries ?? []) as EntryRow[]).entries()) {
      await apply('entries', i, async () => {
        const py = await programYearByCode(em, r.programCode, r.fiscalYear);
        await postEntry(
          ds,
          ctx,
          {
            programYearId: py.id,
            expenseItem: r.expenseItem,
            kind: r.kind,
            amount: r.amount,
            entryDate: r.entryDate,
            reason: r.reason ?? null,
            carryType: r.carryType ?? null,
          },
          em,
        );
        result.entries++;
      });
    }
    // Rolling back is what makes the import all-or-nothing: throwing here undoes every row above.
    if (problems.length) throw rejected(problems);
    await audit(em, ctx, { action: 'import', entity: 'import', entityId: input.source.slice(0, 60), after: result });
    return result;
  });
}

/** What POST /api/imports carries: an .xlsx in the template (multipart field "file"), or the same data as a JSON object. */
export interface ImportUpload {
  file?: { buffer: Buffer; originalname: string };
  /** the JSON body, when the request is JSON */
  json?: unknown;
}

/** An upload: the workbook's sheets (each cell's origin kept for the report) or the JSON object, imported whole or not at all. */
export async function importUpload(ds: DataSource, ctx: RequestContext, upload: ImportUpload): Promise<ImportResult> {
  if (upload.file) {
    const parsed = await parseWorkbook(upload.file.buffer);
    return importLedger(ds, ctx, { data: parsed.data, origins: parsed.origins, source: upload.file.originalname });
  }
  if (upload.json && typeof upload.json === 'object' && !Array.isArray(upload.json)) {
    return importLedger(ds, ctx, { data: upload.json as Record<string, unknown>, source: 'json' });
  }
  throw new DomainError(
    'unsupported',
    'unsupported_import',
    'Send an .xlsx as multipart field "file" or a JSON object',
    '엑셀 파일(file) 또는 JSON을 보내십시오',
    [
      {
        field: 'file',
        rule: 'required',
        message: 'an .xlsx file or a JSON body is required',
        message_ko: '엑셀 파일 또는 JSON이 필요합니다',
      },
    ],
  );
}

function rejected(problems: FieldProblem[]): DomainError {
  return new DomainError(
    'invalid',
    'import_rejected',
    `The import was rejected: ${problems.length} problem(s); nothing was imported`,
    `가져오기가 거부되었습니다: 오류 ${problems.length}건, 아무것도 반영되지 않았습니다`,
    problems,
  );
}
