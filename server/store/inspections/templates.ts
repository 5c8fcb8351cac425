import type { EntityManager } from 'typeorm';
import {
  InspectionTemplate,
  InspectionTemplateArea,
  InspectionTemplateItem,
  InspectionTemplateVersion,
} from '../../../entities/inspection-template';
import { lockRow } from '../../db/transaction';

/** Every statement on the checklist templates: templates, their versions, areas and items. */

export async function templateByCode(em: EntityManager, code: string): Promise<InspectionTemplate | null> {
  return em.getRepository(InspectionTemplate).findOneBy({ code });
}

export async function templateByIdOrFail(em: EntityManager, id: number): Promise<InspectionTemplate> {
  return em.getRepository(InspectionTemplate).findOneByOrFail({ id });
}

export async function lockTemplate(em: EntityManager, id: number): Promise<InspectionTemplate | null> {
  return lockRow(em, InspectionTemplate, id);
}

export async function insertTemplate(em: EntityManager, fields: Omit<InspectionTemplate, 'id'>): Promise<InspectionTemplate> {
  const template = em.getRepository(InspectionTemplate).create(fields);
  await em.save(template);
  return template;
}

/** Every template by code. */
export async function allTemplates(em: EntityManager): Promise<InspectionTemplate[]> {
  return em.getRepository(InspectionTemplate).find({ order: { code: 'ASC' } });
}

/** Every version of every template, by version number. */
export async function allTemplateVersions(em: EntityManager): Promise<InspectionTemplateVersion[]> {
  return em.getRepository(InspectionTemplateVersion).find({ order: { version: 'ASC' } });
}

export async function templateVersionById(em: EntityManager, id: number): Promise<InspectionTemplateVersion | null> {
  return em.getRepository(InspectionTemplateVersion).findOneBy({ id });
}

/** The latest version of a template, if any. */
export async function latestTemplateVersion(em: EntityManager, templateId: number): Promise<InspectionTemplateVersion | null> {
  return em.getRepository(InspectionTemplateVersion).findOne({ where: { templateId }, order: { version: 'DESC' } });
}

export async function insertTemplateVersion(
  em: EntityManager,
  fields: Omit<InspectionTemplateVersion, 'id'>,
): Promise<InspectionTemplateVersion> {
  const v = em.getRepository(InspectionTemplateVersion).create(fields);
  await em.save(v);
  return v;
}

export async function insertTemplateArea(em: EntityManager, fields: Omit<InspectionTemplateArea, 'id'>): Promise<InspectionTemplateArea> {
  const area = em.getRepository(InspectionTemplateArea).create(fields);
  await em.save(area);
  return area;
}

export async function insertTemplateItem(em: EntityManager, fields: Omit<InspectionTemplateItem, 'id'>): Promise<void> {
  await em.insert(InspectionTemplateItem, fields);
}

/** The areas of a version in reading order. */
export async function areasOfVersion(em: EntityManager, versionId: number): Promise<InspectionTemplateArea[]> {
  return em.getRepository(InspectionTemplateArea).find({ where: { versionId }, order: { sortOrder: 'ASC' } });
}

/** The items of a version; in reading order when `ordered`. */
export async function itemsOfVersion(em: EntityManager, versionId: number, ordered = false): Promise<InspectionTemplateItem[]> {
  return em
    .getRepository(InspectionTemplateItem)
    .find({ where: { versionId }, ...(ordered ? { order: { sortOrder: 'ASC' as const } } : {}) });
}

/** One item of a version by its code. */
export async function itemOfVersion(em: EntityManager, versionId: number, code: string): Promise<InspectionTemplateItem | null> {
  return em.getRepository(InspectionTemplateItem).findOneBy({ versionId, code });
}
