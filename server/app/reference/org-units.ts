import type { DataSource, EntityManager } from 'typeorm';
import type { OrgUnit } from '../../../entities/org-unit';
import { assertNewOrgCode, assertValidityPeriod } from '../../../domain/reference';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import { findOrgUnitByCode, insertOrgUnit, orgUnitByCode } from '../../store/org-units/org-units';
import type { CreateOrgUnitBody } from './requests';

/** Adds a unit to the organisation chart, under its parent (by code or exact name). */
export async function createOrgUnit(ds: DataSource, ctx: RequestContext, input: CreateOrgUnitBody, em?: EntityManager): Promise<OrgUnit> {
  return within(ds, em, async (tx) => {
    assertNewOrgCode(await findOrgUnitByCode(tx, input.code), input.code);
    assertValidityPeriod(input.validFrom, input.validTo);
    const parent = input.parentCode ? await orgUnitByCode(tx, input.parentCode, 'parentCode') : null;
    const unit = await insertOrgUnit(tx, {
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: parent?.id ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    await audit(tx, ctx, { action: 'org_unit.create', entity: 'org_unit', entityId: unit.id, after: unit });
    return unit;
  });
}
