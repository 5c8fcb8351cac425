import { OrgUnit } from '../../../entities/org-unit';
import { ROLES, Role, User } from '../../../entities/user';
import { DomainError, FieldProblem } from '../../../domain/errors';
import { httpStatusOf } from '../../http/error-status';
import { ADMINS } from '../../access/roles';
import { createUser, updateUser } from '../../app/admin/users';
import { createRuleVersion, KNOWN_RULES, listRuleVersions } from '../../app/admin/rule-versions';
import { createOrgUnit } from '../../app/reference/org-units';
import { CreateOrgUnitBody } from '../../app/reference/requests';
import { validateInput } from '../../http/validation';
import { PageCall, PageDef } from '../types';
import { problemView } from './forms';

async function usersView(call: PageCall, form: Record<string, unknown> = {}, status = 200, edit: Record<string, unknown> | null = null) {
  const em = call.ds.manager;
  const users = await em.getRepository(User).find({ order: { username: 'ASC' } });
  const orgs = await em.getRepository(OrgUnit).find({ order: { name: 'ASC' } });
  call.render(
    'admin-users.njk',
    {
      title: '사용자 관리',
      users: users.map((u) => ({ ...u, department: orgs.find((o) => o.id === u.orgUnitId)?.name ?? '' })),
      departments: orgs.filter((o) => o.level === 'department'),
      roles: ROLES,
      form,
      edit,
      created: call.req.query.created,
      updated: call.req.query.updated,
    },
    status,
  );
}

async function rulesView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const versions = await listRuleVersions(call.ds.manager);
  const keys = [...new Set([...Object.keys(KNOWN_RULES), ...versions.map((v) => v.ruleKey)])].sort();
  call.render(
    'admin-rules.njk',
    {
      title: '규칙 버전 (기준 정보)',
      rules: keys.map((key) => ({
        key,
        label: KNOWN_RULES[key]?.label ?? '',
        example: KNOWN_RULES[key] ? JSON.stringify(KNOWN_RULES[key].example) : '',
        versions: versions.filter((v) => v.ruleKey === key).map((v) => ({ ...v, paramsText: JSON.stringify(v.params) })),
      })),
      form,
      created: call.req.query.created,
    },
    status,
  );
}

const LEVEL_KO: Record<string, string> = { city: '시', bureau: '실·국', department: '부서', team: '팀' };

async function orgsView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const orgs = await call.ds.getRepository(OrgUnit).find({ order: { code: 'ASC' } });
  call.render(
    'admin-orgs.njk',
    {
      title: '조직 (기준 정보)',
      orgs: orgs.map((o) => ({ ...o, levelKo: LEVEL_KO[o.level] ?? o.level, parent: orgs.find((p) => p.id === o.parentId)?.name ?? '' })),
      levels: Object.entries(LEVEL_KO).map(([value, label]) => ({ value, label })),
      form,
      created: call.req.query.created,
    },
    status,
  );
}

const pages: PageDef[] = [
  { id: 'web.admin.users', method: 'get', path: '/admin/users', roles: ADMINS, nav: '사용자 관리', handler: (call) => usersView(call) },
  {
    id: 'web.admin.create-user',
    method: 'post',
    path: '/admin/users',
    roles: ADMINS,
    handler: async (call) => {
      const b = call.req.body as Record<string, string>;
      const form = {
        username: String(b.username ?? '').trim(),
        displayName: String(b.displayName ?? '').trim(),
        role: String(b.role ?? ''),
        orgUnitId: String(b.orgUnitId ?? ''),
      };
      try {
        const problems: FieldProblem[] = [];
        const bad = (field: string, rule: string, ko: string) => problems.push({ field, rule, message: rule, message_ko: ko });
        if (!/^[a-z0-9._-]{3,60}$/.test(form.username)) bad('username', 'pattern', '아이디는 영문 소문자·숫자·._- 3~60자입니다');
        if (!form.displayName || form.displayName.length > 100) bad('displayName', 'required', '이름을 입력하십시오 (100자 이내)');
        if (!(ROLES as readonly string[]).includes(form.role)) bad('role', 'isIn', '역할을 고르십시오');
        const scoped = form.role === 'budget_officer' || form.role === 'inspector';
        const org =
          scoped && /^\d+$/.test(form.orgUnitId)
            ? await call.ds.getRepository(OrgUnit).findOneBy({ id: Number(form.orgUnitId), level: 'department' })
            : null;
        if (scoped && !org) bad('orgUnitId', 'required', '예산 담당과 지도점검 담당은 부서가 필요합니다');
        const password = String(b.password ?? '');
        if (password.length < 12 || password.length > 200) bad('password', 'minLength', '비밀번호는 12자 이상이어야 합니다');
        if (await call.ds.getRepository(User).findOneBy({ username: form.username })) bad('username', 'unique', '이미 있는 아이디입니다');
        if (problems.length) throw new DomainError('invalid', 'validation_failed', 'Invalid user', '입력값이 올바르지 않습니다', problems);
        const user = await createUser(
          call.ds,
          { username: form.username, displayName: form.displayName, role: form.role as Role, orgUnitId: org?.id ?? null, password },
          call.ctx,
        );
        call.res.redirect(303, `/admin/users?created=${encodeURIComponent(user.username)}`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await usersView(call, { ...form, problem: problemView(err) }, httpStatusOf(err));
      }
    },
  },
  {
    id: 'web.admin.update-user',
    method: 'post',
    path: '/admin/users/:id',
    roles: ADMINS,
    handler: async (call) => {
      const b = call.req.body as Record<string, string>;
      const idText = String(call.req.params.id);
      const userId = /^\d{1,9}$/.test(idText) ? Number(idText) : 0;
      const edit = { userId, role: String(b.role ?? ''), orgUnitId: String(b.orgUnitId ?? ''), active: String(b.active ?? '') };
      try {
        const problems: FieldProblem[] = [];
        if (!(ROLES as readonly string[]).includes(edit.role))
          problems.push({ field: 'role', rule: 'isIn', message: 'role is not a role', message_ko: '역할을 고르십시오' });
        if (edit.active !== '1' && edit.active !== '0')
          problems.push({ field: 'active', rule: 'isIn', message: 'active must be on or off', message_ko: '사용 또는 중지를 고르십시오' });
        if (edit.orgUnitId && !/^\d{1,9}$/.test(edit.orgUnitId))
          problems.push({ field: 'orgUnitId', rule: 'isInt', message: 'orgUnitId is not a department', message_ko: '부서를 고르십시오' });
        if (problems.length)
          throw new DomainError('invalid', 'validation_failed', 'Invalid user change', '입력값이 올바르지 않습니다', problems);
        const user = await updateUser(call.ds, call.ctx, userId, {
          role: edit.role as Role,
          orgUnitId: edit.orgUnitId ? Number(edit.orgUnitId) : null,
          active: edit.active === '1',
          password: String(b.password ?? ''),
        });
        call.res.redirect(303, `/admin/users?updated=${encodeURIComponent(user.username)}`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await usersView(call, {}, httpStatusOf(err), { ...edit, problem: problemView(err) });
      }
    },
  },
  { id: 'web.admin.orgs', method: 'get', path: '/admin/orgs', roles: ADMINS, nav: '조직', handler: (call) => orgsView(call) },
  {
    id: 'web.admin.create-org',
    method: 'post',
    path: '/admin/orgs',
    roles: ADMINS,
    handler: async (call) => {
      const b = call.req.body as Record<string, string>;
      const form = {
        code: String(b.code ?? '').trim(),
        name: String(b.name ?? '').trim(),
        level: String(b.level ?? ''),
        parentCode: String(b.parentCode ?? ''),
        validFrom: String(b.validFrom ?? ''),
        validTo: String(b.validTo ?? ''),
      };
      try {
        const body = await validateInput(
          CreateOrgUnitBody,
          {
            code: form.code,
            name: form.name,
            level: form.level,
            validFrom: form.validFrom,
            ...(form.parentCode ? { parentCode: form.parentCode } : {}),
            ...(form.validTo ? { validTo: form.validTo } : {}),
          },
          'body',
        );
        const unit = await createOrgUnit(call.ds, call.ctx, body);
        call.res.redirect(303, `/admin/orgs?created=${encodeURIComponent(unit.code)}`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await orgsView(call, { ...form, problem: problemView(err) }, httpStatusOf(err));
      }
    },
  },
  { id: 'web.admin.rules', method: 'get', path: '/admin/rules', roles: ADMINS, nav: '규칙 버전', handler: (call) => rulesView(call) },
  {
    id: 'web.admin.create-rule',
    method: 'post',
    path: '/admin/rules',
    roles: ADMINS,
    handler: async (call) => {
      const b = call.req.body as Record<string, string>;
      const form = {
        ruleKey: String(b.ruleKey ?? '').trim(),
        effectiveFrom: String(b.effectiveFrom ?? '').trim(),
        params: String(b.params ?? '').trim(),
        source: String(b.source ?? '').trim(),
      };
      try {
        let params: unknown;
        try {
          params = JSON.parse(form.params);
        } catch {
          throw new DomainError('invalid', 'validation_failed', 'params is not JSON', '입력값이 올바르지 않습니다', [
            {
              field: 'params',
              rule: 'isJson',
              message: 'params must be a JSON object',
              message_ko: '매개변수는 JSON 객체로 입력하십시오 (예: {"quartersAfter": 1})',
              value: form.params,
            },
          ]);
        }
        const version = await createRuleVersion(call.ds, call.ctx, {
          ruleKey: form.ruleKey,
          effectiveFrom: form.effectiveFrom,
          params,
          source: form.source,
        });
        call.res.redirect(
          303,
          `/admin/rules?created=${encodeURIComponent(`${version.ruleKey} ${version.effectiveFrom}`)}#rule-${version.ruleKey}`,
        );
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await rulesView(call, { ...form, problem: problemView(err) }, httpStatusOf(err));
      }
    },
  },
];

export default pages;
