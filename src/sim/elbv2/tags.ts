import { AwsError } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { listenerNotFound, loadBalancerNotFound, ruleNotFound, targetGroupNotFound, validation } from './errors.ts'
import type { Tag } from './state.ts'

/** The resource an ARN names must exist; the not-found error depends on its type. */
function checkResource(ctx: SimContext, arn: string): void {
  const { elbv2 } = ctx.world
  const type = arn.split(':')[5]?.split('/')[0]
  const exists: Record<string, [boolean, () => AwsError]> = {
    loadbalancer: [arn in elbv2.loadBalancers, loadBalancerNotFound],
    targetgroup: [arn in elbv2.targetGroups, targetGroupNotFound],
    listener: [arn in elbv2.listeners, listenerNotFound],
    'listener-rule': [arn in elbv2.rules, ruleNotFound],
  }
  const check = type ? exists[type] : undefined
  if (!check) throw validation(`'${arn}' is not a valid resource ARN`)
  if (!check[0]) throw check[1]()
}

export const addTags = handler((ctx, input: { ResourceArns: string[]; Tags: Tag[] }) => {
  for (const arn of input.ResourceArns ?? []) checkResource(ctx, arn)
  for (const arn of input.ResourceArns ?? []) {
    const tags = (ctx.world.elbv2.tags[arn] ??= [])
    for (const tag of input.Tags ?? []) {
      const existing = tags.find((t) => t.Key === tag.Key)
      if (existing) existing.Value = tag.Value
      else tags.push({ ...tag })
    }
    if (tags.length > 50) throw new AwsError('TooManyTags', 'The quota for the number of tags that can be assigned to a load balancer has been reached')
  }
  return {}
})

export const removeTags = handler((ctx, input: { ResourceArns: string[]; TagKeys: string[] }) => {
  for (const arn of input.ResourceArns ?? []) checkResource(ctx, arn)
  for (const arn of input.ResourceArns ?? []) {
    const tags = ctx.world.elbv2.tags[arn]
    if (tags) ctx.world.elbv2.tags[arn] = tags.filter((t) => !(input.TagKeys ?? []).includes(t.Key))
  }
  return {}
})

export const describeTags = handler((ctx, input: { ResourceArns: string[] }) => {
  for (const arn of input.ResourceArns ?? []) checkResource(ctx, arn)
  return { TagDescriptions: (input.ResourceArns ?? []).map((arn) => ({ ResourceArn: arn, Tags: ctx.world.elbv2.tags[arn] ?? [] })) }
})
