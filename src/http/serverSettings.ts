/**
 * Settings of a server from the environment:
 * - TRUST_PROXY: behind a reverse proxy, `true` (trust every hop), or the proxy's addresses/CIDRs
 *   (comma-separated, e.g. `127.0.0.1,10.0.0.0/8`). Then throttling counts the real client
 *   (X-Forwarded-For) and a request forwarded as https gets Secure cookies. Unset: no proxy is trusted.
 * - GONGKAI_SECURE_COOKIES=1: always mark cookies Secure (the site is only served over HTTPS).
 * - GONGKAI_PUBLIC_LIMIT_PER_MINUTE: online submissions and progress queries per client address and minute,
 *   per app server (default 30).
 */
export interface ServerSettings {
  trustProxy: boolean | string;
  secureCookies: boolean;
  publicLimitPerMinute?: number;
}

export function serverSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const raw = (env['TRUST_PROXY'] ?? '').trim();
  const trustProxy = raw === '' || raw === 'false' || raw === '0' ? false : raw === 'true' || raw === '1' ? true : raw;
  const secure = (env['GONGKAI_SECURE_COOKIES'] ?? '').trim();
  const limit = Number(env['GONGKAI_PUBLIC_LIMIT_PER_MINUTE']);
  return { trustProxy, secureCookies: secure === '1' || secure === 'true', ...(Number.isInteger(limit) && limit > 0 ? { publicLimitPerMinute: limit } : {}) };
}
