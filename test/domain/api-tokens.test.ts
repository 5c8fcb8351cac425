import { expect } from 'chai';
import { koreanDate, lastUseDue, prefixOf, tokenExpiry, tokenRefusal, tokenText } from '../../domain/api-tokens';
import { refusal } from '../support/refusal';

describe('domain: integration tokens', () => {
  const now = new Date('2026-12-02T16:00:00Z'); // 2026-12-03 01:00 in Korea

  it('a token is the mark lgr_ and its secret; its prefix is the mark and 8 characters', () => {
    const token = tokenText('A'.repeat(43));
    expect(token).to.equal(`lgr_${'A'.repeat(43)}`);
    expect(prefixOf(token)).to.equal('lgr_AAAAAAAA');
  });

  it('the expiry date is a day in Korea: the token works through its end; after today and at most 731 days ahead', () => {
    expect(koreanDate(now)).to.equal('2026-12-03');
    expect(tokenExpiry('2026-12-04', now).toISOString()).to.equal('2026-12-04T15:00:00.000Z');
    expect(refusal(() => tokenExpiry('2026-12-03', now)).errors[0]).to.include({ field: 'expiresOn', rule: 'afterToday' });
    expect(() => tokenExpiry('2028-12-03', now)).not.to.throw();
    expect(refusal(() => tokenExpiry('2028-12-04', now)).errors[0]).to.include({ field: 'expiresOn', rule: 'withinMaxLifetime' });
  });

  it('tokenRefusal: unknown or inactive user → invalid_token; revoked → token_revoked; expired → token_expired; else none', () => {
    const live = { revokedAt: null, expiresAt: new Date(now.getTime() + 1), userActive: true };
    expect(tokenRefusal(live, now)).to.equal(null);
    expect(tokenRefusal({ ...live, expiresAt: null }, now)).to.equal(null);
    expect(tokenRefusal(null, now)?.code).to.equal('invalid_token');
    expect(tokenRefusal({ ...live, userActive: false }, now)?.code).to.equal('invalid_token');
    expect(tokenRefusal({ ...live, revokedAt: now }, now)?.code).to.equal('token_revoked');
    const expired = tokenRefusal({ ...live, expiresAt: now }, now);
    expect([expired?.kind, expired?.code]).to.deep.equal(['unauthenticated', 'token_expired']);
  });

  it('a use is written at most once a minute', () => {
    expect(lastUseDue(null, now)).to.equal(true);
    expect(lastUseDue(now.getTime() - 59_999, now)).to.equal(false);
    expect(lastUseDue(new Date(now.getTime() - 60_000), now)).to.equal(true);
  });
});
