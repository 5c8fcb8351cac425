/**
 * Checklist templates (점검표) of inspections: who maintains them, the shape of a version (areas nest at
 * most three levels, unique codes, at least one item, valid rating scales and criteria) and how
 * versions follow one another (a change is the next version; earlier ones never change).
 */
import type { Role } from '../entities/user';
import { forbidden, invalid } from './errors';
import { validateCriterion } from './inspection-criteria';
import { ko } from './korean-particles';

export const DEFAULT_RATING_SCALE = ['적정', '일부 미흡', '부적정', '해당없음'];

/** The shape checkStructure reads: areas nesting areas and items. */
export interface TemplateAreaShape {
  code: string;
  title: string;
  areas?: TemplateAreaShape[];
  items?: { code: string; title: string; ratingScale?: string[]; criterion?: unknown }[];
}

/** Inspectors and administrators (and the system) maintain templates. */
export function assertTemplateWriter(role: Role | 'system'): void {
  if (role !== 'system' && role !== 'inspector' && role !== 'admin')
    throw forbidden(
      'Only inspectors and administrators maintain checklist templates',
      '점검표 양식은 점검 담당자와 관리자만 관리할 수 있습니다',
    );
}

/** A rating scale: at least two distinct, non-blank labels of at most 40 characters. */
export function checkScale(scale: unknown, field: string): string[] {
  if (
    !Array.isArray(scale) ||
    scale.length < 2 ||
    scale.some((s) => typeof s !== 'string' || !s.trim() || s.length > 40) ||
    new Set(scale).size !== scale.length
  ) {
    throw invalid(
      field,
      'ratingScale',
      `${field} must list at least two distinct rating labels`,
      '평가 척도는 서로 다른 평가 등급을 두 개 이상 나열해야 합니다',
    );
  }
  return scale as string[];
}

/** The structure of a version: areas (≤ 3 levels), unique area and item codes, ≥ 1 item, valid scales and criteria. */
export function checkStructure(input: { areas: TemplateAreaShape[] }): void {
  if (!Array.isArray(input.areas) || input.areas.length === 0)
    throw invalid('areas', 'required', 'a template needs at least one area', '점검 분야가 하나 이상 있어야 합니다');
  const areaCodes = new Set<string>();
  const itemCodes = new Set<string>();
  let items = 0;
  const walk = (areas: TemplateAreaShape[], path: string, depth: number) => {
    if (depth > 3) throw invalid(path, 'maxDepth', 'areas nest at most three levels', '점검 분야는 3단계까지만 둘 수 있습니다');
    areas.forEach((a, i) => {
      const p = `${path}[${i}]`;
      if (!a.code || !a.title) throw invalid(p, 'required', 'an area needs a code and a title', '점검 분야에는 코드와 명칭이 필요합니다');
      if (areaCodes.has(a.code))
        throw invalid(`${p}.code`, 'unique', `area code ${a.code} appears twice`, ko`분야 코드 ${a.code}이/가 중복됩니다`);
      areaCodes.add(a.code);
      (a.items ?? []).forEach((it, j) => {
        const q = `${p}.items[${j}]`;
        if (!it.code || !it.title)
          throw invalid(q, 'required', 'an item needs a code and a title', '점검 항목에는 코드와 명칭이 필요합니다');
        if (itemCodes.has(it.code))
          throw invalid(`${q}.code`, 'unique', `item code ${it.code} appears twice`, ko`항목 코드 ${it.code}이/가 중복됩니다`);
        itemCodes.add(it.code);
        if (it.ratingScale !== undefined) checkScale(it.ratingScale, `${q}.ratingScale`);
        if (it.criterion) {
          const problem = validateCriterion(it.criterion);
          if (problem) throw invalid(`${q}.criterion`, 'criterion', problem, '측정 기준이 올바르지 않습니다');
        }
        items++;
      });
      walk(a.areas ?? [], `${p}.areas`, depth + 1);
    });
  };
  walk(input.areas, 'areas', 1);
  if (items === 0) throw invalid('areas', 'items', 'a template needs at least one item', '점검 항목이 하나 이상 있어야 합니다');
}

/** A template is "edited" by writing its next version: 1 for a new template, the last + 1 after. */
export function nextTemplateVersion(last: number | null): number {
  return (last ?? 0) + 1;
}
