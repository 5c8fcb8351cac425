/**
 * The life of an inspection (지도점검, issue 5): draft → submitted → approved, a submitted one returned
 * to draft, an approved one corrected by a revision that supersedes it once approved. Each decision
 * returns its verdict or throws the DomainError the API and the pages show.
 */
import type { InspectionStatus } from '../entities/inspection';
import { conflict, forbidden, invalid } from './errors';
import { CriterionFigureError, CriterionFigures, Criterion, judgeCriterion } from './inspection-criteria';
import { ko } from './korean-particles';

export interface InspectionDates {
  periodFrom: string;
  periodTo: string;
  plannedDate: string | null;
  actualDate: string | null;
  postponementReason: string | null;
}

/** The period runs forward; an inspection held after its planned date says why. */
export function assertInspectionDates(i: InspectionDates): void {
  if (i.periodTo < i.periodFrom)
    throw invalid('periodTo', 'afterPeriodFrom', 'periodTo is before periodFrom', '대상기간의 종료일이 시작일보다 앞섭니다');
  if (i.plannedDate && i.actualDate && i.actualDate > i.plannedDate && !i.postponementReason?.trim()) {
    throw invalid(
      'postponementReason',
      'postponementReason',
      'an inspection held after its planned date needs the reason for the postponement',
      '예정일보다 늦게 점검한 경우 연기 사유를 적어야 합니다',
    );
  }
}

/** Only a draft is edited (header, results, findings); an approved inspection is read-only. */
export function assertDraft(status: InspectionStatus): void {
  if (status === 'approved') {
    throw conflict(
      'inspection_approved',
      'An approved inspection is read-only; file a revision to correct it',
      '승인된 지도점검은 수정할 수 없습니다. 정정은 새 개정본으로 작성하십시오',
      'status',
      { status },
    );
  }
  if (status !== 'draft') {
    throw conflict(
      'inspection_not_draft',
      `A ${status} inspection cannot be edited; return it to draft first`,
      '제출된 지도점검은 수정할 수 없습니다. 먼저 작성 중으로 되돌리십시오',
      'status',
      { status },
    );
  }
}

/** draft → submitted: every item rated and the inspection held. */
export function assertSubmittable(i: { status: InspectionStatus; unrated: number; actualDate: string | null }): void {
  assertDraft(i.status);
  if (i.unrated) {
    throw conflict(
      'unrated_items',
      `${i.unrated} checklist item(s) have no rating`,
      `평가하지 않은 점검 항목이 ${i.unrated}개 있습니다`,
      'results',
      { unrated: i.unrated },
    );
  }
  if (!i.actualDate)
    throw invalid(
      'actualDate',
      'required',
      'an inspection is submitted once it was held (actualDate)',
      '점검일(actualDate)을 입력한 뒤 제출하십시오',
    );
}

/** submitted → draft. */
export function assertReturnable(status: InspectionStatus): void {
  if (status !== 'submitted')
    throw conflict(
      'inspection_not_submitted',
      'Only a submitted inspection can be returned',
      '제출된 지도점검만 되돌릴 수 있습니다',
      'status',
      {
        status,
      },
    );
}

/** submitted → approved. */
export function assertApprovable(status: InspectionStatus): void {
  if (status !== 'submitted') {
    throw conflict(
      status === 'approved' ? 'inspection_approved' : 'inspection_not_submitted',
      'Only a submitted inspection can be approved',
      '제출된 지도점검만 승인할 수 있습니다',
      'status',
      { status },
    );
  }
}

/**
 * Who approves: an inspector of the owning department other than the filer. The filer approves their
 * own inspection only when no other active inspector of the department exists; the verdict is then
 * selfApproved = true.
 */
export function selfApprovalVerdict(a: { approverIsFiler: boolean; otherInspectors: number; reason?: string | null }): {
  selfApproved: boolean;
} {
  if (!a.approverIsFiler) return { selfApproved: false };
  if (a.otherInspectors > 0)
    throw forbidden(
      'Another inspector of the department must approve an inspection you filed',
      '본인이 작성한 지도점검은 같은 부서의 다른 점검 담당자가 승인해야 합니다',
    );
  // issue 17: self-approval is allowed only with its reason stated (printed on the result report)
  if (!a.reason?.trim())
    throw invalid(
      'selfApprovalReason',
      'required',
      'You filed this inspection: approving it yourself needs a stated reason',
      '본인이 작성한 지도점검을 직접 승인하려면 그 사유를 적어야 합니다',
    );
  return { selfApproved: true };
}

/** An approved, not yet corrected inspection without a revision in progress is corrected by a revision. */
export function assertRevisable(i: { status: InspectionStatus; supersededById: number | null; pendingRevisionId: number | null }): void {
  if (i.status !== 'approved')
    throw conflict(
      'inspection_not_approved',
      'Only an approved inspection is corrected by a revision; edit the draft instead',
      '승인된 지도점검만 개정본으로 정정합니다. 작성 중인 점검은 직접 수정하십시오',
      'status',
      { status: i.status },
    );
  if (i.supersededById)
    throw conflict(
      'inspection_superseded',
      'This inspection was already corrected; revise the latest revision',
      '이미 정정된 지도점검입니다. 최신 개정본을 정정하십시오',
      'id',
      { supersededById: i.supersededById },
    );
  if (i.pendingRevisionId !== null)
    throw conflict(
      'revision_pending',
      'A revision of this inspection is already in progress',
      '이 지도점검의 개정본이 이미 작성 중입니다',
      'id',
      {
        revisionId: i.pendingRevisionId,
      },
    );
}

// ---- item results ----------------------------------------------------------------------------------

export interface RatedItem {
  rating: string | null;
  criterionValue: string | null;
  criterionMet: boolean | null;
}

/**
 * The rating of one checklist item as entered: a label of the item's scale. With a measurable criterion
 * and figures the system judges: the value and whether it is met; unrated, the item takes the first
 * label when met and the second otherwise; a criterion not met is never rated with the first label.
 * `rating` and `figures` are the result after the input; `ratingGiven`/`figuresGiven` say what the input
 * carried.
 */
export function rateItem(r: {
  field: string;
  itemCode: string;
  scale: string[];
  criterion: Criterion | null;
  rating: string | null;
  figures: CriterionFigures | null;
  ratingGiven: boolean;
  figuresGiven: boolean;
}): RatedItem {
  const { field, scale } = r;
  let rating = r.rating;
  if (rating !== null && !scale.includes(rating)) {
    throw invalid(
      `${field}.rating`,
      'ratingScale',
      `rating must be one of ${scale.join(', ')}`,
      `평가는 ${scale.join(' / ')} 중 하나여야 합니다`,
    );
  }
  if (r.criterion && r.figures) {
    let j;
    try {
      j = judgeCriterion(r.criterion, r.figures);
    } catch (err) {
      if (err instanceof CriterionFigureError)
        throw invalid(`${field}.figures.${err.field}`, 'criterionFigure', err.message, err.messageKo);
      throw err;
    }
    if (!r.ratingGiven && rating === null) rating = j.met ? scale[0] : (scale[1] ?? scale[0]);
    if (!j.met && rating === scale[0]) {
      throw invalid(
        `${field}.rating`,
        'criterionNotMet',
        `the criterion is not met (${j.text}); the item cannot be rated ${scale[0]}`,
        ko`측정 기준 미달(${j.text})인 항목은 '${scale[0]}'으로/로 평가할 수 없습니다`,
      );
    }
    return { rating, criterionValue: j.value, criterionMet: j.met };
  }
  if (r.figuresGiven && !r.criterion)
    throw invalid(
      `${field}.figures`,
      'noCriterion',
      `item ${r.itemCode} has no measurable criterion`,
      `항목 ${r.itemCode}에는 측정 기준이 없습니다`,
    );
  return { rating, criterionValue: null, criterionMet: null };
}

/** An item code the inspection's template version does not have. */
export function unknownItem(field: string, itemCode: string, wording: 'filed' | 'version' = 'filed') {
  return wording === 'filed'
    ? invalid(
        `${field}.itemCode`,
        'templateItem',
        `item ${itemCode} is not in the template version this inspection was filed with`,
        ko`항목 ${itemCode}은/는 이 점검의 점검표 버전에 없습니다`,
      )
    : invalid(
        `${field}.itemCode`,
        'templateItem',
        `item ${itemCode} is not in this inspection's template version`,
        ko`항목 ${itemCode}은/는 이 점검의 점검표 버전에 없습니다`,
      );
}
