import { ownEntry, setOwnEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import type { World } from '../world.ts'
import { invalidParameter } from './errors.ts'
import type { AccountSetting } from './state.ts'

/**
 * Account settings (fidelity §2.8): put-account-setting for the learner, put-account-setting-default for every
 * principal without its own value; containerInsights applies to clusters created afterwards.
 */
// Maps, not plain objects: a setting name comes from the learner, and `constructor` must not find Object's.
const DEFAULTS = new Map<string, string>([
  ['serviceLongArnFormat', 'enabled'],
  ['taskLongArnFormat', 'enabled'],
  ['containerInstanceLongArnFormat', 'enabled'],
  ['awsvpcTrunking', 'disabled'],
  ['containerInsights', 'disabled'],
])
const VALUES = new Map<string, string[]>([['containerInsights', ['enhanced', 'enabled', 'disabled']]])

const rootArn = (world: Readonly<World>) => `arn:aws:iam::${world.accountId}:root`
const key = (principalArn: string, name: string) => `${principalArn} ${name}`

/** The value that applies to the learner: their own, else the account default, else AWS's default. */
export function effectiveSetting(world: Readonly<World>, name: string): string {
  const settings = world.ecs.accountSettings
  return ownEntry(settings, key(world.iam.user.Arn, name))?.value ?? ownEntry(settings, key(rootArn(world), name))?.value ?? DEFAULTS.get(name) ?? 'disabled'
}

function check(name: string, value: string): void {
  if (!DEFAULTS.has(name)) throw invalidParameter(`Invalid setting name: ${name}`) // wording unverified
  const allowed = VALUES.get(name) ?? ['enabled', 'disabled']
  if (!allowed.includes(value)) throw invalidParameter(`Invalid value for ${name}: ${value}`) // wording unverified
}

export const putAccountSetting = handler((ctx, input: { name: string; value: string; principalArn?: string }) => {
  check(input.name, input.value)
  const principalArn = input.principalArn ?? ctx.world.iam.user.Arn
  const setting: AccountSetting = { name: input.name, value: input.value, principalArn, type: 'user' }
  setOwnEntry(ctx.world.ecs.accountSettings, key(principalArn, input.name), setting)
  ctx.log(principalArn, { kind: 'resource.settings', type: 'AWS::ECS::AccountSetting', scope: 'account setting', settings: [{ name: input.name, value: input.value }], reason: 'applies to clusters created from now on' })
  return { setting }
})

export const putAccountSettingDefault = handler((ctx, input: { name: string; value: string }) => {
  check(input.name, input.value)
  const setting: AccountSetting = { name: input.name, value: input.value, principalArn: rootArn(ctx.world), type: 'user' }
  setOwnEntry(ctx.world.ecs.accountSettings, key(setting.principalArn, input.name), setting)
  ctx.log(setting.principalArn, { kind: 'resource.settings', type: 'AWS::ECS::AccountSetting', scope: 'account default', settings: [{ name: input.name, value: input.value }], reason: 'applies to clusters created from now on' })
  return { setting }
})

export const listAccountSettings = handler(
  (ctx, input: { name?: string; value?: string; principalArn?: string; effectiveSettings?: boolean }) => {
    const principalArn = input.principalArn ?? ctx.world.iam.user.Arn
    const names = input.name ? [input.name] : [...DEFAULTS.keys()]
    const settings: AccountSetting[] = []
    for (const name of names) {
      const own = ownEntry(ctx.world.ecs.accountSettings, key(principalArn, name))
      if (own) settings.push(own)
      else if (input.effectiveSettings) {
        const fallback = ownEntry(ctx.world.ecs.accountSettings, key(rootArn(ctx.world), name))
        settings.push(fallback ?? { name, value: DEFAULTS.get(name) ?? 'disabled', principalArn, type: 'aws_managed' })
      }
    }
    return { settings: input.value ? settings.filter((s) => s.value === input.value) : settings }
  },
)
