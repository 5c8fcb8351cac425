/**
 * 민간위탁 성과보고 — the performance report a council consent bill (민간위탁 동의안) carries, in the
 * order of seed 001: overview, location and staff, budget by year, contract history with scores (and
 * the judged term's evaluation by indicator), activity figures, performance indicators (목표치 · 실적치 ·
 * 달성도) and the renewal verdict with its reasons.
 *
 * The judged term is the latest evaluated one (the verdict's term); the history runs up to it.
 */
import type { EntityManager } from 'typeorm';
import { formatAmount, formatDecimal, parseDecimal, toUnit } from '../../domain/money';
import { formatScore, sumScores } from '../../domain/evaluation';
import type { RequestContext } from '../../server/context';
import { CONSIGNMENT_TYPE_KO, consignmentDetail } from '../../server/queries/consignments/consignments';
import { evaluationView, liveEvaluations } from '../../server/queries/evaluations/evaluations';
import { activityTables, indicatorsOf } from '../../server/queries/evaluations/indicators';
import { verdictFor } from '../../server/queries/evaluations/renewal';
import type { Cell, ColumnDef, KeyValueSection, ReportModel, ReportRow, Section, TableSection } from '../engine/model';
import type { ReportDefinition, ReportParams } from '../registry';
import { CONSIGNMENT_REPORT_ROLES } from './consignment-common';
import { ko } from '../../domain/korean-particles';

const text = (t: string): Cell => ({ value: t, text: t });
const empty = (): Cell => ({ value: null, text: '' });

/** A figure as printed: decimal text keeps its decimals and gets thousands separators ("44564" → "44,564"). */
function figureCell(raw: string | null): Cell {
  if (raw === null) return { value: null, text: '-' };
  try {
    const d = parseDecimal(raw);
    return { value: Number(d.scaled) / 10 ** d.scale, text: formatDecimal(d) };
  } catch {
    return text(raw);
  }
}

function scoreCell(score: string | null): Cell {
  if (score === null) return { value: null, text: '-' };
  const d = parseDecimal(score);
  return { value: Number(d.scaled) / 10 ** d.scale, text: formatScore(score) };
}

/** ’04. 5월 */
function monthLabel(iso: string): string {
  return `’${iso.slice(2, 4)}.${String(Number(iso.slice(5, 7))).padStart(2, ' ')}월`;
}

/** 2022.1.1. */
function dotDate(iso: string): string {
  return `${iso.slice(0, 4)}.${Number(iso.slice(5, 7))}.${Number(iso.slice(8, 10))}.`;
}

/** 계약기간 from the dates when the documents give no label: whole years as "N년", else months. */
export function termLength(start: string, end: string): string {
  const [sy, sm, sd] = start.split('-').map(Number);
  const next = new Date(`${end}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  let months = (next.getUTCFullYear() - sy) * 12 + (next.getUTCMonth() + 1 - sm);
  if (next.getUTCDate() < sd) months -= 1;
  return months % 12 === 0 ? `${months / 12}년` : `${months}개월`;
}

const RENEWAL_ORDINAL = (n: number) => (n > 0 ? `${n}차` : '-');

async function build(em: EntityManager, params: ReportParams, ctx: RequestContext): Promise<ReportModel> {
  const detail = await consignmentDetail(em, ctx, params.consignment!);
  const asOf = params.asOf ?? new Date().toISOString().slice(0, 10);
  const verdict = await verdictFor(em, ctx, { consignment: detail.code, asOf });
  const judged = verdict.contractTerm ? (detail.contractTerms.find((t) => t.id === verdict.contractTerm!.id) ?? null) : null;
  const holder = judged ?? detail.contractTerms[detail.contractTerms.length - 1] ?? null;
  const sections: Section[] = [];
  const footnotes: string[] = [];

  // 1. 개요
  const consent = [...detail.consents].reverse().find((c) => !judged || !c.submittedOn || c.submittedOn >= judged.startDate) ?? null;
  const overview: KeyValueSection = {
    kind: 'keyValue',
    title: '1. 위탁사무 개요',
    items: [
      { label: '위탁사무명', text: `${detail.name}(${CONSIGNMENT_TYPE_KO[detail.consignmentType]})` },
      {
        label: '수탁기관',
        text: holder ? `${holder.operator.name}${holder.operator.representative ? `(대표 : ${holder.operator.representative})` : ''}` : '-',
      },
      {
        label: '위탁기간',
        text: holder
          ? `${dotDate(holder.startDate)} ~ ${dotDate(holder.endDate)}(${holder.periodLabel ?? termLength(holder.startDate, holder.endDate)})`
          : '-',
      },
      { label: '추진근거', text: detail.legalBasis ?? '-' },
      { label: '민간위탁 개시', text: detail.startedOn ? dotDate(detail.startedOn) : '-' },
      ...(consent
        ? [
            {
              label: '의회 동의안',
              text: `의안번호 ${consent.billNumber}${consent.submittedOn ? ` (제출 ${dotDate(consent.submittedOn)})` : ''}`,
            },
          ]
        : []),
    ],
  };
  sections.push(overview);

  // 2. 위치 및 인력
  const activities = await activityTables(em, detail.id);
  const facility = activities.find((t) => t.seq === 0);
  const area = facility?.rows.find((r) => r.label === '규모');
  sections.push({
    kind: 'keyValue',
    title: '2. 위탁사무 운영현황',
    items: [
      { label: '위치', text: detail.location ?? '-' },
      ...(area && !(detail.location ?? '').includes(`${Object.values(area.values)[0]}${area.unit ?? ''}`)
        ? [{ label: '규모', text: `${Object.values(area.values)[0]}${area.unit ?? ''}` }]
        : []),
    ],
  });
  const staffYears = detail.staff.filter(
    (s) => !judged || (s.year >= Number(judged.startDate.slice(0, 4)) && s.year <= Number(judged.endDate.slice(0, 4))),
  );
  if (staffYears.length) {
    sections.push({
      kind: 'table',
      title: '인력 운영',
      unitLine: '(단위 : 명)',
      columns: [
        { key: 'label', label: '연  도', kind: 'text', width: 14 },
        ...staffYears.map((s) => ({ key: `y${s.year}`, label: `${s.year}년`, kind: 'integer' as const, width: 10 })),
      ],
      rows: [
        {
          depth: 0,
          style: 'detail',
          cells: {
            label: text('근무 인원'),
            ...Object.fromEntries(staffYears.map((s) => [`y${s.year}`, { value: s.headcount, text: `${s.headcount}` }])),
          },
        },
      ],
    });
  }

  // 3. 위탁기간 연도별 예산현황(민간위탁금)
  const firstYear = judged ? Number(judged.startDate.slice(0, 4)) : null;
  const lastYear = judged ? Number(judged.endDate.slice(0, 4)) : null;
  const budgetYears = detail.budgetByYear.filter((b) => firstYear === null || (b.fiscalYear >= firstYear && b.fiscalYear <= lastYear! + 1));
  if (budgetYears.length) {
    const label = (y: number) => (lastYear !== null && y > lastYear ? `${y}년 예산(안)` : `${y}년`);
    sections.push({
      kind: 'table',
      title: `3. 위탁기간 연도별 예산현황(${detail.expenseItem})`,
      unitLine: '(단위 : 천원)',
      columns: [
        { key: 'label', label: '연  도', kind: 'text', width: 14 },
        ...budgetYears.map((b) => ({ key: `y${b.fiscalYear}`, label: label(b.fiscalYear), kind: 'amount' as const, width: 14 })),
      ],
      rows: [
        {
          depth: 0,
          style: 'total',
          cells: {
            label: text('합  계'),
            ...Object.fromEntries(
              budgetYears.map((b) => [
                `y${b.fiscalYear}`,
                { value: toUnit(b.appropriation, 'thousand'), text: formatAmount(b.appropriation, 'thousand') },
              ]),
            ),
          },
        },
      ],
      footnotes:
        lastYear !== null && budgetYears.some((b) => b.fiscalYear > lastYear) ? ['※ 다음 위탁기간 첫 해는 예산(안) 기준'] : undefined,
    });
  }

  // 4. 운영 위탁 연혁 (종합성과평가)
  const evaluations = await liveEvaluations(em, { consignmentId: detail.id });
  const history = detail.contractTerms.filter((t) => !judged || t.startDate <= judged.startDate);
  const historyColumns: ColumnDef[] = [
    { key: 'period', label: '수탁기간', kind: 'text', width: 18 },
    { key: 'length', label: '계약기간', kind: 'text', width: 9 },
    { key: 'operator', label: '수탁자', kind: 'text', width: 18 },
    { key: 'method', label: '선정 방법', kind: 'text', width: 12 },
    { key: 'score', label: '점수', kind: 'rate', width: 8 },
    { key: 'evaluatedBy', label: '평가주관', kind: 'text', width: 14 },
    { key: 'renewals', label: '재계약횟수', kind: 'text', width: 9 },
  ];
  const historyRows: ReportRow[] = history.map((t) => {
    const ev = evaluations.filter((e) => e.contractTermId === t.id).pop();
    return {
      depth: 0,
      style: 'detail',
      cells: {
        period: text(`${monthLabel(t.startDate)}~${monthLabel(t.endDate)}`),
        length: text(t.periodLabel ?? termLength(t.startDate, t.endDate)),
        operator: text(t.operator.name),
        method: text(t.selectionMethodKo),
        score: scoreCell(t.recordedScore ?? ev?.total ?? null),
        evaluatedBy: text(t.evaluatedBy ?? ev?.evaluatedBy ?? '-'),
        renewals: text(RENEWAL_ORDINAL(t.renewalCount)),
      },
    };
  });
  sections.push({
    kind: 'table',
    title: '4. 운영 위탁 연혁',
    unitLine: '(단위 : 점)',
    columns: historyColumns,
    headerRows: [
      [
        { label: '수탁기간', rowSpan: 2 },
        { label: '계약기간', rowSpan: 2 },
        { label: '수탁자', rowSpan: 2 },
        { label: '선정 방법', rowSpan: 2 },
        { label: '종합성과평가', colSpan: 2 },
        { label: '재계약횟수', rowSpan: 2 },
      ],
      [{ label: '점수' }, { label: '평가주관' }],
    ],
    rows: historyRows,
  });

  // the judged term's evaluation, indicator by indicator (the total is the sum of the scores)
  const judgedEval = judged ? evaluations.filter((e) => e.contractTermId === judged.id).pop() : undefined;
  if (judgedEval) {
    const view = await evaluationView(em, judgedEval.id);
    const rows: ReportRow[] = [];
    rows.push({
      depth: 0,
      style: 'total',
      cells: {
        name: text('합  계'),
        max: scoreCell(view.maxTotal),
        score: scoreCell(view.total),
        comment: text(view.grade ? `등급 : ${view.grade}` : ''),
      },
    });
    for (const g of view.groups) {
      rows.push({
        depth: 0,
        style: 'subtotal',
        cells: {
          name: text(`${g.name} [${g.scopeKo}·${g.measureKo}]`),
          max: scoreCell(g.maxPoints),
          score: scoreCell(g.subtotal),
          comment: empty(),
        },
      });
      for (const s of g.scores)
        rows.push({
          depth: 1,
          style: 'detail',
          cells: { name: text(s.indicator), max: scoreCell(s.maxPoints), score: scoreCell(s.score), comment: text(s.comment ?? '') },
        });
    }
    const check = sumScores(view.groups.flatMap((g) => g.scores.map((s) => s.score)));
    sections.push({
      kind: 'table',
      title: `종합성과평가 결과 (${monthLabel(judged!.startDate)}~${monthLabel(judged!.endDate)} 위탁기간, 평가주관 ${view.evaluatedBy}, ${dotDate(view.evaluatedOn)})`,
      unitLine: '(단위 : 점)',
      columns: [
        { key: 'name', label: '평가지표', kind: 'text', width: 36 },
        { key: 'max', label: '배점', kind: 'rate', width: 8 },
        { key: 'score', label: '점수', kind: 'rate', width: 8 },
        { key: 'comment', label: '평가의견', kind: 'text', width: 40 },
      ],
      rows,
      footnotes: [
        `※ 총점 ${formatScore(check)}점은 지표별 점수의 합계 (평가지표 : ${view.templateName} ${view.templateVersion}판)`,
        ...(view.note ? [`※ ${view.note}`] : []),
      ],
    });
  }

  // 5. 주요 사업 실적
  let n = 0;
  for (const t of activities.filter((a) => a.seq > 0)) {
    n++;
    const periods = t.periods;
    const units = [...new Set(t.rows.map((r) => r.unit).filter((u): u is string => !!u))];
    const mixedUnits = units.length > 1;
    // rows of free text (e.g. the topics of 피해주의보) print as notes under the table, not as figures
    const isFigure = (v: string | undefined) => {
      if (v === undefined) return true;
      try {
        parseDecimal(v);
        return true;
      } catch {
        return false;
      }
    };
    const textRows = t.rows.filter((r) => Object.values(r.values).some((v) => !isFigure(v)));
    const rows: ReportRow[] = t.rows
      .filter((r) => !textRows.includes(r))
      .map((r) => ({
        depth: r.depth,
        style: r.style,
        cells: {
          label: text(r.label),
          ...Object.fromEntries(
            periods.map((p, i) => {
              const raw = r.values[p.label] ?? null;
              const cell = figureCell(raw);
              return [`p${i}`, mixedUnits && typeof cell.value === 'number' && r.unit ? { ...cell, text: `${cell.text}${r.unit}` } : cell];
            }),
          ),
        },
      }));
    const notes: string[] = [];
    // a printed total or subtotal is checked against the rows it sums
    t.rows.forEach((r, idx) => {
      if (r.style === 'detail') return;
      const children: typeof t.rows = [];
      for (const c of t.rows.slice(idx + 1)) {
        if (c.depth <= r.depth) break;
        if (c.depth === r.depth + 1) children.push(c);
      }
      periods.forEach((p) => {
        const printed = r.values[p.label];
        const parts = children.map((c) => c.values[p.label]).filter((v): v is string => v !== undefined);
        try {
          const sum = sumScores(
            parts.map((v) => v.replace(/,/g, '')),
            0,
          );
          if (printed !== undefined && sum !== printed.replace(/,/g, '')) {
            notes.push(
              ko`※ ${p.label} ${r.label.replace(/\s+/g, '')} ${printed}은/는 문서 기재값이며, 세부 항목의 합계는 ${formatDecimal(parseDecimal(sum))}임`,
            );
          }
        } catch {
          /* text cells are not summed */
        }
      });
    });
    for (const r of textRows)
      notes.push(
        `※ ${r.label} — ${periods
          .filter((p) => r.values[p.label])
          .map((p) => `${p.label}: ${r.values[p.label]}`)
          .join(' / ')}`,
      );
    sections.push({
      kind: 'table',
      title: `${n === 1 ? '5. 주요 사업 실적 — ' : ''}${t.title}`,
      unitLine: units.length === 1 ? `(단위 : ${units[0]})` : '',
      columns: [
        { key: 'label', label: '구  분', kind: 'text', width: 26 },
        ...periods.map((p, i) => ({ key: `p${i}`, label: p.label, kind: 'integer' as const, width: 16 })),
      ],
      rows,
      footnotes: notes.length ? notes : undefined,
    });
  }

  // 6. 연도별 성과지표 대비 실적
  const indicators = await indicatorsOf(em, detail.id);
  const periodMap = new Map<string, string>();
  for (const ind of indicators) for (const v of ind.values) periodMap.set(v.periodLabel, v.periodEnd);
  const periods = [...periodMap.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([label]) => label);
  if (indicators.length) {
    const rows: ReportRow[] = [];
    for (const ind of indicators) {
      const byPeriod = new Map(ind.values.map((v) => [v.periodLabel, v]));
      const base = (first: boolean) => ({
        goal: text(first ? ind.strategicGoal : ''),
        task: text(first ? ind.task : ''),
        name: text(first ? `${ind.name}${ind.lowerIsBetter ? ' (↓)' : ''}` : ''),
        unit: text(first ? ind.unit : ''),
      });
      rows.push({
        depth: 0,
        style: 'detail',
        cells: {
          ...base(true),
          kind: text('목표치'),
          ...Object.fromEntries(periods.map((p, i) => [`p${i}`, figureCell(byPeriod.get(p)?.target ?? null)])),
        },
      });
      rows.push({
        depth: 0,
        style: 'detail',
        cells: {
          ...base(false),
          kind: text('실적치'),
          ...Object.fromEntries(periods.map((p, i) => [`p${i}`, figureCell(byPeriod.get(p)?.actual ?? null)])),
        },
      });
      rows.push({
        depth: 0,
        style: 'subtotal',
        cells: {
          ...base(false),
          kind: text('달성도'),
          ...Object.fromEntries(
            periods.map((p, i) => {
              const a = byPeriod.get(p)?.achievement;
              return [`p${i}`, a ? { value: a.value, text: a.text } : { value: null, text: '-' }];
            }),
          ),
        },
      });
    }
    const partial = indicators.flatMap((i) => i.values).filter((v) => v.partial);
    const table: TableSection = {
      kind: 'table',
      title: '6. 연도별 성과지표 대비 실적',
      unitLine: '(단위 : %, 명, 회)',
      columns: [
        { key: 'goal', label: '전략목표', kind: 'text', width: 20 },
        { key: 'task', label: '전략과제(세부사업)', kind: 'text', width: 20 },
        { key: 'name', label: '성과지표', kind: 'text', width: 20 },
        { key: 'unit', label: '단위', kind: 'text', width: 5 },
        { key: 'kind', label: '구분', kind: 'text', width: 7 },
        ...periods.map((p, i) => ({ key: `p${i}`, label: p, kind: 'rate' as const, width: 10 })),
      ],
      rows,
      footnotes: [
        '※ 달성도 = 실적치 / 목표치 × 100 (소수 둘째 자리); (↓) 표시 지표는 낮을수록 좋은 지표로 목표치 / 실적치 × 100',
        ...(partial.length
          ? [
              ko`※ ${[...new Set(partial.map((v) => v.periodLabel))].join(', ')}은/는 연중 실적(${[...new Set(partial.map((v) => dotDate(v.periodEnd)))].join(', ')} 기준)`,
            ]
          : []),
      ],
    };
    sections.push(table);
  }

  // 7. 재계약 여부
  const paragraphs: string[] = [];
  paragraphs.push('[재위탁 공개모집(재계약 배제) 사유]');
  paragraphs.push(...verdict.criteriaKo);
  paragraphs.push('[검토 결과]');
  if (verdict.reasons.length)
    for (const r of verdict.reasons) paragraphs.push(`${r.mark} 해당 — ${r.messageKo}${evidenceText(r.evidence)}`);
  else paragraphs.push('재계약 배제 사유 ①~⑤ 중 해당하는 사유 없음');
  for (const nj of verdict.notJudged) paragraphs.push(`※ ${nj.messageKo}`);
  paragraphs.push(`판정 : ${verdict.renewalAllowed ? '재계약 가능' : '재계약 배제 — 재위탁(공개모집) 대상'}`);
  if (verdict.cityDecision) {
    const chosen = verdict.outcome === 'retender_chosen' ? ' — 재계약이 가능함에도 재위탁을 선택' : '';
    paragraphs.push(
      `서울시 결정(${dotDate(verdict.cityDecision.decidedOn)}) : ${verdict.cityDecision.decision === 'retender' ? '재위탁(공개모집)' : '재계약'}${chosen}`,
    );
    paragraphs.push(`사유 : ${verdict.cityDecision.reason}`);
  }
  if (!verdict.cityDecision) paragraphs.push(verdict.summaryKo);
  sections.push({ kind: 'paragraphs', title: '7. 재계약 여부 검토', paragraphs });

  return {
    id: 'consignment-performance',
    title: '민간위탁 성과보고',
    subtitle: `${detail.name}${judged ? ` — ${dotDate(judged.startDate)} ~ ${dotDate(judged.endDate)} 위탁기간` : ''}`,
    unitLine: '(단위 : 천원, %)',
    sections,
    footnotes: footnotes.length ? footnotes : undefined,
    source: `${detail.name} 위탁 연혁·종합성과평가·성과지표 (관리대장 기준, ${asOf})`,
    asOf,
    orientation: 'landscape',
  };
}

function evidenceText(evidence: Record<string, unknown>): string {
  const ids = evidence.findingIds as number[] | undefined;
  if (ids?.length) return ` (지적사항 ${ids.map((id) => `#${id}`).join(', ')})`;
  if (evidence.evaluationId) return ` (평가 #${evidence.evaluationId})`;
  if (evidence.factId) return ` (기록 #${evidence.factId})`;
  return '';
}

const definition: ReportDefinition = {
  name: 'consignment-performance',
  title: '민간위탁 성과보고',
  required: ['consignment'],
  optional: ['asOf'],
  roles: CONSIGNMENT_REPORT_ROLES,
  build,
};

export default definition;
