import type { CalculationBasisLine } from '../../../entities/calculation-basis-line';
import { CARRY_TYPES } from '../../../entities/ledger-entry';
import { addFigures, executionRateOf } from '../../../domain/ledger';
import { POSTABLE_KINDS } from '../../../domain/entries';
import { LEDGER_READERS, LEDGER_WRITERS } from '../../access/roles';
import { idParam } from '../../http/params';
import { postEntry, reverseEntry } from '../../app/ledger/entries';
import { reverseTransfer } from '../../app/ledger/transfers';
import { CreateEntryBody, ReverseEntryBody, ReverseTransferBody } from '../../app/ledger/requests';
import { programYearDetail, programYearEntries } from '../../queries/ledger/program-year';
import { orgChoices, orgName, orgUnits, programsOf } from '../../queries/ledger/org-chart';
import { firstText, formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { executionChartSvg, pickYear } from './common';
import { formAction, ProblemView } from './forms';

export const KIND_LABEL: Record<string, string> = {
  supplementary: '추경',
  carry_in: '전년이월',
  reserve: '예비비',
  change_use: '변경사용',
  execution: '집행',
  carry_out: '차년이월',
  transfer_item: '전용',
  transfer_program: '이용',
  transfer_org: '이체',
};
const CARRY_LABEL: Record<string, string> = { explicit: '명시이월', accident: '사고이월', continuing: '계속비이월' };

/** A reversal form as typed, with the problem that refused it, re-shown beside its row. */
interface ReversalForm {
  target: string;
  entryDate: string;
  reason: string;
  problem?: ProblemView;
}

async function programYearView(
  call: PageCall,
  id: number,
  form: Record<string, unknown> = {},
  status = 200,
  reversal: ReversalForm | null = null,
) {
  const { ds, ctx, render, user } = call;
  const em = ds.manager;
  // a budget officer reads only their own department's programs
  const detail = await programYearDetail(em, ctx, id);
  const { programYear: py, program, figures } = detail;
  const { yearOpen, canWrite, entries } = await programYearEntries(em, detail, user!.role);
  const tree = (basis: CalculationBasisLine[], parent: number | null, depth: number): { line: CalculationBasisLine; depth: number }[] =>
    basis.filter((b) => b.parentLineId === parent).flatMap((b) => [{ line: b, depth }, ...tree(basis, b.id, depth + 1)]);
  const items = Object.entries(figures.items).map(([name, f]) => ({ name, f, rate: executionRateOf(f).text }));
  render(
    'program-year.njk',
    {
      title: `${py.name} (${py.fiscalYear}년)`,
      py,
      program,
      department: await orgName(em, detail.effectiveOrgUnitId),
      yearOpen,
      appropriations: detail.appropriations.map((a) => ({ ...a, basis: tree(a.basis, null, 0) })),
      items,
      total: figures.total,
      totalRate: figures.executionRate,
      entries: entries.map((e) => ({
        ...e,
        kindLabel: KIND_LABEL[e.kind] ?? e.kind,
        carryLabel: e.carryType ? CARRY_LABEL[e.carryType] : '',
      })),
      reversal: reversal ?? { target: '', entryDate: `${py.fiscalYear}-${new Date().toISOString().slice(5, 10)}`, reason: '' },
      canWrite,
      kinds: POSTABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })),
      carryTypes: CARRY_TYPES.map((c) => ({ value: c, label: CARRY_LABEL[c] })),
      form: { kind: 'execution', entryDate: `${py.fiscalYear}-${new Date().toISOString().slice(5, 10)}`, ...form },
      posted: call.req.query.posted,
      postedEntry: entries.find((e) => String(e.id) === call.req.query.posted) ?? null,
      cancelled: call.req.query.cancelled,
      reversed: call.req.query.reversed,
    },
    status,
  );
}

/** POST /ledger/:id/{entries|transfers}/:target/reversal: a correction by reversal, from the entries table. */
function reversalPage(kind: 'entries' | 'transfers'): PageDef {
  return {
    id: kind === 'entries' ? 'web.ledger.reverse-entry' : 'web.ledger.reverse-transfer',
    method: 'post',
    path: `/ledger/:id/${kind}/:target/reversal`,
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const target = idParam(String(call.req.params.target));
      const raw = call.req.body as Record<string, string>;
      const form: ReversalForm = { target: `${kind}/${target}`, entryDate: String(raw.entryDate ?? ''), reason: String(raw.reason ?? '') };
      await formAction(
        call,
        async () => {
          if (kind === 'entries') {
            const body = await formBody(ReverseEntryBody, call.req.body);
            const reversal = await reverseEntry(call.ds, call.ctx, target, body);
            return `/ledger/${id}?cancelled=${target}&posted=${reversal.id}#entries`;
          } else {
            // the form's date field is the transfer's reversal date
            const body = await formBody(ReverseTransferBody, call.req.body, { transferDate: firstText(raw.entryDate) });
            await reverseTransfer(call.ds, call.ctx, target, body);
            return `/ledger/${id}?reversed=${target}#entries`;
          }
        },
        (problem, status) => programYearView(call, id, {}, status, { ...form, problem: problem }),
      );
    },
  };
}

const pages: PageDef[] = [
  {
    id: 'web.ledger.list',
    method: 'get',
    path: '/ledger',
    roles: LEDGER_READERS,
    nav: '예산 원장',
    handler: async ({ req, ds, user, render }) => {
      const em = ds.manager;
      const { year, years } = await pickYear(em, req.query.year);
      const scoped = user!.role === 'budget_officer';
      const orgs = await orgChoices(em);
      const askedOrg = typeof req.query.org === 'string' && /^\d{1,10}$/.test(req.query.org) ? Number(req.query.org) : null;
      const orgId = scoped ? user!.orgUnitId : askedOrg;
      const programs = year === null ? [] : await programsOf(em, year, orgId);
      const owners = await orgUnits(em);
      const rows = programs
        .sort((a, b) => a.orgUnitId - b.orgUnitId || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ko'))
        .map((p) => ({ ...p, department: owners.find((o) => o.id === p.orgUnitId)?.name ?? '', rate: executionRateOf(p.figures).text }));
      const total = addFigures(programs.map((p) => p.figures));
      render('ledger-list.njk', {
        title: '예산 원장',
        year,
        years,
        scoped,
        orgId,
        department: await orgName(em, orgId),
        orgs,
        rows,
        total,
        totalRate: executionRateOf(total).text,
        chartSvg: executionChartSvg(
          `${year}년 사업별 집행률`,
          rows.slice(0, 30).map((r) => ({ label: r.name, figures: r.figures })),
        ),
      });
    },
  },
  {
    id: 'web.ledger.program-year',
    method: 'get',
    path: '/ledger/:id',
    roles: LEDGER_READERS,
    handler: async (call) => programYearView(call, idParam(String(call.req.params.id))),
  },
  {
    id: 'web.ledger.post-entry',
    method: 'post',
    path: '/ledger/:id/entries',
    roles: LEDGER_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const raw = call.req.body as Record<string, string>;
      const form = {
        expenseItem: String(raw.expenseItem ?? ''),
        kind: String(raw.kind ?? ''),
        amount: String(raw.amount ?? ''),
        entryDate: String(raw.entryDate ?? ''),
        reason: String(raw.reason ?? ''),
        carryType: String(raw.carryType ?? ''),
      };
      await formAction(
        call,
        async () => {
          const body = await formBody(CreateEntryBody, call.req.body, { programYearId: id });
          const entry = await postEntry(call.ds, call.ctx, body);
          return `/ledger/${id}?posted=${entry.id}#entries`;
        },
        (problem, status) => programYearView(call, id, { ...form, problem: problem }, status),
      );
    },
  },
  reversalPage('entries'),
  reversalPage('transfers'),
];

export default pages;
