import { AwsError } from '../core/index.ts'
import type { World } from '../world.ts'

/**
 * Who calls: the sandbox's two named profiles (as `~/.aws/credentials` would hold them). `default` is the account's
 * IAM user `learner` with administrator access; `learner` is a course user, `student`, whose policy lacks the
 * account-setting actions, so the course notes' "the user IAM performing this action needs appropriate permissions"
 * can be met (fidelity §2.8). Anything else is a profile the CLI cannot find.
 */
export const PROFILES = ['default', 'learner'] as const
export type Profile = (typeof PROFILES)[number]

export const isProfile = (name: string): name is Profile => (PROFILES as readonly string[]).includes(name)

export interface Identity {
  UserName: string
  UserId: string
  Arn: string
}

/** The restricted user's unique id: fixed per account (the sandbox's RNG is not drawn for a profile no one used). */
function restrictedUserId(accountId: string): string {
  let h = 0x811c9dc5
  for (const ch of `${accountId}/student`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193)
  let out = ''
  for (let i = 0; i < 17; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0
    out += '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[h % 36]
  }
  return `AIDA${out}`
}

export function identityOf(world: Readonly<World>, profile: string | undefined): Identity {
  if (profile !== 'learner') return world.iam.user
  return { UserName: 'student', UserId: restrictedUserId(world.accountId), Arn: `arn:aws:iam::${world.accountId}:user/student` }
}

/** IAM actions (`service:Operation`) each profile's policy does not allow. */
const DENIED: Readonly<Record<Profile, readonly string[]>> = {
  default: [],
  learner: ['ecs:PutAccountSetting', 'ecs:PutAccountSettingDefault'],
}

/**
 * Throws the AccessDeniedException AWS returns when no identity-based policy allows the action (IAM User Guide,
 * "Troubleshoot access denied error messages"; the wording of fidelity §2.8).
 */
export function checkAllowed(world: Readonly<World>, profile: string | undefined, iamPrefix: string, operation: string): void {
  const action = `${iamPrefix}:${operation}`
  if (profile === undefined || !isProfile(profile) || !DENIED[profile].includes(action)) return
  const who = identityOf(world, profile)
  throw new AwsError('AccessDeniedException', `User: ${who.Arn} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`)
}
