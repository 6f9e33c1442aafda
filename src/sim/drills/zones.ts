import type { SimContext } from '../context.ts'
import { requestStop } from '../ecs/tasks.ts'
import { DrillError, drillsOf, type DrillsState } from './state.ts'

function slice(ctx: SimContext): DrillsState {
  const w = ctx.world as { drills?: DrillsState }
  if (!w.drills) w.drills = drillsOf(w)
  return w.drills
}

/**
 * An Availability Zone goes down: the Fargate tasks running there stop (stopCode TerminationNotice, the code Fargate
 * gives a task it takes away; the reason text is the sandbox's own, AWS documents none for an outage), nothing new is
 * placed there (../ecs/placement.ts skips it), so services start replacements in their other AZs; with no targets left
 * there the load balancer stops routing to it.
 */
export function zoneDown(ctx: SimContext, zone: string): string {
  const zones = Object.values(ctx.world.ec2.subnets).map((s) => s.AvailabilityZone)
  if (!zones.includes(zone)) throw new DrillError(`no Availability Zone ${zone} (zones: ${[...new Set(zones)].sort().join(', ')})`)
  const state = slice(ctx)
  if (state.zonesDown.includes(zone)) throw new DrillError(`${zone} is already down`)
  state.zonesDown.push(zone)
  const subnet = Object.values(ctx.world.ec2.subnets).find((s) => s.AvailabilityZone === zone)
  if (subnet) ctx.log(subnet.VpcId, { kind: 'resource.modified', type: 'AWS::EC2::VPC', detail: `drill: ${zone} is down` })
  let stopped = 0
  for (const task of Object.values(ctx.world.ecs.tasks)) {
    if (task.availabilityZone !== zone || task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') continue
    requestStopInZone(ctx, task.taskArn, zone)
    stopped++
  }
  return `${zone} is down: ${stopped} task${stopped === 1 ? '' : 's'} stopping there; nothing new is placed there until \`drill zone-up ${zone}\``
}

export function zoneUp(ctx: SimContext, zone: string): string {
  const state = slice(ctx)
  if (!state.zonesDown.includes(zone)) throw new DrillError(`${zone} is not down`)
  state.zonesDown = state.zonesDown.filter((z) => z !== zone)
  const subnet = Object.values(ctx.world.ec2.subnets).find((s) => s.AvailabilityZone === zone)
  if (subnet) ctx.log(subnet.VpcId, { kind: 'resource.modified', type: 'AWS::EC2::VPC', detail: `drill: ${zone} is back` })
  return `${zone} is back: new tasks may be placed there again`
}

function requestStopInZone(ctx: SimContext, taskArn: string, zone: string) {
  const task = ctx.world.ecs.tasks[taskArn]
  requestStop(ctx, task, 'TerminationNotice', `Task stopped: Availability Zone ${zone} is unavailable`)
}
