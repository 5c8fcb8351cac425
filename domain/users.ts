import type { Role } from '../entities/user';
import { DomainError, FieldProblem } from './errors';

/**
 * The rules for the accounts of the ledger's users, the same for the administrator's page, an API
 * call and the seeds: who needs a department, what a user name and a password look like, and what an
 * administrator may not do to their own account.
 */

/** Every role, in the order the forms list them (entities/user.ts ROLES; the type below keeps the two equal). */
export const ROLES = ['budget_officer', 'inspector', 'council_staff', 'admin'] as const satisfies readonly Role[];
const everyRole: [Exclude<Role, (typeof ROLES)[number]>] extends [never] ? true : false = true;
void everyRole;

/** Roles that work for one department and so need one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['budget_officer', 'inspector'];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const needsDepartment = (role: unknown): boolean => isRole(role) && DEPARTMENT_ROLES.includes(role);

const problem = (field: string, rule: string, message: string, messageKo: string, value?: unknown): FieldProblem => ({
  field,
  rule,
  message,
  message_ko: messageKo,
  ...(value === undefined ? {} : { value }),
});

/** A user name: 3 to 60 lower-case letters, digits and . _ - (what a login name is normalised towards, domain/login-throttle.ts). */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,60}$/;

export interface NewUserInput {
  username: string;
  displayName: string;
  role: string;
  orgUnitId?: number | null;
  password: string;
}

/** What the store knows about a new user's name and department. */
export interface NewUserFacts {
  /** the department named by orgUnitId exists (and is a department) */
  departmentFound: boolean;
  /** a user of this name exists already */
  usernameTaken: boolean;
}

/** A new account as it is written: the department kept only for the roles that have one. */
export interface NewUserVerdict {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
}

/**
 * A new account: a user name of 3 to 60 lower-case letters, digits and . _ -, a name of at most 100
 * characters, a role, a department for a budget officer or inspector, a password of 12 to 200
 * characters and a name nobody has yet. Every broken rule is named at once.
 */
export function decideNewUser(input: NewUserInput, facts: NewUserFacts): NewUserVerdict {
  const problems: FieldProblem[] = [];
  const bad = (field: string, rule: string, ko: string) => problems.push(problem(field, rule, rule, ko));
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!USERNAME_PATTERN.test(username)) bad('username', 'pattern', '아이디는 영문 소문자·숫자·._- 3~60자입니다');
  if (!displayName || displayName.length > 100) bad('displayName', 'required', '이름을 입력하십시오 (100자 이내)');
  if (!isRole(input.role)) bad('role', 'isIn', '역할을 고르십시오');
  const scoped = needsDepartment(input.role);
  if (scoped && !facts.departmentFound) bad('orgUnitId', 'required', '예산 담당과 지도점검 담당은 부서가 필요합니다');
  if (input.password.length < 12 || input.password.length > 200) bad('password', 'minLength', '비밀번호는 12자 이상이어야 합니다');
  if (facts.usernameTaken) bad('username', 'unique', '이미 있는 아이디입니다');
  if (problems.length) throw new DomainError('invalid', 'validation_failed', 'Invalid user', '입력값이 올바르지 않습니다', problems);
  return { username, displayName, role: input.role as Role, orgUnitId: scoped ? (input.orgUnitId ?? null) : null };
}

export interface UserState {
  id: number;
  role: Role;
  orgUnitId: number | null;
  active: boolean;
}

export interface UserChangeInput {
  role?: string;
  /** the department of a budget officer or inspector; cleared for the other roles */
  orgUnitId?: number | null;
  active?: boolean;
  /** a new password (12 characters or more); absent or empty leaves it as it is */
  password?: string | null;
}

/** The role, department and active flag a change asks for (what is left out stays as it is). */
export function intendedUser(user: UserState, changes: UserChangeInput): { role: string; orgUnitId: number | null; active: boolean } {
  return {
    role: changes.role ?? user.role,
    orgUnitId: changes.orgUnitId === undefined ? user.orgUnitId : changes.orgUnitId,
    active: changes.active ?? user.active,
  };
}

export interface UserChangeVerdict {
  role: Role;
  orgUnitId: number | null;
  active: boolean;
  /** the new password, or null when it stays */
  password: string | null;
  /** the administrator changes their own account */
  self: boolean;
}

/**
 * An administrator changes a user's role, department, active flag or password. An administrator
 * may not deactivate or demote themself (the city would be left without the one who can undo it);
 * a budget officer or inspector needs a department (the others have none); a new password has 12
 * to 200 characters.
 */
export function decideUserChange(
  user: UserState,
  changes: UserChangeInput,
  facts: { actorId: number | null; departmentFound: boolean },
): UserChangeVerdict {
  const problems: FieldProblem[] = [];
  const bad = (field: string, rule: string, message: string, messageKo: string, value?: unknown) =>
    problems.push({ field, rule, message, message_ko: messageKo, value });
  const { role, active, orgUnitId: asked } = intendedUser(user, changes);
  if (!isRole(role)) bad('role', 'isIn', `role must be one of ${ROLES.join(', ')}`, '역할을 고르십시오', changes.role);
  const self = facts.actorId === user.id;
  if (self && role !== user.role)
    bad(
      'role',
      'notSelfDemotion',
      'An administrator may not change their own role',
      '관리자는 자기 자신의 역할을 바꿀 수 없습니다 (다른 관리자에게 요청하십시오)',
      role,
    );
  if (self && !active)
    bad(
      'active',
      'notSelfDeactivation',
      'An administrator may not deactivate themself',
      '관리자는 자기 자신의 계정을 중지할 수 없습니다',
      active,
    );
  let orgUnitId = asked;
  if (needsDepartment(role)) {
    if (!facts.departmentFound)
      bad(
        'orgUnitId',
        'required',
        'A budget officer or inspector needs a department',
        '예산 담당과 지도점검 담당은 부서가 필요합니다',
        orgUnitId,
      );
  } else {
    orgUnitId = null;
  }
  const password = changes.password ?? '';
  if (password && (password.length < 12 || password.length > 200))
    bad('password', 'minLength', 'The password must be 12 to 200 characters', '비밀번호는 12자 이상 200자 이하여야 합니다');
  if (problems.length)
    throw new DomainError('invalid', 'invalid_user_change', 'The user cannot be changed so', '사용자를 변경하지 못했습니다', problems);
  return { role: role as Role, orgUnitId, active, password: password || null, self };
}
