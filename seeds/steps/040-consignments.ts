import { DataSource, EntityManager } from 'typeorm';
import { Consignment, ContractTerm, Operator } from '../../entities/consignment';
import { ConsignmentConsent, ConsignmentStaff } from '../../entities/consignment-records';
import { GrantPlan, GrantPlanCategory } from '../../entities/consignment-grant-plan';
import { Disbursement } from '../../entities/consignment-disbursement';
import { OperatorEntry } from '../../entities/consignment-operator-entry';
import { FiscalYear } from '../../entities/fiscal-year';
import { RuleVersion } from '../../entities/rule-version';
import { sumWon } from '../../domain/money';
import { systemContext } from '../../server/context';
import { inTransaction } from '../../server/db/transaction';
import { addContractTerm, createConsignment, createOperator, recordConsent, recordStaff } from '../../server/app/consignments/consignments';
import { approveGrantPlan, createGrantPlan } from '../../server/app/grants/grant-plans';
import { createDisbursement } from '../../server/app/grants/disbursements';
import { recordOperatorEntry } from '../../server/app/consignments/operator-entries';
import { OVERSPEND_RULE } from '../../domain/consignment-settlement';
import { ecommerceConsignment as seed } from '../data/ecommerce-consignment';

export const CONSIGNMENT_RULES: Omit<RuleVersion, 'id'>[] = [
  {
    ruleKey: OVERSPEND_RULE,
    effectiveFrom: '2000-01-01',
    effectiveTo: null,
    params: JSON.stringify({ percent: '10' }),
    // the service's default: the seed documents give no figure; a new version follows the 관리지침's limit on category changes
    source:
      '위탁사업비 정산: 비목별 집행액이 교부계획 비목 금액을 이 비율(%)보다 많이 넘으면 정산서에 표시 (민간위탁 관리지침의 비목 변경 한도에 맞춰 조정)',
  },
];

/** A plan in a closed year is stored as it was approved (the services refuse writes to closed years). */
async function insertClosedYearPlan(em: EntityManager, consignmentId: number, p: (typeof seed.plans)[number]): Promise<void> {
  const plan = await em.save(
    em.getRepository(GrantPlan).create({
      consignmentId,
      fiscalYear: p.fiscalYear,
      version: 1,
      status: 'approved',
      q1: p.quarters[0],
      q2: p.quarters[1],
      q3: p.quarters[2],
      q4: p.quarters[3],
      total: sumWon(p.quarters),
      reason: null,
      approvedOn: p.approvedOn,
      approvedById: null,
      sample: p.sample,
      note: p.note,
      createdById: null,
      createdAt: new Date(),
    }),
  );
  await em.insert(
    GrantPlanCategory,
    p.categories.map((c, i) => ({
      grantPlanId: plan.id,
      seq: i + 1,
      code: c.code,
      name: c.name,
      parentCode: c.parentCode ?? null,
      amount: c.amount,
    })),
  );
}

export async function run(ds: DataSource): Promise<string> {
  const ctx = systemContext('seed:040-consignments');
  const done: string[] = [];
  await inTransaction(ds, async (em) => {
    for (const v of CONSIGNMENT_RULES) {
      if (!(await em.getRepository(RuleVersion).findOneBy({ ruleKey: v.ruleKey, effectiveFrom: v.effectiveFrom }))) {
        await em.insert(RuleVersion, v);
        done.push(`rule ${v.ruleKey}`);
      }
    }
    if (!(await em.getRepository(Operator).findOneBy({ name: seed.operator.name }))) {
      await createOperator(ds, ctx, seed.operator, em);
      done.push('operator');
    }
    let c = await em.getRepository(Consignment).findOneBy({ code: seed.consignment.code });
    if (!c) {
      c = await createConsignment(ds, ctx, seed.consignment, em);
      done.push(`consignment ${c.code}`);
    }
    let terms = 0;
    for (const t of seed.terms) {
      if (await em.getRepository(ContractTerm).findOneBy({ consignmentId: c.id, startDate: t.startDate })) continue;
      await addContractTerm(ds, ctx, c.id, { ...t, note: t.sample ? `[예시] ${t.note}` : (t.note ?? null) }, em);
      terms++;
    }
    if (terms) done.push(`${terms} contract terms`);
    for (const k of seed.consents) {
      if (await em.getRepository(ConsignmentConsent).findOneBy({ consignmentId: c.id, billNumber: k.billNumber })) continue;
      await recordConsent(ds, ctx, c.id, k, em);
      done.push(`consent ${k.billNumber}`);
    }
    for (const s of seed.staff) {
      if (await em.getRepository(ConsignmentStaff).findOneBy({ consignmentId: c.id, year: s.year })) continue;
      await recordStaff(ds, ctx, c.id, s, em);
    }
  });

  const c = await ds.getRepository(Consignment).findOneByOrFail({ code: seed.consignment.code });
  for (const p of seed.plans) {
    if (await ds.getRepository(GrantPlan).findOneBy({ consignmentId: c.id, fiscalYear: p.fiscalYear })) continue;
    const fy = await ds.getRepository(FiscalYear).findOneBy({ year: p.fiscalYear });
    if (!fy) continue;
    await inTransaction(ds, async (em) => {
      if (fy.status === 'closed') await insertClosedYearPlan(em, c.id, p);
      else {
        const plan = await createGrantPlan(
          ds,
          ctx,
          {
            consignment: c.code,
            fiscalYear: p.fiscalYear,
            quarters: [...p.quarters],
            categories: p.categories,
            sample: p.sample,
            note: p.note,
          },
          em,
        );
        await approveGrantPlan(ds, ctx, plan.id, { approvedOn: p.approvedOn }, em);
      }
    });
    done.push(`grant plan ${p.fiscalYear}`);
  }
  for (const year of [...new Set(seed.disbursements.map((d) => d.fiscalYear))]) {
    if (await ds.getRepository(Disbursement).findOneBy({ consignmentId: c.id, fiscalYear: year, sample: true })) continue;
    await inTransaction(ds, async (em) => {
      for (const d of seed.disbursements.filter((x) => x.fiscalYear === year)) {
        await createDisbursement(
          ds,
          ctx,
          {
            consignment: c.code,
            fiscalYear: d.fiscalYear,
            quarter: d.quarter,
            requestedOn: d.requestedOn,
            decidedOn: d.decidedOn,
            paidOn: d.paidOn,
            amount: d.amount,
            note: d.note,
            sample: true,
          },
          em,
        );
      }
    });
    done.push(`sample disbursements ${year}`);
  }
  for (const year of [...new Set(seed.operatorEntries.map((d) => d.fiscalYear))]) {
    if (await ds.getRepository(OperatorEntry).findOneBy({ consignmentId: c.id, fiscalYear: year, sample: true })) continue;
    await inTransaction(ds, async (em) => {
      for (const e of seed.operatorEntries.filter((x) => x.fiscalYear === year)) {
        await recordOperatorEntry(ds, ctx, { consignment: c.code, note: '데모용 예시 (sample)', ...e }, em);
      }
    });
    done.push(`sample operator entries ${year}`);
  }
  return `consignments: ${done.length ? done.join(', ') : 'already present'}`;
}
