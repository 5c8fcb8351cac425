import { Appropriation } from '../../../entities/appropriation';
import { CalculationBasisLine } from '../../../entities/calculation-basis-line';
import { CARRY_TYPES } from '../../../entities/ledger-entry';
import { LedgerEntry } from '../../../entities/ledger-entry';
import { OrgUnit } from '../../../entities/org-unit';
import { Program } from '../../../entities/program';
import { ProgramYear } from '../../../entities/program-year';
import { FiscalYear } from '../../../entities/fiscal-year';
import { notFound } from '../../../domain/errors';
import { addFigures, executionRateOf } from '../../../domain/ledger';
import { LEDGER_READERS, LEDGER_WRITERS } from '../../access/roles';
import { CreateEntryBody } from '../../api/routes/ledger-entries/create-entry';
import { idParam } from '../../http/params';
import { validateInput } from '../../requests/validation';
import { assertOrgAccess } from '../../access/scope';
import { effectiveOrgUnitId, POSTABLE_KINDS, postEntry, programYearFigures, reverseEntry, reverseTransfer } from '../../app/ledger/ledger';
import { ReverseEntryBody } from '../../api/routes/ledger-entries/reverse-entry';
import { ReverseTransferBody } from '../../api/routes/transfers/reverse-transfer';
import { BudgetTransfer } from '../../../entities/budget-transfer';
import { In } from 'typeorm';
import { PageCall, PageDef } from '../types';
import { executionChartSvg, orgName, pickYear, programsOf } from './common';
import { parseWon, formAction, ProblemView } from './forms';

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
  const py = await em.getRepository(ProgramYear).findOneBy({ id });
  if (!py) throw notFound('Program-year', '사업(연도)');
  const ownerId = await effectiveOrgUnitId(em, py);
  // a budget officer reads only their own department's programs
  await assertOrgAccess(em, ctx, ownerId);
  const program = await em.getRepository(Program).findOneByOrFail({ id: py.programId });
  const fy = await em.getRepository(FiscalYear).findOneBy({ year: py.fiscalYear });
  const appropriations = await em.getRepository(Appropriation).find({ where: { programYearId: py.id }, order: { expenseItem: 'ASC' } });
  const basis = appropriations.length
    ? await em
        .getRepository(CalculationBasisLine)
        .createQueryBuilder('b')
        .where('b.appropriationId IN (:...ids)', { ids: appropriations.map((a) => a.id) })
        .orderBy('b.seq')
        .getMany()
    : [];
  const tree = (appropriationId: number, parent: number | null, depth: number): { line: CalculationBasisLine; depth: number }[] =>
    basis
      .filter((b) => b.appropriationId === appropriationId && b.parentLineId === parent)
      .flatMap((b) => [{ line: b, depth }, ...tree(appropriationId, b.id, depth + 1)]);
  const figures = await programYearFigures(em, py.id);
  const entries = await em
    .getRepository(LedgerEntry)
    .find({ where: { programYearId: py.id }, order: { entryDate: 'DESC', id: 'DESC' }, take: 200 });
  const items = Object.entries(figures.items).map(([name, f]) => ({ name, f, rate: executionRateOf(f).text }));
  const canWrite = LEDGER_WRITERS.includes(user!.role) && fy?.status === 'open' && program.kind !== 'policy';
  // what may still be corrected: an entry not yet reversed, a transfer (once per transfer) not yet reversed
  const reversedEntries = new Set(entries.map((e) => e.reversalOfId).filter((x): x is number => x !== null));
  const transferIds = [...new Set(entries.map((e) => e.transferId).filter((x): x is number => x !== null))];
  const transfers = transferIds.length ? await em.getRepository(BudgetTransfer).findBy({ id: In(transferIds) }) : [];
  const reversedTransfers = transferIds.length
    ? new Set((await em.getRepository(BudgetTransfer).findBy({ reversalOfId: In(transferIds) })).map((t) => t.reversalOfId))
    : new Set<number | null>();
  const offered = new Set<number>();
  const reversibleBy = (e: LedgerEntry): string | null => {
    if (!canWrite) return null;
    if (e.sourceRef !== null) return null; // corrected through the payment or settlement that posted it
    if (e.transferId === null) return e.reversalOfId === null && !reversedEntries.has(e.id) ? `entries/${e.id}` : null;
    const t = transfers.find((x) => x.id === e.transferId);
    if (!t || t.reversalOfId !== null || reversedTransfers.has(t.id) || offered.has(t.id)) return null;
    offered.add(t.id);
    return `transfers/${t.id}`;
  };
  render(
    'program-year.njk',
    {
      title: `${py.name} (${py.fiscalYear}년)`,
      py,
      program,
      department: await orgName(em, ownerId),
      yearOpen: fy?.status === 'open',
      appropriations: appropriations.map((a) => ({ ...a, basis: tree(a.id, null, 0) })),
      items,
      total: figures.total,
      totalRate: executionRateOf(figures.total).text,
      entries: entries.map((e) => ({
        ...e,
        kindLabel: KIND_LABEL[e.kind] ?? e.kind,
        carryLabel: e.carryType ? CARRY_LABEL[e.carryType] : '',
        reverse: reversibleBy(e),
      })),
      reversal: reversal ?? { target: '', entryDate: `${py.fiscalYear}-${new Date().toISOString().slice(5, 10)}`, reason: '' },
      canWrite,
      kinds: POSTABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })),
      carryTypes: CARRY_TYPES.map((c) => ({ value: c, label: CARRY_LABEL[c] })),
      form: { kind: 'execution', entryDate: `${py.fiscalYear}-${new Date().toISOString().slice(5, 10)}`, ...form },
      posted: call.req.query.posted,
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
            const body = await validateInput(ReverseEntryBody, { entryDate: form.entryDate, reason: form.reason.trim() }, 'body');
            const reversal = await reverseEntry(call.ds, call.ctx, target, body);
            return `/ledger/${id}?posted=${reversal.id}#entries`;
          } else {
            const body = await validateInput(ReverseTransferBody, { transferDate: form.entryDate, reason: form.reason.trim() }, 'body');
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
      const depts = await em.getRepository(OrgUnit).find({ where: { level: 'department' }, order: { name: 'ASC' } });
      const bureaus = await em.getRepository(OrgUnit).find({ where: { level: 'bureau' }, order: { name: 'ASC' } });
      const askedOrg = typeof req.query.org === 'string' && /^\d{1,10}$/.test(req.query.org) ? Number(req.query.org) : null;
      const orgId = scoped ? user!.orgUnitId : askedOrg;
      const programs = year === null ? [] : await programsOf(em, year, orgId);
      const owners = await em.getRepository(OrgUnit).find();
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
        orgs: [...bureaus.map((o) => ({ ...o, label: `${o.name} (실·국)` })), ...depts.map((o) => ({ ...o, label: o.name }))],
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
          const amount = parseWon(form.amount, 'amount');
          const body = await validateInput(
            CreateEntryBody,
            {
              programYearId: id,
              expenseItem: form.expenseItem,
              kind: form.kind,
              amount,
              entryDate: form.entryDate,
              ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
              ...(form.carryType ? { carryType: form.carryType } : {}),
            },
            'body',
          );
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
