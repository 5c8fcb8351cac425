import type { EntityManager } from 'typeorm';
import { ROLES } from '../../../domain/users';
import type { GridPage, GridQuery, ListDefinition } from '../../requests/grid';
import { userGridRows } from '../../store/users/user-list';

export const ROLE_KO: Record<string, string> = {
  budget_officer: '예산 담당',
  inspector: '지도점검 담당',
  council_staff: '시의회 전문위원실',
  admin: '관리자',
};
const ACTIVE_KO: Record<string, string> = { yes: '사용', no: '중지' };

/** 사용자: the administrator's grid of users. */
export function userList(departments: { value: string; label: string }[]): ListDefinition {
  return {
    id: 'users',
    title: '사용자 목록',
    columns: [
      { key: 'username', label: '아이디', sortable: true, width: 16 },
      { key: 'displayName', label: '이름', sortable: true, width: 24 },
      { key: 'role', label: '역할', sortable: true, labels: ROLE_KO, width: 16 },
      { key: 'department', label: '부서', sortable: true, width: 24 },
      { key: 'active', label: '상태', sortable: true, labels: ACTIVE_KO, width: 8 },
      { key: 'createdAt', label: '만든 때', type: 'datetime', sortable: true },
    ],
    filters: [
      { key: 'role', label: '역할', kind: 'select', options: ROLES.map((r) => ({ value: r, label: ROLE_KO[r] ?? r })) },
      { key: 'org', label: '부서', kind: 'select', options: departments },
      { key: 'active', label: '상태', kind: 'select', options: Object.entries(ACTIVE_KO).map(([value, label]) => ({ value, label })) },
    ],
    defaultSort: { key: 'username', desc: false },
    searchLabel: '아이디·이름·부서 검색',
  };
}

export function userGrid(
  em: EntityManager,
  query: GridQuery,
  window: { skip: number; take: number },
): Promise<GridPage<Record<string, unknown>>> {
  return userGridRows(em, query, window);
}
