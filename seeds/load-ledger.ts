import { DataSource, EntityManager } from 'typeorm';
import { Account } from '../entities/account';
import { FiscalYear } from '../entities/fiscal-year';
import { OrgUnit } from '../entities/org-unit';
import { Program } from '../entities/program';
import { ProgramYear } from '../entities/program-year';
import { RevenueLine } from '../entities/revenue';
import { systemContext } from '../server/context';
import { inTransaction } from '../server/db/transaction';
import { audit } from '../server/store/audit';
import { postEntry, createTransfer } from '../server/app/ledger/ledger';
import { closeYear } from '../server/app/ledger/fiscal-years';
import { createOrgUnit } from '../server/app/reference/org-units';
import { createAccount } from '../server/app/accounts/accounts';
import { GENERAL_ACCOUNT } from './data/accounts';
import { createProgram } from '../server/app/reference/programs';
import { createAppropriation, createProgramYear } from '../server/app/reference/program-years';
import type { BasisLine as BasisLineInput } from '../domain/basis';
import { createRevenueLine, postRevenueEntry } from '../server/app/revenue/revenue';
import { SeedBasisLine, SeedLedger, SeedRevenueLine } from './types';

const toBasis = (lines: SeedBasisLine[]): BasisLineInput[] =>
  lines.map((l) => ({
    description: l.description,
    unitAmount: l.unitAmount ?? null,
    quantity: l.quantity ?? null,
    multiplier: l.multiplier ?? null,
    amount: l.amount,
    children: l.children ? toBasis(l.children) : undefined,
  }));

/**
 * Loads one transcribed document through the same services the API uses, so every seeded figure
 * passes the ledger identities. All of it lands in one transaction or none of it does; a ledger
 * whose organisation units already exist is skipped, which makes `npm run setup` idempotent.
 */
export async function loadSeedLedger(ds: DataSource, seed: SeedLedger): Promise<'loaded' | 'skipped'> {
  const ctx = systemContext('seed');
  return inTransaction(ds, async (em) => {
    const known = await em.getRepository(OrgUnit).countBy(seed.orgUnits.map((o) => ({ code: o.code })));
    if (known === seed.orgUnits.length) return 'skipped';
    for (const fy of seed.fiscalYears) {
      const existing = await em.getRepository(FiscalYear).findOneBy({ year: fy.year });
      if (!existing) {
        await em.insert(FiscalYear, { year: fy.year, status: 'open', closedAt: null, closedById: null });
        await audit(em, ctx, {
          action: 'fiscal_year.open',
          entity: 'fiscal_year',
          entityId: fy.year,
          after: { year: fy.year, status: 'open' },
        });
      } else if (existing.status === 'closed') throw new Error(`seed ${seed.source}: fiscal year ${fy.year} is already closed`);
    }
    for (const a of seed.accounts ?? [GENERAL_ACCOUNT]) {
      if (await em.getRepository(Account).findOneBy({ code: a.code })) continue;
      await createAccount(
        ds,
        ctx,
        { code: a.code, name: a.name, kind: a.kind, sortOrder: a.sortOrder, validFrom: a.validFrom, validTo: null },
        em,
      );
    }
    for (const o of seed.orgUnits) {
      if (await em.getRepository(OrgUnit).findOneBy({ code: o.code })) continue;
      await createOrgUnit(
        ds,
        ctx,
        { code: o.code, name: o.name, level: o.level, parentCode: o.parent ?? null, validFrom: o.validFrom, validTo: o.validTo ?? null },
        em,
      );
    }
    const years = Object.keys(seed.programYears)
      .map(Number)
      .sort((a, b) => a - b);
    for (const year of years) await loadYear(ds, em, seed, year);
    for (const [year, block] of Object.entries(seed.revenue ?? {})) await loadRevenue(ds, em, Number(year), block.org, block.lines);
    return 'loaded';
  });

  async function loadYear(ds: DataSource, em: EntityManager, seed: SeedLedger, year: number) {
    const rows = seed.programYears[year];
    const pyOf = new Map<string, ProgramYear>();
    for (const [i, row] of rows.entries()) {
      if (!(await em.getRepository(Program).findOneBy({ code: row.program }))) {
        await createProgram(
          ds,
          ctx,
          { code: row.program, name: row.name, kind: row.kind, accountCode: row.accountCode ?? null, account: row.account },
          em,
        );
      }
      // A program moved by a whole-program 이체 starts the year in the department it came from.
      const move = (seed.transfers ?? []).find(
        (t) => t.kind === 'org' && t.fromProgram === row.program && t.toProgram === row.program && t.date.startsWith(`${year}-`),
      );
      const py = await createProgramYear(
        ds,
        ctx,
        {
          programCode: row.program,
          fiscalYear: year,
          orgCode: move?.fromOrg ?? row.org,
          parentProgramCode: row.parent ?? null,
          name: row.name,
          sortOrder: i + 1,
          priorYearBasis: row.priorYearBasis ?? null,
          note: row.note ?? null,
        },
        em,
      );
      pyOf.set(row.program, py);
      for (const a of row.appropriations ?? []) {
        await createAppropriation(
          ds,
          ctx,
          {
            programYearId: py.id,
            expenseItem: a.item,
            amount: a.amount,
            basis: a.basis ? toBasis(a.basis) : undefined,
            note: a.note ?? null,
          },
          em,
        );
      }
      for (const c of row.carryIn ?? [])
        await postEntry(
          ds,
          ctx,
          {
            programYearId: py.id,
            expenseItem: c.item,
            kind: 'carry_in',
            amount: c.amount,
            entryDate: c.date,
            reason: c.reason ?? c.note ?? null,
          },
          em,
        );
    }
    for (const t of (seed.transfers ?? []).filter((x) => x.date.startsWith(`${year}-`))) {
      const from = pyOf.get(t.fromProgram);
      const to = pyOf.get(t.toProgram);
      if (!from || !to) throw new Error(`seed ${seed.source}: transfer names unknown program ${t.fromProgram}/${t.toProgram} in ${year}`);
      const toOrg = t.toOrg ? await em.getRepository(OrgUnit).findOneByOrFail({ code: t.toOrg }) : null;
      await createTransfer(
        ds,
        ctx,
        {
          kind: t.kind,
          transferDate: t.date,
          amount: t.amount,
          fromProgramYearId: from.id,
          fromItem: t.fromItem,
          toProgramYearId: to.id,
          toItem: t.toItem,
          toOrgUnitId: toOrg?.id ?? null,
          reason: t.reason,
          approvalRef: t.kind === 'program' ? (t.note ?? 'seed') : null,
          reportedOn: t.reportedOn ?? null,
        },
        em,
      );
    }
    for (const row of rows) {
      const py = pyOf.get(row.program)!;
      for (const e of row.executions ?? [])
        await postEntry(
          ds,
          ctx,
          { programYearId: py.id, expenseItem: e.item, kind: 'execution', amount: e.amount, entryDate: e.date, reason: e.reason ?? null },
          em,
        );
      for (const c of row.carryOut ?? [])
        await postEntry(
          ds,
          ctx,
          {
            programYearId: py.id,
            expenseItem: c.item,
            kind: 'carry_out',
            amount: c.amount,
            entryDate: c.date,
            reason: c.reason ?? '사유 미기재',
            carryType: c.carryType,
          },
          em,
        );
    }
  }

  async function loadRevenue(ds: DataSource, em: EntityManager, year: number, org: string, lines: SeedRevenueLine[]) {
    for (const [i, l] of lines.entries()) {
      const line: RevenueLine = await createRevenueLine(
        ds,
        ctx,
        {
          fiscalYear: year,
          orgCode: org,
          code: l.code,
          name: l.name,
          parentCode: l.parent ?? null,
          sortOrder: i + 1,
          accountCode: l.accountCode ?? null,
          budget: l.budget,
          currentBudget: l.currentBudget,
        },
        em,
      );
      const date = `${year}-12-31`;
      if (l.assessed)
        await postRevenueEntry(
          ds,
          ctx,
          { revenueLineId: line.id, kind: 'assessed', amount: l.assessed, entryDate: date, reason: '결산 (일자 예시)' },
          em,
        );
      if (l.collected)
        await postRevenueEntry(
          ds,
          ctx,
          { revenueLineId: line.id, kind: 'collected', amount: l.collected, entryDate: date, reason: '결산 (일자 예시)' },
          em,
        );
      if (l.writtenOff)
        await postRevenueEntry(
          ds,
          ctx,
          { revenueLineId: line.id, kind: 'written_off', amount: l.writtenOff, entryDate: date, reason: '결산 (일자 예시)' },
          em,
        );
    }
  }
}

/**
 * Closes, after every seed is in, each year some seed marks closed (documents of different dates
 * disagree on whether a year was still open; the later document wins, and a closed year stays closed),
 * oldest first, through the closing use case: the 차년이월 of a year become the 전년이월 of the next
 * (seed 003's 2018 사고이월 of 413,109천원 lands in 2019 this way; it is never typed). A closing is
 * dated 31 May of the next year (출납폐쇄 and 결산 are not modelled).
 */
export async function closeSeedYears(ds: DataSource, seeds: SeedLedger[]): Promise<number[]> {
  const years = [...new Set(seeds.flatMap((s) => s.fiscalYears.filter((y) => y.status === 'closed').map((y) => y.year)))].sort();
  const closed: number[] = [];
  await inTransaction(ds, async (em) => {
    for (const year of years) {
      const fy = await em.getRepository(FiscalYear).findOneBy({ year });
      if (fy && fy.status === 'open') {
        await closeYear(ds, systemContext('seed'), year, { em, at: new Date(`${year + 1}-05-31T00:00:00Z`) });
        closed.push(year);
      }
    }
  });
  return closed;
}
