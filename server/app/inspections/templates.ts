import { DataSource, EntityManager } from 'typeorm';
import {
  CriterionSpec,
  InspectionTemplate,
  InspectionTemplateArea,
  InspectionTemplateItem,
  InspectionTemplateVersion,
} from '../../../entities/inspection-template';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../../domain/errors';
import { validateCriterion } from '../../../domain/inspection-criteria';
import { RequestContext } from '../../context';
import { lockRow, within } from '../../db/transaction';
import { audit } from '../../store/audit';

export const DEFAULT_RATING_SCALE = ['적정', '일부 미흡', '부적정', '해당없음'];

export interface TemplateItemInput {
  code: string;
  title: string;
  guidance?: string | null;
  ratingScale?: string[];
  criterion?: CriterionSpec | null;
}

export interface TemplateAreaInput {
  code: string;
  title: string;
  guidance?: string | null;
  areas?: TemplateAreaInput[];
  items?: TemplateItemInput[];
}

export interface TemplateVersionInput {
  effectiveFrom: string;
  note?: string | null;
  ratingScale?: string[];
  areas: TemplateAreaInput[];
}

export interface TemplateInput extends TemplateVersionInput {
  code: string;
  name: string;
}

/** The content of one template version as every reader sees it. */
export interface TemplateItemView {
  id: number;
  code: string;
  title: string;
  guidance: string | null;
  ratingScale: string[];
  criterion: CriterionSpec | null;
}
export interface TemplateAreaView {
  id: number;
  code: string;
  title: string;
  guidance: string | null;
  areas: TemplateAreaView[];
  items: TemplateItemView[];
}
export interface TemplateVersionView {
  id: number;
  templateId: number;
  templateCode: string;
  templateName: string;
  version: number;
  effectiveFrom: string;
  note: string | null;
  ratingScale: string[];
  createdByName: string;
  areas: TemplateAreaView[];
}

function assertTemplateWriter(ctx: RequestContext): void {
  const r = ctx.actor.role;
  if (r !== 'system' && r !== 'inspector' && r !== 'admin')
    throw forbidden(
      'Only inspectors and administrators maintain checklist templates',
      '점검표 양식은 점검 담당자와 관리자만 관리할 수 있습니다',
    );
}

function checkScale(scale: unknown, field: string): string[] {
  if (
    !Array.isArray(scale) ||
    scale.length < 2 ||
    scale.some((s) => typeof s !== 'string' || !s.trim() || s.length > 40) ||
    new Set(scale).size !== scale.length
  ) {
    throw invalid(
      field,
      'ratingScale',
      `${field} must list at least two distinct rating labels`,
      '평가 척도는 서로 다른 평가 등급을 두 개 이상 나열해야 합니다',
    );
  }
  return scale as string[];
}

function checkStructure(input: TemplateVersionInput): void {
  if (!Array.isArray(input.areas) || input.areas.length === 0)
    throw invalid('areas', 'required', 'a template needs at least one area', '점검 분야가 하나 이상 있어야 합니다');
  const areaCodes = new Set<string>();
  const itemCodes = new Set<string>();
  let items = 0;
  const walk = (areas: TemplateAreaInput[], path: string, depth: number) => {
    if (depth > 3) throw invalid(path, 'maxDepth', 'areas nest at most three levels', '점검 분야는 3단계까지만 둘 수 있습니다');
    areas.forEach((a, i) => {
      const p = `${path}[${i}]`;
      if (!a.code || !a.title) throw invalid(p, 'required', 'an area needs a code and a title', '점검 분야에는 코드와 명칭이 필요합니다');
      if (areaCodes.has(a.code))
        throw invalid(`${p}.code`, 'unique', `area code ${a.code} appears twice`, `분야 코드 ${a.code}가 중복됩니다`);
      areaCodes.add(a.code);
      (a.items ?? []).forEach((it, j) => {
        const q = `${p}.items[${j}]`;
        if (!it.code || !it.title)
          throw invalid(q, 'required', 'an item needs a code and a title', '점검 항목에는 코드와 명칭이 필요합니다');
        if (itemCodes.has(it.code))
          throw invalid(`${q}.code`, 'unique', `item code ${it.code} appears twice`, `항목 코드 ${it.code}가 중복됩니다`);
        itemCodes.add(it.code);
        if (it.ratingScale !== undefined) checkScale(it.ratingScale, `${q}.ratingScale`);
        if (it.criterion) {
          const problem = validateCriterion(it.criterion);
          if (problem) throw invalid(`${q}.criterion`, 'criterion', problem, '측정 기준이 올바르지 않습니다');
        }
        items++;
      });
      walk(a.areas ?? [], `${p}.areas`, depth + 1);
    });
  };
  walk(input.areas, 'areas', 1);
  if (items === 0) throw invalid('areas', 'items', 'a template needs at least one item', '점검 항목이 하나 이상 있어야 합니다');
}

async function writeVersion(
  tx: EntityManager,
  ctx: RequestContext,
  template: InspectionTemplate,
  version: number,
  input: TemplateVersionInput,
): Promise<InspectionTemplateVersion> {
  checkStructure(input);
  const scale = checkScale(input.ratingScale ?? DEFAULT_RATING_SCALE, 'ratingScale');
  const v = tx.getRepository(InspectionTemplateVersion).create({
    templateId: template.id,
    version,
    effectiveFrom: input.effectiveFrom,
    note: input.note ?? null,
    ratingScale: JSON.stringify(scale),
    createdById: ctx.actor.id,
    createdByName: ctx.actor.name,
    createdAt: new Date(),
  });
  await tx.save(v);
  let order = 0;
  const writeAreas = async (areas: TemplateAreaInput[], parentId: number | null) => {
    for (const a of areas) {
      const area = tx
        .getRepository(InspectionTemplateArea)
        .create({ versionId: v.id, parentId, code: a.code, title: a.title, guidance: a.guidance ?? null, sortOrder: order++ });
      await tx.save(area);
      for (const it of a.items ?? []) {
        await tx.insert(InspectionTemplateItem, {
          versionId: v.id,
          areaId: area.id,
          code: it.code,
          title: it.title,
          guidance: it.guidance ?? null,
          ratingScale: JSON.stringify(it.ratingScale ?? scale),
          criterion: it.criterion ? JSON.stringify(it.criterion) : null,
          sortOrder: order++,
        });
      }
      await writeAreas(a.areas ?? [], area.id);
    }
  };
  await writeAreas(input.areas, null);
  return v;
}

/** Creates a template with its version 1. */
export async function createTemplate(
  ds: DataSource,
  ctx: RequestContext,
  input: TemplateInput,
  em?: EntityManager,
): Promise<TemplateVersionView> {
  assertTemplateWriter(ctx);
  return within(ds, em, async (tx) => {
    if (await tx.getRepository(InspectionTemplate).findOneBy({ code: input.code })) {
      throw conflict('duplicate_code', `Template code ${input.code} exists`, `점검표 코드 ${input.code}가 이미 있습니다`, 'code');
    }
    const template = tx.getRepository(InspectionTemplate).create({ code: input.code, name: input.name, createdAt: new Date() });
    await tx.save(template);
    const v = await writeVersion(tx, ctx, template, 1, input);
    const view = await templateVersionView(tx, v.id);
    await audit(tx, ctx, { action: 'inspection_template.create', entity: 'inspection_template', entityId: template.id, after: view });
    return view;
  });
}

/**
 * "Edits" a template: writes its next version. Earlier versions stay as they were, so an inspection
 * filed against them reads and reports exactly as filed.
 */
export async function createTemplateVersion(
  ds: DataSource,
  ctx: RequestContext,
  templateId: number,
  input: TemplateVersionInput,
  em?: EntityManager,
): Promise<TemplateVersionView> {
  assertTemplateWriter(ctx);
  return within(ds, em, async (tx) => {
    const template = await lockRow(tx, InspectionTemplate, templateId);
    if (!template) throw notFound(`Inspection template ${templateId}`, `점검표 ${templateId}`);
    const last = await tx.getRepository(InspectionTemplateVersion).findOne({ where: { templateId }, order: { version: 'DESC' } });
    const v = await writeVersion(tx, ctx, template, (last?.version ?? 0) + 1, input);
    const view = await templateVersionView(tx, v.id);
    await audit(tx, ctx, { action: 'inspection_template.version', entity: 'inspection_template', entityId: template.id, after: view });
    return view;
  });
}

export async function templateVersionView(em: EntityManager, versionId: number): Promise<TemplateVersionView> {
  const v = await em.getRepository(InspectionTemplateVersion).findOneBy({ id: versionId });
  if (!v) throw notFound(`Template version ${versionId}`, `점검표 버전 ${versionId}`, 'templateVersionId');
  const t = await em.getRepository(InspectionTemplate).findOneByOrFail({ id: v.templateId });
  const areas = await em.getRepository(InspectionTemplateArea).find({ where: { versionId }, order: { sortOrder: 'ASC' } });
  const items = await em.getRepository(InspectionTemplateItem).find({ where: { versionId }, order: { sortOrder: 'ASC' } });
  const byId = new Map<number, TemplateAreaView>();
  const roots: TemplateAreaView[] = [];
  for (const a of areas) {
    const view: TemplateAreaView = { id: a.id, code: a.code, title: a.title, guidance: a.guidance, areas: [], items: [] };
    byId.set(a.id, view);
    if (a.parentId !== null && byId.has(a.parentId)) byId.get(a.parentId)!.areas.push(view);
    else roots.push(view);
  }
  for (const it of items) {
    byId.get(it.areaId)?.items.push({
      id: it.id,
      code: it.code,
      title: it.title,
      guidance: it.guidance,
      ratingScale: JSON.parse(it.ratingScale) as string[],
      criterion: it.criterion ? (JSON.parse(it.criterion) as CriterionSpec) : null,
    });
  }
  return {
    id: v.id,
    templateId: t.id,
    templateCode: t.code,
    templateName: t.name,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    ratingScale: JSON.parse(v.ratingScale) as string[],
    createdByName: v.createdByName,
    areas: roots,
  };
}

/** Every leaf-or-not area in reading order with its path of titles. */
export function flattenAreas(
  areas: TemplateAreaView[],
  path: TemplateAreaView[] = [],
): { area: TemplateAreaView; path: TemplateAreaView[] }[] {
  const out: { area: TemplateAreaView; path: TemplateAreaView[] }[] = [];
  for (const a of areas) {
    out.push({ area: a, path });
    out.push(...flattenAreas(a.areas, [...path, a]));
  }
  return out;
}

export function itemsOf(view: TemplateVersionView): TemplateItemView[] {
  return flattenAreas(view.areas).flatMap((x) => x.area.items);
}

export async function listTemplates(
  em: EntityManager,
): Promise<
  { id: number; code: string; name: string; versions: { id: number; version: number; effectiveFrom: string; note: string | null }[] }[]
> {
  const templates = await em.getRepository(InspectionTemplate).find({ order: { code: 'ASC' } });
  const versions = await em.getRepository(InspectionTemplateVersion).find({ order: { version: 'ASC' } });
  return templates.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    versions: versions
      .filter((v) => v.templateId === t.id)
      .map((v) => ({ id: v.id, version: v.version, effectiveFrom: v.effectiveFrom, note: v.note })),
  }));
}

/** A template version by id, or the latest version of a template code. */
export async function resolveTemplateVersion(
  em: EntityManager,
  ref: { templateVersionId?: number; templateCode?: string },
): Promise<InspectionTemplateVersion> {
  if (ref.templateVersionId) {
    const v = await em.getRepository(InspectionTemplateVersion).findOneBy({ id: ref.templateVersionId });
    if (!v) throw notFound(`Template version ${ref.templateVersionId}`, `점검표 버전 ${ref.templateVersionId}`, 'templateVersionId');
    return v;
  }
  if (ref.templateCode) {
    const t = await em.getRepository(InspectionTemplate).findOneBy({ code: ref.templateCode });
    if (!t) throw notFound(`Template ${ref.templateCode}`, `점검표 ${ref.templateCode}`, 'templateCode');
    const v = await em.getRepository(InspectionTemplateVersion).findOne({ where: { templateId: t.id }, order: { version: 'DESC' } });
    if (!v) throw notFound(`Template ${ref.templateCode} version`, `점검표 ${ref.templateCode} 버전`, 'templateCode');
    return v;
  }
  throw new DomainError(
    'invalid',
    'template_required',
    'templateVersionId or templateCode is required',
    '점검표(templateVersionId 또는 templateCode)를 지정하십시오',
    [
      {
        field: 'templateVersionId',
        rule: 'required',
        message: 'templateVersionId or templateCode is required',
        message_ko: '점검표를 지정하십시오',
      },
    ],
  );
}
