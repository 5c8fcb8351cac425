import type { EntityManager } from 'typeorm';
import type { CriterionSpec } from '../../../entities/inspection-template';
import { notFound } from '../../../domain/errors';
import {
  allTemplates,
  allTemplateVersions,
  areasOfVersion,
  itemsOfVersion,
  templateByIdOrFail,
  templateVersionById,
} from '../../store/inspections/templates';

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

export interface TemplateSummary {
  id: number;
  code: string;
  name: string;
  versions: { id: number; version: number; effectiveFrom: string; note: string | null }[];
}

export async function templateVersionView(em: EntityManager, versionId: number): Promise<TemplateVersionView> {
  const v = await templateVersionById(em, versionId);
  if (!v) throw notFound(`Template version ${versionId}`, `점검표 버전 ${versionId}`, 'templateVersionId');
  const t = await templateByIdOrFail(em, v.templateId);
  const areas = await areasOfVersion(em, versionId);
  const items = await itemsOfVersion(em, versionId, true);
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

/** Every template with its versions. */
export async function listTemplates(em: EntityManager): Promise<TemplateSummary[]> {
  const templates = await allTemplates(em);
  const versions = await allTemplateVersions(em);
  return templates.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    versions: versions
      .filter((v) => v.templateId === t.id)
      .map((v) => ({ id: v.id, version: v.version, effectiveFrom: v.effectiveFrom, note: v.note })),
  }));
}
