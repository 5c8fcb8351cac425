import { DataSource, EntityManager } from 'typeorm';
import { Consignment, ContractTerm, Operator } from '../../entities/consignment';
import { Inspection } from '../../entities/inspection';
import { InspectionTemplate } from '../../entities/inspection-template';
import { OrgUnit } from '../../entities/org-unit';
import { Program } from '../../entities/program';
import { RequestContext, systemContext } from '../../server/context';
import { inTransaction } from '../../server/db/transaction';
import { approveInspection, createInspection, submitInspection } from '../../server/app/inspections/writing';
import { createTemplate } from '../../server/app/inspections/templates';
import { consignmentChecklistV1, inspection2020 } from '../data/ecommerce-inspection-2020';

const CONSIGNMENT_CODE = 'EC-C01';
const OPERATOR_NAME = '(사)한국소비자연맹';

/**
 * Step 040 (consignments) normally creates the e-commerce center consignment. Should it be absent
 * (setup run with fewer steps), this creates the minimum the inspection needs — the operator, the
 * consignment and the 2018–2021 term from seed 001 — each only when nothing of that code/name exists.
 */
async function ensureConsignment(em: EntityManager): Promise<{ consignment: Consignment | null; created: boolean }> {
  const existing = await em.getRepository(Consignment).findOneBy({ code: CONSIGNMENT_CODE });
  if (existing) return { consignment: existing, created: false };
  const org = await em.getRepository(OrgUnit).findOneBy({ code: 'LFB-FAIR' });
  if (!org) return { consignment: null, created: false };
  const program = await em.getRepository(Program).findOneBy({ code: 'EC-U01' });
  let operator = await em.getRepository(Operator).findOneBy({ name: OPERATOR_NAME });
  if (!operator) {
    operator = await em.save(
      em.getRepository(Operator).create({
        name: OPERATOR_NAME,
        registrationNumber: null,
        representative: '강정화',
        note: 'seed 001 (050-inspections가 위탁사무가 없을 때 생성)',
      }),
    );
  }
  const consignment = await em.save(
    em.getRepository(Consignment).create({
      code: CONSIGNMENT_CODE,
      name: '서울시 전자상거래센터 운영',
      consignmentType: 'office',
      fundingType: 'budget',
      legalBasis: '「서울특별시 소비자기본조례」 제19조 및 제20조',
      orgUnitId: org.id,
      programId: program?.id ?? null,
      expenseItem: '민간위탁금',
      location: null,
      startedOn: '2004-05-01',
      note: 'seed 001/002 (050-inspections가 위탁사무가 없을 때 생성)',
      createdAt: new Date(),
    }),
  );
  if (!(await em.getRepository(ContractTerm).findOneBy({ consignmentId: consignment.id, startDate: '2018-01-01' }))) {
    await em.insert(ContractTerm, {
      consignmentId: consignment.id,
      operatorId: operator.id,
      startDate: '2018-01-01',
      endDate: '2021-12-31',
      selectionMethod: 'retender',
      renewalCount: 0,
      recordedScore: '80.4',
      evaluatedBy: '조직담당관',
      note: 'seed 001 위탁 연혁 (’18.1월~’21.12월)',
    });
  }
  return { consignment, created: true };
}

const actor = (name: string, requestId: string): RequestContext => ({
  actor: { id: null, name, role: 'system', orgUnitId: null },
  requestId,
});

export async function run(ds: DataSource): Promise<string> {
  const out: string[] = [];
  if (await ds.getRepository(InspectionTemplate).findOneBy({ code: consignmentChecklistV1.code }))
    out.push(`template ${consignmentChecklistV1.code}: present`);
  else {
    const v = await createTemplate(ds, systemContext('seed:050-inspections'), consignmentChecklistV1);
    out.push(`template ${v.templateCode} v${v.version}: added`);
  }

  const { consignment, created } = await inTransaction(ds, ensureConsignment);
  if (!consignment)
    return `${out.join('; ')}; consignment ${CONSIGNMENT_CODE} absent and 공정경제담당관 not loaded: 2020 inspection skipped`;
  if (created) out.push(`consignment ${CONSIGNMENT_CODE}: created (step 040 had not)`);

  const existing = await ds
    .getRepository(Inspection)
    .findOneBy({ consignmentId: consignment.id, documentNumber: inspection2020.documentNumber! });
  if (existing) {
    out.push(`2020 inspection ${inspection2020.documentNumber}: present`);
    return out.join('; ');
  }
  const { submittedOn, approvedOn, author, approver, ...input } = inspection2020;
  await inTransaction(ds, async (em) => {
    const filed = await createInspection(ds, actor(author, 'seed:050-inspections'), { ...input, consignmentId: consignment.id }, em);
    await submitInspection(ds, actor(author, 'seed:050-inspections'), filed.id, submittedOn, em);
    await approveInspection(ds, actor(approver, 'seed:050-inspections'), filed.id, approvedOn, em);
  });
  out.push(`2020 inspection ${inspection2020.documentNumber}: added (approved ${approvedOn})`);
  return out.join('; ');
}
