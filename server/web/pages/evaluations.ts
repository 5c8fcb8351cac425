import { DomainError, FieldProblem } from '../../../domain/errors';
import { assertTermOfConsignment } from '../../../domain/evaluation';
import { EVALUATION_WRITERS } from '../../access/evaluation-roles';
import { idParam } from '../../http/params';
import { consignmentDetail } from '../../queries/consignments/consignments';
import { createEvaluation } from '../../app/evaluations/evaluations';
import { CreateEvaluationBody } from '../../app/evaluations/requests';
import { listTemplates, templateView } from '../../queries/evaluations/templates';
import { evaluationTerms } from '../../queries/evaluations/terms';
import { PageCall, PageDef } from '../types';
import { formBody } from '../form-body';
import { today } from './common';
import { ProblemView, formAction } from './forms';

/**
 * 종합성과평가 entry: a contract term scored indicator by indicator on the template in force; the
 * total and the grade are computed by the service, never typed.
 */

/** The form as typed, to show it again beside a refusal. */
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
  const terms = await evaluationTerms(em, consignmentId);
  const evaluatedOn = form.evaluatedOn || today();
  const inForce = await listTemplates(em, { asOf: evaluatedOn });
  const templateId = Number(form.templateId) || inForce[inForce.length - 1]?.id;
  const template = templateId ? await templateView(em, templateId) : null;
  const askedTerm = Number(call.req.query.term ?? form.contractTermId);
  call.render(
    'evaluation-form.njk',
    {
      title: `${detail.name} 종합성과평가 입력`,
      crumbParent: { href: `/consignments/${detail.id}#evaluations`, label: detail.name },
      c: detail,
      terms: terms.map((t) => ({ id: t.id, label: t.label })),
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

/** The form's fields as typed (for showing it again); the request itself is read by formBody. */
function typedForm(b: Record<string, unknown>): EvaluationForm {
  const typed = (k: string) => String(b[k] ?? '');
  return {
    contractTermId: typed('contractTermId'),
    templateId: typed('templateId'),
    evaluatedBy: typed('evaluatedBy'),
    evaluatedOn: typed('evaluatedOn'),
    evaluators: typed('evaluators'),
    note: typed('note'),
    scores: Object.fromEntries(
      Object.entries(b)
        .filter(([k]) => /^score_\d+$/.test(k))
        .map(([k, v]) => [k, String(v)]),
    ),
  };
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
      const form = typedForm((call.req.body ?? {}) as Record<string, unknown>);
      const terms = await evaluationTerms(call.ds.manager, id);
      const template = /^\d+$/.test(form.templateId) ? await templateView(call.ds.manager, Number(form.templateId)) : null;
      const indicatorIds = (template?.groups ?? []).flatMap((g) => g.indicators.map((i) => i.id));
      await formAction(
        call,
        () =>
          namingInputs(indicatorIds, async () => {
            // the nested list the page assembles: one score per indicator input, and the evaluators as one list
            const body = await formBody(CreateEvaluationBody, call.req.body, {
              evaluators: form.evaluators
                .split(/[,\n]/)
                .map((s) => s.trim())
                .filter(Boolean),
              scores: indicatorIds.map((indicatorId) => ({ indicatorId, score: (form.scores[`score_${indicatorId}`] ?? '').trim() })),
              // the form corrects no evaluation
              supersedesId: undefined,
            });
            assertTermOfConsignment(
              terms.map((t) => t.id),
              body.contractTermId,
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
