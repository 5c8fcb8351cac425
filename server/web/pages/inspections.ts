import { DomainError } from '../../../domain/errors';
import { FINDING_KIND_KO } from '../../../domain/inspection-labels';
import { httpStatusOf } from '../../http/error-status';
import { idParam } from '../../http/params';
import { INSPECTION_READERS, INSPECTION_WRITERS } from '../../access/inspection-roles';
import { ApproveBody, CreateInspectionBody, FindingBody, ReasonBody, UpdateInspectionBody } from '../../app/inspections/requests';
import { approveInspection, createInspection, returnInspection, submitInspection, updateInspection } from '../../app/inspections/writing';
import { addFinding } from '../../app/inspections/findings';
import { consignmentsToFile } from '../../queries/inspections/consignments-to-file';
import { getInspection, InspectionView } from '../../queries/inspections/inspection-view';
import { inspectionGrid, inspectionList } from '../../queries/inspections/inspection-list';
import { consignmentFilterOptions } from '../../queries/grants/grant-list';
import { serveGrid } from '../grid';
import { flattenAreas, listTemplates } from '../../queries/inspections/templates';
import { firstText, formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { pickYear, today } from './common';
import { problemView, formAction } from './forms';

const blank = firstText;

/** Checklist steps: every area that has items, in reading order, titled with its path. */
function stepsOf(view: InspectionView) {
  return flattenAreas(view.template.areas)
    .filter((x) => x.area.items.length > 0)
    .map((x, i) => {
      const items = x.area.items.map((it) => ({ ...it, result: view.results.find((r) => r.itemCode === it.code) ?? null }));
      return {
        n: i + 1,
        code: x.area.code,
        title: [...x.path.map((p) => p.title), x.area.title].join(' › '),
        guidance: x.area.guidance,
        items,
        done: items.every((it) => it.result?.rating),
      };
    });
}

async function listView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const em = call.ds.manager;
  const { year } = await pickYear(em, call.req.query.year);
  const canFile = INSPECTION_WRITERS.includes(call.user!.role);
  const consignments = await consignmentFilterOptions(em, call.ctx);
  // the list is a grid (server-side sort, filter, search, paging; 엑셀 of the filtered view)
  await serveGrid(
    call,
    inspectionList(consignments),
    (q, w) => inspectionGrid(em, call.ctx, q, w),
    'inspections.njk',
    {
      title: '지도점검',
      canFile,
      consignments: canFile ? await consignmentsToFile(em, call.ctx) : [],
      templates: canFile ? await listTemplates(em) : [],
      // 점검자 starts as the signed-in inspector (issue 17)
      form: { fiscalYear: String(year ?? new Date().getFullYear()), round: '1', inspectors: call.user!.displayName, ...form },
    },
    (r) => ({
      links: { title: `/inspections/${Number(r.id)}`, consignment: `/consignments/${Number(r.consignmentId)}` },
      marks: { status: r.supersededById !== null && r.supersededById !== undefined ? '정정됨' : null },
    }),
    status,
  );
}

export async function inspectionPage(call: PageCall, id: number, extra: Record<string, unknown> = {}, status = 200) {
  const view = await getInspection(call.ds.manager, call.ctx, id);
  const steps = stepsOf(view);
  const asked = Number(call.req.query.area ?? extra.area ?? 1);
  const current = steps.find((s) => s.n === asked) ?? steps[0];
  const canEdit = INSPECTION_WRITERS.includes(call.user!.role) && view.status === 'draft';
  const writer = INSPECTION_WRITERS.includes(call.user!.role);
  const canDecide = writer && view.status === 'submitted';
  call.render(
    'inspection.njk',
    {
      title: view.title,
      view,
      steps,
      current,
      canEdit,
      canDecide,
      approveForm: { on: today() },
      // the filer approving their own inspection states why (issue 17)
      isFiler: view.createdById === call.user!.id,
      canFollowUp: writer && view.status === 'approved' && !view.supersededById,
      findingForms: {},
      day: today(),
      returnForm: { reason: '' },
      allItems: steps.flatMap((s) => s.items),
      findingKinds: Object.entries(FINDING_KIND_KO).map(([value, label]) => ({ value, label })),
      saved: call.req.query.saved,
      findingForm: {},
      ...extra,
    },
    status,
  );
}

const pages: PageDef[] = [
  {
    id: 'web.inspections.list',
    method: 'get',
    path: '/inspections',
    roles: INSPECTION_READERS,
    nav: '지도점검',
    handler: (call) => listView(call),
  },
  {
    id: 'web.inspections.create',
    method: 'post',
    path: '/inspections',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const b = call.req.body as Record<string, string>;
      const form = {
        consignmentId: b.consignmentId ?? '',
        templateCode: b.templateCode ?? '',
        fiscalYear: b.fiscalYear ?? '',
        round: b.round ?? '1',
        inspectors: b.inspectors ?? '',
        periodFrom: b.periodFrom ?? '',
        periodTo: b.periodTo ?? '',
        plannedDate: b.plannedDate ?? '',
      };
      // not formAction: a consignment or template the form names that is not there (404) is shown beside its field too
      try {
        const body = await formBody(CreateInspectionBody, call.req.body);
        const view = await createInspection(call.ds, call.ctx, body);
        call.res.redirect(303, `/inspections/${view.id}?area=1`);
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind === 'forbidden') throw err;
        await listView(call, { ...form, problem: problemView(err) }, httpStatusOf(err));
      }
    },
  },
  {
    id: 'web.inspections.show',
    method: 'get',
    path: '/inspections/:id',
    roles: INSPECTION_READERS,
    handler: (call) => inspectionPage(call, idParam(String(call.req.params.id))),
  },
  {
    id: 'web.inspections.save-header',
    method: 'post',
    path: '/inspections/:id/header',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const header = {
        actualDate: b.actualDate ?? '',
        method: b.method ?? '',
        documentNumber: b.documentNumber ?? '',
        summary: b.summary ?? '',
        improvements: b.improvements ?? '',
      };
      await formAction(
        call,
        async () => {
          const patch = await formBody(UpdateInspectionBody, call.req.body);
          await updateInspection(call.ds, call.ctx, id, patch);
          return `/inspections/${id}?saved=header#header`;
        },
        (problem, status) => inspectionPage(call, id, { headerForm: header, headerProblem: problem }, status),
      );
    },
  },
  {
    id: 'web.inspections.save-area',
    method: 'post',
    path: '/inspections/:id/areas/:area',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const n = idParam(String(call.req.params.area), 'area');
      const b = call.req.body as Record<string, string>;
      const view = await getInspection(call.ds.manager, call.ctx, id);
      const step = stepsOf(view).find((s) => s.n === n);
      if (!step) throw new DomainError('not_found', 'not_found', 'No such area', '점검 분야를 찾을 수 없습니다');
      await formAction(
        call,
        async () => {
          const results = step.items.map((it) => {
            const figures = it.criterion
              ? { numerator: blank(b[`num_${it.code}`]), denominator: blank(b[`den_${it.code}`]), value: blank(b[`val_${it.code}`]) }
              : undefined;
            const hasFigures = figures && Object.values(figures).some((v) => v !== undefined);
            return {
              itemCode: it.code,
              ...(blank(b[`rating_${it.code}`]) ? { rating: blank(b[`rating_${it.code}`]) } : {}),
              ...(blank(b[`notes_${it.code}`]) ? { notes: blank(b[`notes_${it.code}`]) } : {}),
              ...(hasFigures ? { figures: Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== undefined)) } : {}),
            };
          });
          const patch = await formBody(UpdateInspectionBody, call.req.body, { results });
          await updateInspection(call.ds, call.ctx, id, patch);
          const next = b.next === 'stay' ? n : Math.min(n + 1, stepsOf(view).length);
          return `/inspections/${id}?area=${next}&saved=${n}`;
        },
        (problem, status) => inspectionPage(call, id, { area: n, areaForm: b, areaProblem: problem }, status),
      );
    },
  },
  {
    id: 'web.inspections.add-finding',
    method: 'post',
    path: '/inspections/:id/findings',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const form = {
        kind: b.kind ?? '',
        itemCode: b.itemCode ?? '',
        title: b.title ?? '',
        detail: b.detail ?? '',
        requiredAction: b.requiredAction ?? '',
        dueDate: b.dueDate ?? '',
      };
      await formAction(
        call,
        async () => {
          const body = await formBody(FindingBody, call.req.body);
          await addFinding(call.ds, call.ctx, id, body);
          return `/inspections/${id}?saved=finding#findings`;
        },
        (problem, status) => inspectionPage(call, id, { findingForm: { ...form, problem: problem } }, status),
      );
    },
  },
  {
    id: 'web.inspections.submit',
    method: 'post',
    path: '/inspections/:id/submit',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      await formAction(
        call,
        async () => {
          await submitInspection(call.ds, call.ctx, id);
          return `/inspections/${id}?saved=submitted`;
        },
        (problem, status) => inspectionPage(call, id, { submitProblem: problem }, status),
      );
    },
  },
  {
    id: 'web.inspections.approve',
    method: 'post',
    path: '/inspections/:id/approve',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const form = { on: typeof b.on === 'string' ? b.on : '', selfApprovalReason: firstText(b.selfApprovalReason) ?? '' };
      await formAction(
        call,
        async () => {
          const body = await formBody(ApproveBody, call.req.body);
          await approveInspection(call.ds, call.ctx, id, body);
          return `/inspections/${id}?saved=approved`;
        },
        (problem, status) => inspectionPage(call, id, { approveForm: { ...form, problem: problem } }, status),
      );
    },
  },
  {
    id: 'web.inspections.return',
    method: 'post',
    path: '/inspections/:id/return',
    roles: INSPECTION_WRITERS,
    handler: async (call) => {
      const id = idParam(String(call.req.params.id));
      const b = call.req.body as Record<string, string>;
      const form = { reason: typeof b.reason === 'string' ? b.reason : '' };
      await formAction(
        call,
        async () => {
          const body = await formBody(ReasonBody, call.req.body);
          await returnInspection(call.ds, call.ctx, id, body.reason);
          return `/inspections/${id}?saved=returned`;
        },
        (problem, status) => inspectionPage(call, id, { returnForm: { ...form, problem: problem } }, status),
      );
    },
  },
];

export default pages;
