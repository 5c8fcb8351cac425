/** The Korean labels of an inspection's states and kinds, as pages and reports print them. */
import type { DisclosureClass, ExternalSourceKind, FindingKind, FindingStatus, InspectionStatus } from '../entities/inspection';

export const STATUS_KO: Record<InspectionStatus, string> = { draft: '작성 중', submitted: '제출', approved: '승인' };
export const DISCLOSURE_KO: Record<DisclosureClass, string> = { public: '공개', partial: '부분공개', private: '비공개' };
export const FINDING_KIND_KO: Record<FindingKind, string> = {
  correction: '시정',
  caution: '주의',
  improvement: '개선',
  recommendation: '권고',
};
export const FINDING_STATUS_KO: Record<FindingStatus, string> = {
  open: '조치 전',
  action_reported: '조치 보고',
  needs_more: '보완 요구',
  verified: '확인 완료',
  closed: '종결',
};
export const SOURCE_KIND_KO: Record<ExternalSourceKind, string> = { evaluation: '종합성과평가', audit: '감사', inspection: '지도점검' };
