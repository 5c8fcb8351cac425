import net from 'node:net';

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Express's `trust proxy` from TRUST_PROXY: which peers may tell the client's address
 * (X-Forwarded-For) and protocol (X-Forwarded-Proto). Unset or empty (or `none`): nobody — the
 * client is the peer of the TCP connection, whatever headers it sends. Otherwise a comma-separated
 * list of addresses, subnets (`10.0.0.0/8`, `fd00::/8`) and the names `loopback`, `linklocal`,
 * `uniquelocal` (a reverse proxy on the same host: `TRUST_PROXY=loopback`). A hop count or `true`
 * would trust whatever a client writes, and is refused at start, as is anything unreadable.
 */
export function trustProxySetting(raw: string | undefined): false | string[] {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'none') return false;
  const entries = value.split(',').map((s) => s.trim());
  for (const entry of entries) {
    if (!isTrustable(entry)) {
      throw new Error(
        `TRUST_PROXY: "${entry.slice(0, 60)}" is not an address, a subnet (address/prefix) or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return entries;
}

function isTrustable(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
