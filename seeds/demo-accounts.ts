/** The demo accounts are defined beside the production guard that refuses them (server/auth/demo-accounts.ts). */
export { DEMO_ACCOUNTS, type DemoAccount } from '../server/auth/demo-accounts';
