import type { EntityManager } from 'typeorm';
import { notFound } from '../../../domain/errors';
import { RequestContext } from '../../context';
import { readAttachment } from '../../store/inspections/attachments';
import { getFinding } from './inspection-view';

/** A finding's 조치 결과 attachment, for a reader who may see the inspection. */
export async function findingAttachment(
  em: EntityManager,
  ctx: RequestContext,
  findingId: number,
): Promise<{ contentType: string; filename: string; data: Buffer }> {
  const f = await getFinding(em, ctx, findingId);
  if (!f.attachment) throw notFound(`Attachment of finding ${findingId}`, `지적사항 ${findingId}의 첨부 파일`);
  return { contentType: f.attachment.type, filename: f.attachment.name, data: await readAttachment(f.attachment.sha256) };
}
