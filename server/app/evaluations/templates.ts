import type { DataSource, EntityManager } from 'typeorm';
import { conflict } from '../../../domain/errors';
import { assertTemplateValid, gradeBandsText, nextTemplateVersion, normaliseScore } from '../../../domain/evaluation';
import { RequestContext } from '../../context';
import { within } from '../../db/transaction';
import { audit } from '../../store/audit';
import {
  insertIndicatorGroup,
  insertTemplate,
  insertTemplateIndicator,
  latestTemplateVersion,
  templateVersionExists,
} from '../../store/evaluations/templates';
import { TemplateView, templateView } from '../../queries/evaluations/templates';
import type { TemplateInput } from './requests';

/** A new version of a comprehensive-evaluation template (평가지표 양식): groups, indicators with their points, grade bands. */
export async function createTemplate(ds: DataSource, ctx: RequestContext, input: TemplateInput, em?: EntityManager): Promise<TemplateView> {
  return within(ds, em, async (tx) => {
    assertTemplateValid(input);
    const version = nextTemplateVersion(input.version, await latestTemplateVersion(tx, input.code));
    if (await templateVersionExists(tx, input.code, version)) {
      throw conflict(
        'duplicate_template_version',
        `Template ${input.code} version ${version} exists`,
        `평가지표 ${input.code} ${version}판이 이미 있습니다`,
        'version',
      );
    }
    const template = await insertTemplate(tx, {
      code: input.code,
      version,
      name: input.name,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
      gradeBands: gradeBandsText(input.gradeBands),
      note: input.note ?? null,
      createdAt: new Date(),
    });
    for (const [gi, g] of input.groups.entries()) {
      const group = await insertIndicatorGroup(tx, {
        templateId: template.id,
        seq: gi + 1,
        name: g.name,
        scope: g.scope,
        measure: g.measure,
      });
      for (const [ii, ind] of g.indicators.entries()) {
        await insertTemplateIndicator(tx, {
          templateId: template.id,
          groupId: group.id,
          seq: ii + 1,
          name: ind.name,
          maxPoints: normaliseScore(ind.maxPoints),
          guidance: ind.guidance ?? null,
        });
      }
    }
    const view = await templateView(tx, template.id);
    await audit(tx, ctx, { action: 'evaluation_template.create', entity: 'evaluation_template', entityId: template.id, after: view });
    return view;
  });
}
