import proxyaddr from 'proxy-addr';

/**
 * Which peers may tell the gateway the client's address in `X-Forwarded-For` (TRUST_PROXY), with
 * Express' own `trust proxy` semantics (proxy-addr): the address the sign-in throttle counts and
 * the logs show is `req.ip`, the socket's peer unless that peer is trusted, then the address the
 * trusted proxies say they received the request from. Off by default: a header a client writes
 * itself must never move a counter (issue #12).
 *
 * - unset, `false`, `off`: trust no proxy (the peer's address);
 * - a hop count `n` (1–32): the n proxies nearest the gateway (for a fixed chain whose addresses
 *   change, e.g. one load balancer in a container network);
 * - a list of addresses, CIDR ranges and proxy-addr's names (`loopback`, `linklocal`,
 *   `uniquelocal`), comma separated: `127.0.0.1, 10.0.0.0/8`.
 * `true` (every peer, the header's leftmost address) is refused: any client could name any address.
 */
export type TrustProxy = false | number | string[];

export const MAX_TRUSTED_HOPS = 32;

/** TRUST_PROXY's value as Express' `trust proxy` setting; throws an Error (vi / en) when it is none. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const given = value?.trim() ?? '';
  if (given === '' || /^(false|off|no|0)$/i.test(given)) return false;
  if (/^\d+$/.test(given)) {
    const hops = Number(given);
    if (hops > MAX_TRUSTED_HOPS)
      throw new Error(refusal(`số bước phải từ 1 đến ${MAX_TRUSTED_HOPS}`, `a hop count must be from 1 to ${MAX_TRUSTED_HOPS}`));
    return hops;
  }
  if (/^(true|on|yes|\*)$/i.test(given)) {
    throw new Error(
      refusal(
        'tin mọi máy thì ai cũng tự khai được địa chỉ; hãy ghi số proxy hoặc danh sách địa chỉ/CIDR của chúng',
        'trusting every peer lets any client claim any address; give the number of proxies or their addresses/CIDRs',
      ),
    );
  }
  const list = given
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  try {
    proxyaddr.compile(list);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      refusal(
        `có mục không phải địa chỉ IP, CIDR hay loopback/linklocal/uniquelocal (${why})`,
        `an entry is no IP address, CIDR range or loopback/linklocal/uniquelocal (${why})`,
      ),
    );
  }
  return list;
}

function refusal(vi: string, en: string): string {
  return `${vi}; vd. TRUST_PROXY=1 hoặc TRUST_PROXY=10.0.0.5,10.1.0.0/16 / ${en}; e.g. TRUST_PROXY=1 or TRUST_PROXY=10.0.0.5,10.1.0.0/16`;
}
