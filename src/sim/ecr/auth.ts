import type { World } from '../world.ts'

/** ECR authorization tokens are valid for 12 hours (ECR API Reference, GetAuthorizationToken). */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000

/** The registry host of this account and Region: `<account>.dkr.ecr.<region>.amazonaws.com`. */
export const registryHost = (world: Readonly<World>): string => `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com`

/**
 * A password shaped like ECR's (base64 of a JSON envelope), derived from the account, Region and expiry time: the
 * same world at the same moment gets the same password, and no randomness is needed; the registry checks it by
 * deriving it again from the expiry it carries.
 */
export function registryPassword(accountId: string, region: string, expiresAt: number): string {
  let h = 2166136261
  let payload = ''
  for (const c of `${accountId}/${region}/${expiresAt}`.repeat(8)) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0
    payload += h.toString(36)
  }
  return btoa(JSON.stringify({ payload: btoa(payload), datakey: btoa(payload.split('').reverse().join('')), version: '2', type: 'DATA_KEY', expiration: Math.floor(expiresAt / 1000) }))
}

/** Whether a `docker login` password is a token this registry issued, and whether it is still valid at `now`. */
export function checkRegistryPassword(world: Readonly<World>, password: string, now: number): 'valid' | 'expired' | 'invalid' {
  let expiration: unknown
  try {
    expiration = (JSON.parse(atob(password.trim())) as { expiration?: unknown }).expiration
  } catch {
    return 'invalid'
  }
  if (typeof expiration !== 'number') return 'invalid'
  if (registryPassword(world.accountId, world.region, expiration * 1000) !== password.trim()) return 'invalid'
  return now > expiration * 1000 ? 'expired' : 'valid'
}
