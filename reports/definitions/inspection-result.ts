/**
 * 지도점검 결과보고 (seed 002): 점검개요 · 주요 점검내용 및 결과 (분야 → 지표 → 항목, 평가와 점검결과) ·
 * 개선 및 건의사항 · 조치사항 · 지적사항 및 조치 현황, for the effective (approved, not superseded)
 * inspections of a consignment in a year. Everything printed comes from the inspection as filed and
 * the template version it was filed with, so a later template version never changes the report.
 */
import { DomainError } from '../../domain/errors';
import { COMPARATOR_SIGN, judgeCriterion } from '../../domain/inspection-criteria';
import { formatInteger } from '../../domain/money';
import { INSPECTION_READERS } from '../../server/access/inspection-roles';
import type { InspectionView } from '../../server/queries/inspections/inspection-view';
import { effectiveInspectionsOfYear } from '../../server/queries/inspections/inspection-result';
import { repeatCountsByFinding } from '../../server/queries/inspections/repeat-chains';
import { flattenAreas, TemplateAreaView } from '../../server/queries/inspections/templates';
import { cell, ReportModel, ReportRow, Section } from '../engine/model';
import type { ReportDefinition } from '../registry';

/** 2020-12-30 → "2020. 12. 30." as the city's documents print dates. */
export function koDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}. ${m}. ${d}.`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const circled = (n: number) => (n >= 1 && n <= CIRCLED.length ? CIRCLED[n - 1] : `(${n})`);

const splitLines = (text: string | null) =>
  (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

function overview(v: InspectionView): Section[] {
  const items: { label: string; text: string }[] = [];
  items.push({ label: '문서번호', text: v.documentNumber ?? '' });
  items.push({ label: '공개여부', text: v.disclosureKo + (v.disclosureNote ? `(${v.disclosureNote})` : '') });
  let when = koDate(v.actualDate);
  if (v.plannedDate && v.actualDate && v.plannedDate !== v.actualDate) {
    when += ` ※ 당초 ${koDate(v.plannedDate)} 예정이었으나, ${v.postponementReason ?? ''}`.trimEnd();
  } else if (!v.actualDate && v.plannedDate) {
    when = `${koDate(v.plannedDate)} (예정)`;
  }
  items.push({ label: '점검일시', text: when });
  items.push({ label: '수탁기관', text: v.operatorName ?? '' });
  items.push({ label: '대상기간', text: v.periodNote ?? `${koDate(v.periodFrom)} ~ ${koDate(v.periodTo)}` });
  items.push({ label: '점검자', text: v.inspectors });
  items.push({ label: '점검방법', text: v.method ?? '' });
  items.push({ label: '점검표', text: `${v.template.templateName} 제${v.template.version}판 (${koDate(v.template.effectiveFrom)} 시행)` });
  const approval = v.approvedOn
    ? `작성 ${v.createdByName} · 승인 ${v.approvedByName ?? ''} (${koDate(v.approvedOn)})${v.selfApproved ? ' ※ 부서의 유일한 점검 담당자가 자체 승인' : ''}`
    : `작성 ${v.createdByName} · ${v.statusKo}`;
  items.push({ label: '결재', text: approval });
  // issue 17: a self-approval is marked with the reason the filer stated
  if (v.selfApproved) items.push({ label: '본인 승인', text: `작성자가 직접 승인함 — 사유: ${v.selfApprovalReason ?? '(기록 없음)'}` });
  if (v.revisionOfId) items.push({ label: '정정', text: `지도점검 ${v.revisionOfId}번의 정정본: ${v.revisionReason ?? ''}` });
  const sections: Section[] = [];
  if (v.summary) sections.push({ kind: 'paragraphs', paragraphs: splitLines(v.summary) });
  sections.push({ kind: 'keyValue', title: '1. 점검개요', items });
  return sections;
}

function criterionShort(v: InspectionView, itemId: number): string {
  const item =
    v.template.areas &&
    flattenAreas(v.template.areas)
      .flatMap((a) => a.area.items)
      .find((it) => it.id === itemId);
  const r = v.results.find((x) => x.itemId === itemId);
  if (!item?.criterion) return '';
  const c = item.criterion;
  const rule = `${COMPARATOR_SIGN[c.comparator]}${c.threshold}${c.unit ?? ''}`;
  if (!r?.figures) return `기준 ${rule}`;
  const j = judgeCriterion(c, r.figures);
  return `${j.value}${c.unit ?? ''} (${rule}) ${j.verdictKo}`;
}

function results(v: InspectionView): Section[] {
  const sections: Section[] = [];
  const byItem = new Map(v.results.map((r) => [r.itemId, r]));
  let topNo = 0;
  const walk = (area: TemplateAreaView, path: string[]) => {
    const heading = [...path, area.title].join(' · ');
    if (area.items.length) {
      const rows: ReportRow[] = area.items.map((it) => ({
        depth: 0,
        style: 'detail',
        cells: {
          item: cell.text(it.title),
          rating: cell.text(byItem.get(it.id)?.rating ?? '미평가'),
          criterion: cell.text(criterionShort(v, it.id)),
        },
      }));
      sections.push({
        kind: 'table',
        title: heading,
        unitLine: '',
        columns: [
          { key: 'item', label: '점검항목', kind: 'text', width: 58 },
          { key: 'rating', label: '평가', kind: 'text', width: 11 },
          { key: 'criterion', label: '측정 기준 판정', kind: 'text', width: 21 },
        ],
        rows,
      });
      const paragraphs: string[] = [];
      for (const it of area.items) {
        const r = byItem.get(it.id);
        const notes = splitLines(r?.notes ?? null);
        if (area.items.length > 1 && (notes.length || r?.criterionText || r?.evidence.length)) paragraphs.push(`[${it.title}]`);
        paragraphs.push(...notes);
        if (r?.criterionText) paragraphs.push(`※ 측정 기준 판정 — ${r.criterionText}`);
        if (r?.evidence.length) paragraphs.push(`※ 증빙: ${r.evidence.join(', ')}`);
      }
      if (paragraphs.length) sections.push({ kind: 'paragraphs', title: '〈 점검결과 〉', paragraphs });
    } else if (!area.areas.length) {
      sections.push({ kind: 'paragraphs', title: heading, paragraphs: ['점검 항목 없음'] });
    }
    for (const child of area.areas) walk(child, [...path, area.title]);
  };
  for (const top of v.template.areas) {
    topNo++;
    sections.push({
      kind: 'paragraphs',
      title: topNo === 1 ? '2. 주요 점검내용 및 결과' : undefined,
      paragraphs: [`${topNo}) ${top.title}`],
    });
    if (top.items.length) walk({ ...top, areas: [] }, []);
    for (const child of top.areas) walk(child, [top.title]);
  }
  return sections;
}

async function findingsSections(em: Parameters<ReportDefinition['build']>[0], v: InspectionView): Promise<Section[]> {
  const chains = await repeatCountsByFinding(em, v.consignment.id);
  const sections: Section[] = [];
  sections.push({
    kind: 'paragraphs',
    title: '3. 개선 및 건의사항',
    paragraphs: splitLines(v.improvements).length ? splitLines(v.improvements) : ['없음'],
  });
  sections.push({
    kind: 'paragraphs',
    title: '4. 조치사항',
    paragraphs: splitLines(v.actionsTaken).length ? splitLines(v.actionsTaken) : ['없음'],
  });
  if (!v.findings.length) {
    sections.push({ kind: 'paragraphs', title: '5. 지적사항 및 조치 현황', paragraphs: ['지적사항 없음'] });
    return sections;
  }
  const rows: ReportRow[] = v.findings.map((f) => {
    const count = chains.get(f.id)?.uncorrectedCount ?? 1;
    return {
      depth: 0,
      style: 'detail',
      cells: {
        title: cell.text(`${circled(f.seq)} ${f.title}`),
        kind: cell.text(f.kindKo),
        due: cell.text(f.dueDate ? koDate(f.dueDate) : '-'),
        status: cell.text(f.statusKo),
        repeat: cell.num(count, `${formatInteger(count)}회`),
      },
    };
  });
  sections.push({
    kind: 'table',
    title: '5. 지적사항 및 조치 현황',
    unitLine: '',
    columns: [
      { key: 'title', label: '지적사항', kind: 'text', width: 50 },
      { key: 'kind', label: '구분', kind: 'text', width: 7 },
      { key: 'due', label: '조치기한', kind: 'text', width: 13 },
      { key: 'status', label: '상태', kind: 'text', width: 11 },
      { key: 'repeat', label: '지적 횟수', kind: 'integer', width: 9 },
    ],
    rows,
    footnotes: ['※ 지적 횟수: 같은 지적사항이 이전 지도점검·평가·감사에서 정당한 사유 없이 시정되지 않은 횟수(이번 포함)'],
  });
  const paragraphs: string[] = [];
  for (const f of v.findings) {
    paragraphs.push(`${circled(f.seq)} [${f.kindKo}] ${f.title}`);
    if (f.detail) paragraphs.push(`- 내용: ${f.detail}`);
    paragraphs.push(`- 요구 조치: ${f.requiredAction}${f.dueDate ? ` (기한 ${koDate(f.dueDate)})` : ''}`);
    if (f.actionReportedOn)
      paragraphs.push(`- 조치 보고: ${koDate(f.actionReportedOn)} ${f.actionReport ?? ''} (기록 ${f.actionReportedByName ?? ''})`);
    if (f.verifiedOn)
      paragraphs.push(`- 확인: ${koDate(f.verifiedOn)}${f.verificationNote ? ` ${f.verificationNote}` : ''} (${f.verifiedByName ?? ''})`);
    if (f.priorSourceKind && f.priorSourceRef) paragraphs.push(`- 이전 지적: ${f.priorSourceRef}`);
    if (f.justifiedCause) paragraphs.push(`- 미시정 사유 인정: ${f.justifiedCause}`);
  }
  sections.push({ kind: 'paragraphs', title: '지적사항별 요구 조치 및 이행', paragraphs });
  return sections;
}

const definition: ReportDefinition = {
  name: 'inspection-result',
  title: '민간위탁 지도점검 결과보고',
  required: ['consignment', 'year'],
  roles: INSPECTION_READERS,
  async build(em, params, ctx): Promise<ReportModel> {
    const { consignment, inspections: rows } = await effectiveInspectionsOfYear(em, ctx, params.consignment!, params.year!);
    if (!rows.length) {
      throw new DomainError(
        'not_found',
        'no_approved_inspection',
        `No approved inspection of ${consignment.name} in ${params.year}`,
        `${params.year}년 ${consignment.name}의 승인된 지도점검이 없습니다`,
        [
          {
            field: 'year',
            rule: 'approvedInspection',
            message: 'no approved inspection in that year',
            message_ko: '해당 연도에 승인된 지도점검이 없습니다',
          },
        ],
      );
    }
    const sections: Section[] = [];
    let asOf = '';
    for (const v of rows) {
      if (rows.length > 1) sections.push({ kind: 'paragraphs', title: `제${v.round}차 지도점검: ${v.title}`, paragraphs: [] });
      sections.push(...overview(v), ...results(v), ...(await findingsSections(em, v)));
      if ((v.approvedOn ?? '') > asOf) asOf = v.approvedOn ?? '';
    }
    const first = rows[0];
    return {
      id: `inspection-result-${consignment.code}-${params.year}`,
      title: rows.length === 1 ? first.title : `${params.year}년 '${consignment.name}' 민간위탁 지도·점검 결과보고`,
      subtitle: `${first.consignment.name} · ${params.year}년`,
      sections,
      footnotes: ['※ 평가는 지도점검이 작성될 때의 점검표 판(版)을 기준으로 하며, 측정 기준은 점검자가 입력한 수치로 시스템이 판정함'],
      source: first.documentNumber ? `문서번호 ${first.documentNumber}` : undefined,
      asOf: asOf || undefined,
      orientation: 'portrait',
    };
  },
};

export default definition;
