import type { Express } from 'express';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../server/app';
import { RouteDef } from '../../server/http/route';
import { runSeedSteps } from '../../seeds/run-steps';
import { DEMO_ACCOUNTS } from '../../seeds/demo-accounts';
import { freshDatabase, TestDb } from './db';

export type DemoUser = 'officer' | 'officer2' | 'inspector' | 'council' | 'admin';

export interface TestApp {
  db: TestDb;
  ds: DataSource;
  app: Express;
  routes: RouteDef[];
  /** bearer token of each demo account (see seeds/demo-accounts.ts) */
  token: Record<DemoUser, string>;
  /** supertest agent with the Authorization header of a demo account */
  as(user: DemoUser): { get(url: string): supertest.Test; post(url: string): supertest.Test; patch(url: string): supertest.Test };
  close(): Promise<void>;
}

/**
 * A fresh database with every seed step loaded (the documents' figures, rules and the demo
 * accounts), and the app over it. `steps` narrows the seed steps by file name when a test needs less.
 */
export async function testApp(options: { steps?: (file: string) => boolean; web?: boolean } = {}): Promise<TestApp> {
  const db = await freshDatabase();
  await runSeedSteps(db.ds, () => undefined, options.steps);
  const { app, routes } = createApp(db.ds, { web: options.web ?? false });
  const token = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, a.token])) as Record<DemoUser, string>;
  const agent = supertest(app);
  return {
    db,
    ds: db.ds,
    app,
    routes,
    token,
    as: (user) => ({
      get: (url) => agent.get(url).set('Authorization', `Bearer ${token[user]}`),
      post: (url) => agent.post(url).set('Authorization', `Bearer ${token[user]}`),
      patch: (url) => agent.patch(url).set('Authorization', `Bearer ${token[user]}`),
    }),
    close: () => db.drop(),
  };
}
