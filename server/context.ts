import type { Role } from '../entities/user';

/** The person behind a request, as every service sees them. */
export interface Actor {
  id: number | null;
  name: string;
  role: Role | 'system';
  /** department of a budget officer or inspector */
  orgUnitId: number | null;
}

export interface RequestContext {
  actor: Actor;
  requestId: string;
}

/** Setup scripts and seeds act as the system. */
export const systemContext = (requestId = 'system'): RequestContext => ({
  actor: { id: null, name: 'system', role: 'system', orgUnitId: null },
  requestId,
});
