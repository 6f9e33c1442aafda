import { AwsError, isAwsError, ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { resolveLaunchTemplate } from '../ec2/launchTemplate.ts'
import type { Subnet } from '../ec2/state.ts'
import { validation } from './errors.ts'
import type { LaunchTemplateSpecification } from './state.ts'

/**
 * Where a group launches from and into: its launch template (checked with EC2's own lookup, its error wrapped as Auto
 * Scaling wraps it: "You must use a valid fully-formed launch template. ...") and its subnets (`--vpc-zone-identifier`,
 * comma-separated) or, without them, the default subnets of `--availability-zones`.
 */
export function checkLaunchTemplate(ctx: SimContext, spec: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string }): LaunchTemplateSpecification {
  if (spec.LaunchTemplateId !== undefined && spec.LaunchTemplateName !== undefined)
    throw validation('Valid requests must contain either launchTemplateId or LaunchTemplateName')
  try {
    const resolved = resolveLaunchTemplate(ctx, spec)
    const template = ctx.world.ec2.launchTemplates[resolved.LaunchTemplateId]
    // The group keeps the version as given ($Latest, $Default or a number): each launch resolves it again.
    return { LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: template.LaunchTemplateName, Version: spec.Version ?? '$Default' }
  } catch (e) {
    if (isAwsError(e)) throw validation(`You must use a valid fully-formed launch template. ${e.message}`)
    throw e
  }
}

/** The group's subnets, in the order given; errors as Auto Scaling words them. */
export function groupSubnets(ctx: SimContext, vpcZoneIdentifier: string | undefined, availabilityZones: string[] | undefined): Subnet[] {
  const ids = (vpcZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (ids.length) {
    const subnets = ids.map((id) => {
      const subnet = ownEntry(ctx.world.ec2.subnets, id)
      if (!subnet) throw validation(`The subnet ID '${id}' does not exist`)
      return subnet
    })
    if (new Set(subnets.map((s) => s.VpcId)).size > 1) throw validation('The subnets specified in VPCZoneIdentifier must all belong to the same VPC.')
    return subnets
  }
  if (availabilityZones?.length) {
    return availabilityZones.map((az) => {
      const subnet = Object.values(ctx.world.ec2.subnets).find((s) => s.DefaultForAz && s.AvailabilityZone === az)
      // Wording not verified against AWS: the sandbox only knows the default VPC's zones.
      if (!subnet) throw new AwsError('ValidationError', `Invalid Availability Zone: ${az}`)
      return subnet
    })
  }
  throw validation('At least one Availability Zone or VPC Subnet is required.')
}
