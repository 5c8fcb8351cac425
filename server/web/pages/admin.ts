import { notFound } from '../../../domain/errors';
import { ROLES } from '../../../domain/users';
import { describeParams, KNOWN_RULES, paramsFromForm, ruleLabelKo } from '../../../domain/rule-versions';
import { ADMINS } from '../../access/roles';
import { createUser, updateUser } from '../../app/admin/users';
import { createRuleVersion } from '../../app/admin/rule-versions';
import { CreateRuleVersionBody, CreateUserRequest, UpdateUserRequest } from '../../app/admin/requests';
import { createOrgUnit } from '../../app/reference/org-units';
import { CreateOrgUnitBody } from '../../app/reference/requests';
import { orgUnitsWithParents, usersWithDepartments } from '../../queries/admin/admin';
import { listRuleVersions } from '../../queries/rule-versions/rule-versions';
import { idParam } from '../../http/params';
import { userGrid, userList } from '../../queries/admin/user-list';
import { serveGrid } from '../grid';
import { formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { formAction } from './forms';

async function usersView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const { departments } = await usersWithDepartments(call.ds.manager);
  const def = userList(departments.map((d) => ({ value: String(d.id), label: d.name })));
  await serveGrid(
    call,
    def,
    (q, w) => userGrid(call.ds.manager, q, w),
    'admin-users.njk',
    {
      title: '사용자 관리',
      departments,
      roles: ROLES,
      form,
      created: call.req.query.created,
      updated: call.req.query.updated,
    },
    (r) => ({ links: { username: `/admin/users/${Number(r.id)}/edit` } }),
    status,
  );
}

/** One user's edit view, on its own page (the table keeps its width); `back` returns to the grid as it was. */
async function userEditView(call: PageCall, userId: number, edit: Record<string, unknown> | null = null, status = 200) {
  const { users, departments } = await usersWithDepartments(call.ds.manager);
  const u = users.find((x) => x.id === userId);
  if (!u) throw notFound(`User ${userId}`, `사용자 ${userId}`);
  const back =
    typeof call.req.query.back === 'string' && call.req.query.back.startsWith('/admin/users') ? call.req.query.back : '/admin/users';
  call.render(
    'admin-user-edit.njk',
    {
      title: `${u.displayName} (${u.username}) 변경`,
      u: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, department: u.department },
      departments,
      roles: ROLES,
      edit: edit ?? { role: u.role, orgUnitId: u.orgUnitId === null ? '' : String(u.orgUnitId), active: u.active ? '1' : '0' },
      back,
    },
    status,
  );
}

/**
 * The rules page: each rule by its Korean name with its versions (parameters in words, the source
 * they rest on) and, for a rule the code reads, a form with one labelled input per parameter.
 */
async function rulesView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const versions = await listRuleVersions(call.ds.manager);
  const keys = [...new Set([...Object.keys(KNOWN_RULES), ...versions.map((v) => v.ruleKey)])];
  const rules = keys
    .map((key, i) => {
      const known = KNOWN_RULES[key];
      const mine = versions.filter((v) => v.ruleKey === key);
      const latest = mine[mine.length - 1];
      return {
        key,
        anchor: `rule-${i + 1}`,
        label: known?.label ?? '이름 없는 규칙',
        description: known?.description ?? '',
        params: (known?.params ?? []).map((p) => ({
          ...p,
          // the form shows what was typed after a refusal, else the latest version's value
          value: form.ruleKey === key ? String(form[`param_${p.key}`] ?? '') : latest ? String(latest.params[p.key] ?? '') : '',
        })),
        versions: mine.map((v) => ({ ...v, paramsText: describeParams(key, v.params) })),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'ko'));
  call.render('admin-rules.njk', { title: '규칙 버전 (기준 정보)', rules, form, created: call.req.query.created }, status);
}

const LEVEL_KO: Record<string, string> = { city: '시', bureau: '실·국', department: '부서', team: '팀' };

async function orgsView(call: PageCall, form: Record<string, unknown> = {}, status = 200) {
  const orgs = await orgUnitsWithParents(call.ds.manager);
  call.render(
    'admin-orgs.njk',
    {
      title: '조직 (기준 정보)',
      orgs: orgs.map((o) => ({ ...o, levelKo: LEVEL_KO[o.level] ?? o.level })),
      levels: Object.entries(LEVEL_KO).map(([value, label]) => ({ value, label })),
      form,
      created: call.req.query.created,
    },
    status,
  );
}

/** The fields of a form as typed (trimmed), to show the form again beside its problems. */
function typed<K extends string>(call: PageCall, fields: readonly K[]): Record<K, string> {
  const b = call.req.body as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, String(b[f] ?? '').trim()])) as Record<K, string>;
}

/** A password is taken as typed, spaces included (formBody would trim it); absent is empty. */
const typedPassword = (call: PageCall): string => {
  const raw = (call.req.body as Record<string, unknown>).password;
  return typeof raw === 'string' ? raw : '';
};

const pages: PageDef[] = [
  { id: 'web.admin.users', method: 'get', path: '/admin/users', roles: ADMINS, nav: '사용자 관리', handler: (call) => usersView(call) },
  {
    id: 'web.admin.create-user',
    method: 'post',
    path: '/admin/users',
    roles: ADMINS,
    handler: async (call) => {
      const form = typed(call, ['username', 'displayName', 'role', 'orgUnitId'] as const);
      await formAction(
        call,
        async () => {
          const body = await formBody(CreateUserRequest, call.req.body, { password: typedPassword(call) });
          const user = await createUser(call.ds, body, call.ctx);
          return `/admin/users?created=${encodeURIComponent(user.username)}`;
        },
        (problem, status) => usersView(call, { ...form, problem }, status),
      );
    },
  },
  {
    id: 'web.admin.edit-user',
    method: 'get',
    path: '/admin/users/:id/edit',
    roles: ADMINS,
    handler: (call) => userEditView(call, idParam(String(call.req.params.id))),
  },
  {
    id: 'web.admin.update-user',
    method: 'post',
    path: '/admin/users/:id',
    roles: ADMINS,
    handler: async (call) => {
      const idText = String(call.req.params.id);
      const userId = /^\d{1,9}$/.test(idText) ? Number(idText) : 0;
      const edit = { userId, ...typed(call, ['role', 'orgUnitId', 'active'] as const) };
      await formAction(
        call,
        async () => {
          const body = await formBody(UpdateUserRequest, call.req.body, { password: typedPassword(call) });
          // the form always shows the department: left blank it means none
          const user = await updateUser(call.ds, call.ctx, userId, { ...body, orgUnitId: body.orgUnitId ?? null });
          return `/admin/users?updated=${encodeURIComponent(user.username)}`;
        },
        (problem, status) => userEditView(call, userId, { ...edit, problem }, status),
      );
    },
  },
  { id: 'web.admin.orgs', method: 'get', path: '/admin/orgs', roles: ADMINS, nav: '조직', handler: (call) => orgsView(call) },
  {
    id: 'web.admin.create-org',
    method: 'post',
    path: '/admin/orgs',
    roles: ADMINS,
    handler: async (call) => {
      const form = typed(call, ['code', 'name', 'level', 'parentCode', 'validFrom', 'validTo'] as const);
      await formAction(
        call,
        async () => {
          const unit = await createOrgUnit(call.ds, call.ctx, await formBody(CreateOrgUnitBody, call.req.body));
          return `/admin/orgs?created=${encodeURIComponent(unit.code)}`;
        },
        (problem, status) => orgsView(call, { ...form, problem }, status),
      );
    },
  },
  { id: 'web.admin.rules', method: 'get', path: '/admin/rules', roles: ADMINS, nav: '규칙 버전', handler: (call) => rulesView(call) },
  {
    id: 'web.admin.create-rule',
    method: 'post',
    path: '/admin/rules',
    roles: ADMINS,
    handler: async (call) => {
      const raw = call.req.body as Record<string, unknown>;
      const ruleKey = String(raw.ruleKey ?? '').trim();
      const paramFields = (KNOWN_RULES[ruleKey]?.params ?? []).map((p) => `param_${p.key}`);
      const form = typed(call, ['ruleKey', 'effectiveFrom', 'source', ...paramFields]);
      await formAction(
        call,
        async () => {
          const body = await formBody(CreateRuleVersionBody, raw, { params: paramsFromForm(ruleKey, raw) });
          const version = await createRuleVersion(call.ds, call.ctx, body);
          return `/admin/rules?created=${encodeURIComponent(`${ruleLabelKo(version.ruleKey)} ${version.effectiveFrom}`)}`;
        },
        (problem, status) => rulesView(call, { ...form, problem }, status),
      );
    },
  },
];

export default pages;
