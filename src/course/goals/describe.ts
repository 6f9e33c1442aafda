import { countText } from './count.ts'
import type { CommandMatch, Goal } from './types.ts'

/** The checklist's sentence for a goal, in a learner's words (an author's `label` wins). */
export function describeGoal(goal: Goal): string {
  if (goal.label) return goal.label
  const parts: string[] = []
  const add = (condition: unknown, text: string) => condition !== undefined && parts.push(text)
  const tail = () => (parts.length ? ` ${parts.join(', ')}` : '')
  switch (goal.kind) {
    case 'cluster':
      add(goal.status, `is ${goal.status}`)
      add(goal.runningTasks, `runs ${countText(goal.runningTasks ?? 0)} task(s)`)
      add(goal.activeServices, `has ${countText(goal.activeServices ?? 0)} active service(s)`)
      return `Cluster ${goal.name} exists${tail()}`
    case 'taskDefinition':
      add(goal.networkMode, `network mode ${goal.networkMode}`)
      add(goal.requiresCompatibilities, `requires ${goal.requiresCompatibilities}`)
      add(goal.cpu, `cpu ${goal.cpu}`)
      add(goal.memory, `memory ${goal.memory}`)
      add(goal.image, `image from ${goal.image}`)
      add(goal.containerPort, `container port ${goal.containerPort}`)
      add(goal.revision, `revision ${countText(goal.revision ?? 0)}`)
      return `Task definition ${goal.family} is registered${parts.length ? ` with ${parts.join(', ')}` : ''}`
    case 'service':
      add(goal.runningCount, `${countText(goal.runningCount ?? 0)} running task(s)`)
      add(goal.desiredCount, `desired count ${countText(goal.desiredCount ?? 0)}`)
      add(goal.pendingCount, `${countText(goal.pendingCount ?? 0)} pending task(s)`)
      add(goal.status, `status ${goal.status}`)
      add(goal.launchType, `launch type ${goal.launchType}`)
      add(goal.taskDefinition, `runs ${goal.taskDefinition}`)
      add(goal.targetGroup, `behind target group ${goal.targetGroup}`)
      return `Service ${goal.name} in ${goal.cluster}${parts.length ? ` has ${parts.join(', ')}` : ' exists'}`
    case 'task':
      return `${countText(goal.count ?? { atLeast: 1 })} task(s)${goal.family ? ` of ${goal.family}` : ''}${goal.service ? ` of service ${goal.service}` : ''} in ${goal.cluster}${goal.lastStatus ? ` ${goal.lastStatus}` : ''}`
    case 'loadBalancer':
      add(goal.state, `is ${goal.state}`)
      add(goal.scheme, `is ${goal.scheme}`)
      add(goal.type, `is an ${goal.type} load balancer`)
      return `Load balancer ${goal.name} exists${tail()}`
    case 'targetGroup':
      add(goal.healthyTargets, `${countText(goal.healthyTargets ?? 0)} healthy target(s)`)
      add(goal.registeredTargets, `${countText(goal.registeredTargets ?? 0)} registered target(s)`)
      add(goal.port, `port ${goal.port}`)
      add(goal.protocol, `protocol ${goal.protocol}`)
      add(goal.targetType, `target type ${goal.targetType}`)
      return `Target group ${goal.name}${parts.length ? ` has ${parts.join(', ')}` : ' exists'}`
    case 'listener':
      return `Load balancer ${goal.loadBalancer} listens on ${goal.protocol ?? 'port'} ${goal.port}${goal.forwardsTo ? ` and forwards to ${goal.forwardsTo}` : ''}${goal.defaultAction ? ` (default action ${goal.defaultAction})` : ''}`
    case 'rule':
      return `A rule on ${goal.loadBalancer} sends ${goal.path}${goal.forwardsTo ? ` to ${goal.forwardsTo}` : ' somewhere'}`
    case 'lastCommand':
      return `Your last command ${commandText(goal)}`
    case 'ranCommand':
      return `You ran a command that ${commandText(goal)}`
    case 'curl':
      return `curl ${goal.host ?? 'a URL'}${goal.path ? ` ${goal.path}` : ''}${goal.status !== undefined ? ` answers ${goal.status}` : ''}`
    case 'file':
      add(goal.contains, `contains ${goal.contains}`)
      add(goal.notContains, `no longer contains ${goal.notContains}`)
      return `File ${goal.path}${parts.length ? ` ${parts.join(' and ')}` : ' exists'}`
    case 'all':
      return goal.goals.map(describeGoal).join('; and ')
    case 'any':
      return `One of: ${goal.goals.map(describeGoal).join('; or ')}`
    case 'not':
      return `Not: ${describeGoal(goal.goal)}`
  }
}

function commandText(m: CommandMatch): string {
  const parts: string[] = []
  if (m.contains !== undefined) parts.push(`contains "${m.contains}"`)
  if (m.succeeded === true) parts.push('succeeded')
  if (m.succeeded === false) parts.push('failed')
  if (m.failedWith !== undefined) parts.push(`failed with ${m.failedWith}`)
  if (m.exitCode !== undefined) parts.push(`exited with ${m.exitCode}`)
  if (m.outputContains !== undefined) parts.push(`printed "${m.outputContains}"`)
  return parts.join(' and ')
}
