import type { DataSource, EntityManager } from 'typeorm';
import type { InspectionTemplate, InspectionTemplateVersion } from '../../../entities/inspection-template';
import { conflict, DomainError, notFound } from '../../../domain/errors';
import {
  assertTemplateWriter,
  checkScale,
  checkStructure,
  DEFAULT_RATING_SCALE,
  nextTemplateVersion,
} from '../../../domain/inspection-templates';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import {
  insertTemplate,
  insertTemplateArea,
  insertTemplateItem,
  insertTemplateVersion,
  latestTemplateVersion,
  lockTemplate,
  templateByCode,
  templateVersionById,
} from '../../store/inspections/templates';
import { TemplateVersionView, templateVersionView } from '../../queries/inspections/templates';
import type { TemplateAreaInput, TemplateInput, TemplateVersionInput } from './requests/templates';
import { ko } from '../../../domain/korean-particles';

async function writeVersion(
  tx: EntityManager,
  ctx: RequestContext,
  template: InspectionTemplate,
  version: number,
  input: TemplateVersionInput,
): Promise<InspectionTemplateVersion> {
  checkStructure(input);
  const scale = checkScale(input.ratingScale ?? DEFAULT_RATING_SCALE, 'ratingScale');
  const v = await insertTemplateVersion(tx, {
    templateId: template.id,
    version,
    effectiveFrom: input.effectiveFrom,
    note: input.note ?? null,
    ratingScale: JSON.stringify(scale),
    createdById: ctx.actor.id,
    createdByName: ctx.actor.name,
    createdAt: new Date(),
  });
  let order = 0;
  const writeAreas = async (areas: TemplateAreaInput[], parentId: number | null) => {
    for (const a of areas) {
      const area = await insertTemplateArea(tx, {
        versionId: v.id,
        parentId,
        code: a.code,
        title: a.title,
        guidance: a.guidance ?? null,
        sortOrder: order++,
      });
      for (const it of a.items ?? []) {
        await insertTemplateItem(tx, {
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
  assertTemplateWriter(ctx.actor.role);
  return within(ds, em, async (tx) => {
    if (await templateByCode(tx, input.code)) {
      throw conflict('duplicate_code', `Template code ${input.code} exists`, ko`점검표 코드 ${input.code}이/가 이미 있습니다`, 'code');
    }
    const template = await insertTemplate(tx, { code: input.code, name: input.name, createdAt: new Date() });
    const v = await writeVersion(tx, ctx, template, nextTemplateVersion(null), input);
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
  assertTemplateWriter(ctx.actor.role);
  return within(ds, em, async (tx) => {
    const template = await lockTemplate(tx, templateId);
    if (!template) throw notFound(`Inspection template ${templateId}`, `점검표 ${templateId}`);
    const last = await latestTemplateVersion(tx, templateId);
    const v = await writeVersion(tx, ctx, template, nextTemplateVersion(last?.version ?? null), input);
    const view = await templateVersionView(tx, v.id);
    await audit(tx, ctx, { action: 'inspection_template.version', entity: 'inspection_template', entityId: template.id, after: view });
    return view;
  });
}

/** A template version by id, or the latest version of a template code. */
export async function resolveTemplateVersion(
  em: EntityManager,
  ref: { templateVersionId?: number; templateCode?: string },
): Promise<InspectionTemplateVersion> {
  if (ref.templateVersionId) {
    const v = await templateVersionById(em, ref.templateVersionId);
    if (!v) throw notFound(`Template version ${ref.templateVersionId}`, `점검표 버전 ${ref.templateVersionId}`, 'templateVersionId');
    return v;
  }
  if (ref.templateCode) {
    const t = await templateByCode(em, ref.templateCode);
    if (!t) throw notFound(`Template ${ref.templateCode}`, `점검표 ${ref.templateCode}`, 'templateCode');
    const v = await latestTemplateVersion(em, t.id);
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
