import { DomainError, FieldProblem } from '../../../domain/errors';
import { ContractTerm } from '../../../entities/consignment';
import { CreateEvaluationBody } from '../../api/routes/evaluations/create-evaluation';
import { EVALUATION_WRITERS } from '../../access/evaluation-roles';
import { idParam } from '../../http/params';
import { validateInput } from '../../http/validation';
import { consignmentDetail } from '../../queries/consignments/consignments';
import { createEvaluation, listTemplates, templateView } from '../../app/evaluations/evaluations';
import { PageCall, PageDef } from '../types';
import { today } from './common';
import { ProblemView, formAction } from './forms';
import { resolveConsignment } from '../../store/consignments/consignment-ref';

/**
 * 종합성과평가 entry: a contract term scored indicator by indicator on the template in force; the
 * total and the grade are computed by the service, never typed.
 */

interface EvaluationForm {
  contractTermId: string;
  templateId: string;
  evaluatedBy: string;
  evaluatedOn: string;
  evaluators: string;
  note: string;
  scores: Record<string, string>;
}

async function formPage(
  call: PageCall,
  consignmentId: number,
  form: Partial<EvaluationForm> = {},
  status = 200,
  problem: ProblemView | null = null,
) {
  const em = call.ds.manager;
  const detail = await consignmentDetail(em, call.ctx, consignmentId); // checks the department
  const terms = await em.getRepository(ContractTerm).find({ where: { consignmentId }, order: { startDate: 'DESC' } });
  const evaluatedOn = form.evaluatedOn || today();
  const inForce = await listTemplates(em, { asOf: evaluatedOn });
  const templateId = Number(form.templateId) || inForce[inForce.length - 1]?.id;
  const template = templateId ? await templateView(em, templateId) : null;
  const askedTerm = Number(call.req.query.term ?? form.contractTermId);
  call.render(
    'evaluation-form.njk',
    {
      title: `${detail.name} 종합성과평가 입력`,
      c: detail,
      terms: terms.map((t) => ({ id: t.id, label: `${t.startDate} ~ ${t.endDate}` })),
      templates: inForce.map((t) => ({ id: t.id, label: `${t.name} ${t.version}판 (${t.effectiveFrom}~${t.effectiveTo ?? ''})` })),
      template,
      form: {
        contractTermId: String(terms.some((t) => t.id === askedTerm) ? askedTerm : (terms[0]?.id ?? '')),
        templateId: String(template?.id ?? ''),
        evaluatedBy: form.evaluatedBy ?? '',
        evaluatedOn,
        evaluators: form.evaluators ?? '',
        note: form.note ?? '',
        scores: form.scores ?? {},
      },
      problem,
    },
    status,
  );
}

/** The service names a score by its place in the list; the form, by its indicator's input. */
function problemsByInput(err: DomainError, indicatorIds: number[]): DomainError {
  const errors: FieldProblem[] = err.errors.map((e) => {
    const m = /^scores\.(\d+)\.(score|indicatorId)$/.exec(e.field);
    return m && indicatorIds[Number(m[1])] !== undefined ? { ...e, field: `score_${indicatorIds[Number(m[1])]}` } : e;
  });
  return new DomainError(err.kind, err.code, err.title, err.titleKo, errors, err.figures);
}

/** Runs the action with its refusals naming the form's score inputs instead of places in the list. */
async function namingInputs<T>(indicatorIds: number[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw err instanceof DomainError ? problemsByInput(err, indicatorIds) : err;
  }
}

const pages: PageDef[] = [
  {
    id: 'web.evaluations.new',
    method: 'get',
    path: '/consignments/:id/evaluations/new',
    roles: EVALUATION_WRITERS,
    handler: (call) => formPage(call, idParam(String(call.req.params.id))),
  },
  {
    id: 'web.evaluations.create',
    method: 'post',
    path: '/consignments/:id/evaluations',
    roles: EVALUATION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const form: EvaluationForm = {
        contractTermId: String(b.contractTermId ?? ''),
        templateId: String(b.templateId ?? ''),
        evaluatedBy: String(b.evaluatedBy ?? ''),
        evaluatedOn: String(b.evaluatedOn ?? ''),
        evaluators: String(b.evaluators ?? ''),
        note: String(b.note ?? ''),
        scores: Object.fromEntries(
          Object.entries(b)
            .filter(([k]) => /^score_\d+$/.test(k))
            .map(([k, v]) => [k, String(v)]),
        ),
      };
      const c = await resolveConsignment(call.ds.manager, id);
      const template = /^\d+$/.test(form.templateId) ? await templateView(call.ds.manager, Number(form.templateId)) : null;
      const indicatorIds = (template?.groups ?? []).flatMap((g) => g.indicators.map((i) => i.id));
      await formAction(
        call,
        () =>
          namingInputs(indicatorIds, async () => {
            const body = await validateInput(
              CreateEvaluationBody,
              {
                contractTermId: /^\d+$/.test(form.contractTermId) ? Number(form.contractTermId) : form.contractTermId,
                templateId: template?.id ?? form.templateId,
                evaluatedBy: form.evaluatedBy.trim(),
                evaluatedOn: form.evaluatedOn,
                evaluators: form.evaluators
                  .split(/[,\n]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
                scores: indicatorIds.map((indicatorId) => ({ indicatorId, score: (form.scores[`score_${indicatorId}`] ?? '').trim() })),
                ...(form.note.trim() ? { note: form.note.trim() } : {}),
              },
              'body',
            );
            const term = await call.ds.getRepository(ContractTerm).findOneBy({ id: body.contractTermId, consignmentId: c.id });
            if (!term)
              throw new DomainError(
                'invalid',
                'term_of_consignment',
                'The contract term is not one of this consignment',
                '이 위탁사무의 계약기간이 아닙니다',
                [
                  {
                    field: 'contractTermId',
                    rule: 'termOfConsignment',
                    message: 'not a term of this consignment',
                    message_ko: '이 위탁사무의 계약기간을 고르십시오',
                  },
                ],
              );
            const view = await createEvaluation(call.ds, call.ctx, body);
            return `/consignments/${id}?evaluated=${view.id}#evaluations`;
          }),
        (problem, status) => formPage(call, id, form, status, problem),
      );
    },
  },
];

export default pages;
