import type { EntityManager } from 'typeorm';
import { allOrgUnits } from '../../store/org-units/org-units';
import { consignmentsByName } from '../../store/consignments/consignments';

/** What a downloaded report is called: the year, the unit (department or consignment) and the report, in Korean and in ASCII. */
export interface ReportFileName {
  korean: string;
  ascii: string;
}

/**
 * `2018_시민소통기획관_세출결산.xlsx` (ASCII fallback `2018_<unit code>_expenditure-settlement.xlsx`): the
 * parts present in the request, in that order. The unit is named as the organisation chart or the
 * consignment register spells it, whether the request gave its code or its name.
 */
export async function reportFileName(
  em: EntityManager,
  report: { name: string; title: string },
  params: { year?: number; org?: string; consignment?: string },
  extension: string,
): Promise<ReportFileName> {
  const unit = await reportUnit(em, params);
  const korean = [params.year, unit?.name, report.title].filter((p) => p !== undefined && p !== '').map((p) => fileNamePart(String(p)));
  const ascii = [params.year, unit?.code, report.name].filter((p) => p !== undefined && p !== '').map((p) => fileNamePart(String(p)));
  return { korean: `${korean.join('_')}${extension}`, ascii: `${ascii.join('_')}${extension}` };
}

/** A file name part without characters file systems refuse (\\/:*?"<>|), control characters or spaces. */
export function fileNamePart(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, '')
    .slice(0, 80);
}

/** The department or consignment a report is for, by its register name and code, whichever the request gave. */
export async function reportUnit(
  em: EntityManager,
  params: { org?: string; consignment?: string },
): Promise<{ name: string; code: string } | undefined> {
  if (params.consignment) {
    const c = (await consignmentsByName(em)).find((x) => x.code === params.consignment || x.name === params.consignment);
    return c ? { name: c.name, code: c.code } : { name: params.consignment, code: params.consignment };
  }
  if (params.org) {
    const o = (await allOrgUnits(em, 'level-name')).find((x) => x.code === params.org || x.name === params.org);
    return o ? { name: o.name, code: o.code } : { name: params.org, code: params.org };
  }
  return undefined;
}
