import { countText } from './count.ts'
import type { CommandMatch, Count, Goal } from './types.ts'

/**
 * The goal list's sentence for a goal, in a learner's words (an author's `label` wins). Every sentence is a
 * statement that is true once the goal is met ("The cluster fargate-cluster is ACTIVE"), so a screen reader
 * can read it followed by its status ("met", "not yet").
 */
export function describeGoal(goal: Goal): string {
  if (goal.label) return goal.label
  const parts: string[] = []
  const add = (condition: unknown, text: string) => condition !== undefined && parts.push(text)
  switch (goal.kind) {
    case 'cluster':
      add(goal.status, `is ${goal.status}`)
      add(goal.runningTasks, `runs ${things(goal.runningTasks, 'task')}`)
      add(goal.activeServices, `has ${things(goal.activeServices, 'active service')}`)
      return `The cluster ${goal.name} ${parts.length ? joinAnd(parts) : 'exists'}`
    case 'taskDefinition':
      add(goal.networkMode, `the ${goal.networkMode} network mode`)
      add(goal.requiresCompatibilities, `${goal.requiresCompatibilities} compatibility`)
      add(goal.cpu, `${goal.cpu} CPU units`)
      add(goal.memory, `${goal.memory} MiB of memory`)
      add(goal.image, `an image from ${goal.image}`)
      add(goal.containerPort, `container port ${goal.containerPort}`)
      add(goal.revision, `revision ${countText(goal.revision ?? 0)}`)
      return `The task definition ${goal.family} is registered${parts.length ? ` with ${joinAnd(parts)}` : ''}`
    case 'service':
      add(goal.status, `is ${goal.status}`)
      add(goal.launchType, `uses the ${goal.launchType} launch type`)
      add(goal.taskDefinition, `runs ${goal.taskDefinition}`)
      add(goal.desiredCount, `wants ${things(goal.desiredCount, 'task')}`)
      add(goal.runningCount, `has ${things(goal.runningCount, 'running task')}`)
      add(goal.pendingCount, `has ${things(goal.pendingCount, 'pending task')}`)
      add(goal.targetGroup, `is behind the target group ${goal.targetGroup}`)
      add(goal.event, `says "${goal.event}" in its events`)
      return `The service ${goal.name} in ${goal.cluster} ${parts.length ? joinAnd(parts) : 'exists'}`
    case 'task': {
      const of = [goal.family ? ` of ${goal.family}` : '', goal.service ? ` of the service ${goal.service}` : ''].join('')
      const count = goal.count ?? { atLeast: 1 }
      const verb = /(^|\s)1$/.test(countText(count)) ? 'is' : 'are'
      return capital(`${things(count, 'task')}${of} ${verb} ${goal.lastStatus ?? 'in'}${goal.lastStatus ? ` in ${goal.cluster}` : ` ${goal.cluster}`}`)
    }
    case 'loadBalancer':
      add(goal.type, `is an ${goal.type} load balancer`)
      add(goal.scheme, `is ${goal.scheme}`)
      add(goal.state, `is ${goal.state}`)
      return `The load balancer ${goal.name} ${parts.length ? joinAnd(parts) : 'exists'}`
    case 'containerInstance': {
      const count = goal.count ?? { atLeast: 1 }
      add(goal.runningTasks, `running ${things(goal.runningTasks, 'task')} in all`)
      return `The cluster ${goal.cluster} has ${things(count, `${goal.status ?? 'ACTIVE'} container instance`)} with the agent connected${parts.length ? `, ${joinAnd(parts)}` : ''}`
    }
    case 'targetGroup':
      add(goal.port, `listens on port ${goal.port}`)
      add(goal.protocol, `uses ${goal.protocol}`)
      add(goal.targetType, `takes targets of type ${goal.targetType}`)
      add(goal.registeredTargets, `has ${things(goal.registeredTargets, 'registered target')}`)
      add(goal.healthyTargets, `has ${things(goal.healthyTargets, 'healthy target')}`)
      return `The target group ${goal.name} ${parts.length ? joinAnd(parts) : 'exists'}`
    case 'listener':
      return `The load balancer ${goal.loadBalancer} listens on ${goal.protocol ? `${goal.protocol} ` : ''}port ${goal.port}${
        goal.forwardsTo ? ` and forwards to ${goal.forwardsTo}` : ''
      }${goal.defaultAction ? `${goal.forwardsTo ? ',' : ''} with a ${goal.defaultAction} default action` : ''}`
    case 'rule':
      return `A rule on ${goal.loadBalancer} sends ${goal.path}${goal.forwardsTo ? ` to ${goal.forwardsTo}` : ' somewhere'}`
    case 'lastCommand':
      return `Your last command ${commandText(goal)}`
    case 'ranCommand':
      return `You ran a command that ${commandText(goal)}`
    case 'curl':
      return `A request to ${goal.host ?? 'any host'}${goal.path ? `${goal.path.startsWith('/') ? '' : ' '}${goal.path}` : ''}${
        goal.status !== undefined ? ` answers ${goal.status}` : ' gets an answer'
      }`
    case 'file':
      add(goal.contains, `contains ${goal.contains}`)
      add(goal.notContains, `no longer contains ${goal.notContains}`)
      return `The file ${goal.path} ${parts.length ? joinAnd(parts) : 'exists'}`
    case 'all':
      return goal.goals.map(describeGoal).join('; and ')
    case 'any':
      return `One of these: ${goal.goals.map(describeGoal).join('; or ')}`
    case 'not':
      return `It is not so that ${lower(describeGoal(goal.goal))}`
  }
}

/** "2 tasks", "1 task", "at least 1 healthy target". */
const things = (count: Count | undefined, noun: string): string => {
  const text = countText(count ?? 0)
  return `${text} ${/(^|\s)1$/.test(text) ? noun : `${noun}s`}`
}

/** "a, b and c". */
const joinAnd = (parts: string[]): string => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`)

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
/** Lower-cases a leading "The"/"A" so the sentence can follow "that". */
const lower = (s: string): string => (/^(The|A|An|Your|You|One) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s)

function commandText(m: CommandMatch): string {
  const parts: string[] = []
  if (m.words !== undefined) parts.push(`has the words ${m.words}`)
  if (m.contains !== undefined) parts.push(`contains "${m.contains}"`)
  if (m.succeeded === true) parts.push('succeeded')
  if (m.succeeded === false) parts.push('failed')
  if (m.failedWith !== undefined) parts.push(`failed with ${m.failedWith}`)
  if (m.exitCode !== undefined) parts.push(`exited with code ${m.exitCode}`)
  if (m.outputContains !== undefined) parts.push(`printed "${m.outputContains}"`)
  return joinAnd(parts)
}
