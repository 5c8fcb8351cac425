import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Role, User } from '../../entities/user';
import type { RequestContext } from '../context';

export interface PageCall {
  req: Request;
  res: Response;
  ds: DataSource;
  /** the signed-in user's context (a system-less actor); absent only on public pages */
  ctx: RequestContext;
  user: User | null;
  /** this session's CSRF token, for the forms a page renders */
  csrf: string;
  render(view: string, data?: Record<string, unknown>, status?: number): void;
}

/**
 * One web page or form action. `roles` is checked before the handler runs (403 otherwise) and is
 * what the role-matrix test walks; 'public' pages need no session (login).
 */
export interface PageDef {
  id: string;
  method: 'get' | 'post';
  path: string;
  roles: readonly Role[] | 'public';
  /** label in the navigation bar, for pages that have one */
  nav?: string;
  /** a form that carries one file (multipart, the field named here) */
  upload?: string;
  handler(call: PageCall): Promise<void>;
}
