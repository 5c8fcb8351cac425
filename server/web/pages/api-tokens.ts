import { DomainError } from '../../../domain/errors';
import { koreanDate } from '../../../domain/api-tokens';
import { ADMINS } from '../../access/roles';
import { issueApiToken, revokeApiToken, type IssuedApiToken } from '../../app/admin/api-tokens';
import { IssueApiTokenRequest } from '../../app/admin/requests';
import { httpStatusOf } from '../../http/error-status';
import { listApiTokens } from '../../queries/admin/api-tokens';
import { usersWithDepartments } from '../../queries/admin/admin';
import { formBody } from '../form-body';
import { PageCall, PageDef } from '../types';
import { formAction, problemView, type ProblemView } from './forms';

/** The administrator's page of integration tokens: the list, a form to issue one, a button to revoke. */
async function tokensView(
  call: PageCall,
  extra: { form?: Record<string, unknown>; issued?: IssuedApiToken; revokeProblem?: ProblemView } = {},
  status = 200,
) {
  const [tokens, { users }] = await Promise.all([listApiTokens(call.ds.manager), usersWithDepartments(call.ds.manager)]);
  const now = Date.now();
  call.render(
    'admin-tokens.njk',
    {
      title: 'API 토큰',
      tokens: tokens.map((t) => ({
        ...t,
        state: t.revokedAt ? '폐기' : t.expiresAt && t.expiresAt.getTime() <= now ? '만료' : '사용 중',
        live: !t.revokedAt && !(t.expiresAt && t.expiresAt.getTime() <= now),
      })),
      users: users.filter((u) => u.active),
      form: extra.form ?? {},
      issued: extra.issued ?? null,
      revokeProblem: extra.revokeProblem ?? null,
      revoked: call.req.query.revoked,
      today: koreanDate(new Date()),
    },
    status,
  );
}

const pages: PageDef[] = [
  {
    id: 'web.admin.api-tokens',
    method: 'get',
    path: '/admin/api-tokens',
    roles: ADMINS,
    nav: 'API 토큰',
    handler: (call) => tokensView(call),
  },
  {
    id: 'web.admin.issue-api-token',
    method: 'post',
    path: '/admin/api-tokens',
    roles: ADMINS,
    // not formAction: the token is shown on this response, once, and never put in an address
    handler: async (call) => {
      const b = call.req.body as Record<string, unknown>;
      const form = Object.fromEntries(['userId', 'name', 'expiresOn'].map((f) => [f, String(b[f] ?? '').trim()]));
      let issued: IssuedApiToken;
      try {
        issued = await issueApiToken(call.ds, call.ctx, await formBody(IssueApiTokenRequest, call.req.body));
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind === 'forbidden' || err.kind === 'not_found') throw err;
        return tokensView(call, { form: { ...form, problem: problemView(err) } }, httpStatusOf(err));
      }
      await tokensView(call, { issued }, 201);
    },
  },
  {
    id: 'web.admin.revoke-api-token',
    method: 'post',
    path: '/admin/api-tokens/:id/revocation',
    roles: ADMINS,
    handler: async (call) => {
      const idText = String(call.req.params.id);
      const id = /^\d{1,9}$/.test(idText) ? Number(idText) : 0;
      await formAction(
        call,
        async () => {
          const t = await revokeApiToken(call.ds, call.ctx, id);
          return `/admin/api-tokens?revoked=${encodeURIComponent(t.name)}`;
        },
        (problem, status) => tokensView(call, { revokeProblem: problem }, status),
      );
    },
  },
];

export default pages;
