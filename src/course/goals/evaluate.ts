import type { Action, World } from '../../sandbox/index.ts'
import {
  clusterNamed,
  containerInstances,
  conditionValues,
  forwardedTargetGroups,
  listenersOf,
  loadBalancerNamed,
  serviceNamed,
  serviceOfTask,
  targetGroupHealth,
  targetGroupNamed,
  terminalAction,
} from '../../sandbox/views.ts'
import { countMatches } from './count.ts'
import { describeGoal } from './describe.ts'
import { errorCodeOf } from './errorCode.ts'
import type { CommandMatch, CommandRecord, Goal, GoalContext, GoalResult } from './types.ts'

/**
 * Evaluates a goal against the world as it is now. Pure: reads `ctx`, changes nothing. What a goal checks about the
 * world it asks the sandbox's read model (target health as the CLI reports it, which service owns a task, where a rule
 * forwards, names resolved as the CLI resolves them), so a goal never disagrees with what the learner just read.
 */
export function evaluateGoal(goal: Goal, ctx: GoalContext): GoalResult {
  const label = describeGoal(goal)
  const result = (met: boolean, detail?: string): GoalResult => (met || detail === undefined ? { met, label } : { met, label, detail })
  const world = ctx.world
  switch (goal.kind) {
    case 'all':
    case 'any': {
      const children = goal.goals.map((g) => evaluateGoal(g, ctx))
      const met = goal.kind === 'all' ? children.every((c) => c.met) : children.some((c) => c.met)
      return { met, label, children }
    }
    case 'not': {
      const inner = evaluateGoal(goal.goal, ctx)
      return result(!inner.met, inner.met ? `it is: ${inner.label}` : undefined)
    }
    case 'cluster': {
      const cluster = clusterNamed(world, goal.name)
      if (!cluster) return result(false, `there is no cluster ${goal.name}`)
      const problems = [
        check('status', goal.status, cluster.status),
        checkCount('running tasks', goal.runningTasks, cluster.runningTasksCount),
        checkCount('active services', goal.activeServices, cluster.activeServicesCount),
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'taskDefinition': {
      const defs = Object.values(world.ecs?.taskDefinitions ?? {}).filter((d) => d.family === goal.family && d.status === 'ACTIVE')
      if (defs.length === 0) return result(false, `no task definition ${goal.family} is registered`)
      const latest = defs.reduce((a, b) => (b.revision > a.revision ? b : a))
      const first = latest.containerDefinitions[0]
      const problems = [
        check('network mode', goal.networkMode, latest.networkMode),
        check('cpu', goal.cpu, latest.cpu),
        check('memory', goal.memory, latest.memory),
        goal.requiresCompatibilities !== undefined && !(latest.requiresCompatibilities ?? []).includes(goal.requiresCompatibilities)
          ? `requires ${(latest.requiresCompatibilities ?? []).join(', ') || 'nothing'}`
          : '',
        goal.image !== undefined && !(first?.image ?? '').includes(goal.image) ? `the image is ${first?.image ?? 'missing'}` : '',
        goal.containerPort !== undefined && !latest.containerDefinitions.some((c) => c.portMappings.some((p) => p.containerPort === goal.containerPort))
          ? `no container listens on ${goal.containerPort}`
          : '',
        checkCount('revision', goal.revision, latest.revision),
      ].filter(Boolean)
      return result(problems.length === 0, `${goal.family}:${latest.revision}: ${problems.join('; ')}`)
    }
    case 'service': {
      const cluster = clusterNamed(world, goal.cluster)
      if (!cluster) return result(false, `there is no cluster ${goal.cluster}`)
      const service = serviceNamed(world, cluster, goal.name)
      if (!service) return result(false, `there is no service ${goal.name} in ${cluster.clusterName}`)
      const family = service.taskDefinition.split('/').pop() ?? ''
      const groups = service.loadBalancers.map((lb) => (lb.targetGroupArn ? world.elbv2?.targetGroups[lb.targetGroupArn]?.TargetGroupName : undefined))
      const problems = [
        check('status', goal.status, service.status),
        checkCount('runningCount', goal.runningCount, service.runningCount),
        checkCount('desiredCount', goal.desiredCount, service.desiredCount),
        checkCount('pendingCount', goal.pendingCount, service.pendingCount),
        check('launch type', goal.launchType, service.launchType),
        goal.taskDefinition !== undefined && family !== goal.taskDefinition && family.split(':')[0] !== goal.taskDefinition ? `it runs ${family}` : '',
        goal.targetGroup !== undefined && !groups.includes(goal.targetGroup) ? `it is not behind ${goal.targetGroup}` : '',
        goal.event !== undefined && !service.events.some((e) => e.message.toLowerCase().includes(goal.event!.toLowerCase())) ? `no event says "${goal.event}"` : '',
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'task': {
      const cluster = clusterNamed(world, goal.cluster)
      if (!cluster) return result(false, `there is no cluster ${goal.cluster}`)
      const tasks = Object.values(world.ecs.tasks).filter(
        (t) =>
          t.clusterArn === cluster.clusterArn &&
          (goal.family === undefined || (t.taskDefinitionArn.split('/').pop() ?? '').split(':')[0] === goal.family) &&
          (goal.service === undefined || serviceOfTask(world, t)?.serviceName === goal.service) &&
          (goal.lastStatus === undefined || t.lastStatus === goal.lastStatus),
      )
      const want = goal.count ?? { atLeast: 1 }
      return result(countMatches(want, tasks.length), `${tasks.length} such task(s)`)
    }
    case 'containerInstance': {
      // As list-container-instances counts them (the read model's view): registered, in this status, agent connected.
      const cluster = clusterNamed(world, goal.cluster)
      if (!cluster) return result(false, `there is no cluster ${goal.cluster}`)
      const hosts = containerInstances(world, cluster.clusterArn).filter((ci) => ci.status === (goal.status ?? 'ACTIVE') && ci.agentConnected)
      const running = hosts.reduce((sum, ci) => sum + ci.runningTasksCount, 0)
      const problems = [
        countMatches(goal.count ?? { atLeast: 1 }, hosts.length) ? '' : `${hosts.length} such container instance(s)`,
        checkCount('running tasks', goal.runningTasks, running),
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'loadBalancer': {
      const lb = loadBalancerNamed(world, goal.name)
      if (!lb) return result(false, `there is no load balancer ${goal.name}`)
      const problems = [check('state', goal.state, lb.State.Code), check('scheme', goal.scheme, lb.Scheme), check('type', goal.type, lb.Type)].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'targetGroup': {
      const tg = targetGroupNamed(world, goal.name)
      if (!tg) return result(false, `there is no target group ${goal.name}`)
      // Healthy as describe-target-health says it: a target of a group no listener uses is `unused`, not healthy.
      const { healthy, total } = targetGroupHealth(world, tg.TargetGroupArn)
      const problems = [
        check('port', goal.port, tg.Port),
        check('protocol', goal.protocol, tg.Protocol),
        check('target type', goal.targetType, tg.TargetType),
        checkCount('healthy targets', goal.healthyTargets, healthy),
        checkCount('registered targets', goal.registeredTargets, total),
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'listener': {
      const lb = loadBalancerNamed(world, goal.loadBalancer)
      if (!lb) return result(false, `there is no load balancer ${goal.loadBalancer}`)
      const listener = listenersOf(world, lb.LoadBalancerArn).find((l) => l.Port === goal.port)
      if (!listener) return result(false, `${goal.loadBalancer} has no listener on port ${goal.port}`)
      const action = terminalAction(listener.DefaultActions)
      const problems = [
        check('protocol', goal.protocol, listener.Protocol),
        check('default action', goal.defaultAction, action?.Type),
        goal.forwardsTo !== undefined && !forwardsTo(world, action, goal.forwardsTo) ? `it does not forward to ${goal.forwardsTo}` : '',
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
    case 'rule': {
      const lb = loadBalancerNamed(world, goal.loadBalancer)
      if (!lb) return result(false, `there is no load balancer ${goal.loadBalancer}`)
      const listeners = new Set(listenersOf(world, lb.LoadBalancerArn).map((l) => l.ListenerArn))
      const rules = Object.values(world.elbv2.rules).filter((r) => listeners.has(r.ListenerArn) && !r.IsDefault)
      const onPath = rules.filter((r) =>
        r.Conditions.some((c) => c.Field === 'path-pattern' && conditionValues(c).includes(goal.path)),
      )
      if (onPath.length === 0) return result(false, `no rule matches the path ${goal.path}`)
      if (goal.forwardsTo === undefined) return result(true)
      const target = goal.forwardsTo
      const met = onPath.some((r) => r.Actions.some((a) => forwardsTo(world, a, target)))
      return result(met, `the rule for ${goal.path} does not forward to ${goal.forwardsTo}`)
    }
    case 'lastCommand': {
      const last = commandsSince(ctx).at(-1)
      if (!last) return result(false, 'no command yet')
      const why = commandMismatch(goal, last)
      return result(why === undefined, why)
    }
    case 'ranCommand': {
      const met = commandsSince(ctx).some((c) => commandMismatch(goal, c) === undefined)
      return result(met, 'not yet')
    }
    case 'curl': {
      const requests = requestsSince(ctx).filter((r) => hostMatches(world, goal.host, r) && (goal.path === undefined || r.path === goal.path))
      const last = requests.at(-1)
      if (!last) return result(false, 'no such request yet')
      if (goal.status === undefined) return result(true)
      return result(last.status === goal.status, `the last one answered ${last.outcome}`)
    }
    case 'file': {
      const text = ctx.files.read(goal.path)
      if (text === undefined) return result(false, `there is no file ${goal.path}`)
      const problems = [
        goal.contains !== undefined && !text.includes(goal.contains) ? `it does not contain ${goal.contains}` : '',
        goal.notContains !== undefined && text.includes(goal.notContains) ? `it still contains ${goal.notContains}` : '',
      ].filter(Boolean)
      return result(problems.length === 0, problems.join('; '))
    }
  }
}

const check = (what: string, want: string | number | undefined, have: string | number | undefined): string =>
  want === undefined || String(want).toLowerCase() === String(have ?? '').toLowerCase() ? '' : `${what} is ${have ?? 'not set'}`

const checkCount = (what: string, want: Parameters<typeof countMatches>[0] | undefined, have: number): string =>
  want === undefined || countMatches(want, have) ? '' : `${what} is ${have}`

function forwardsTo(world: Readonly<World>, action: Action | undefined, name: string): boolean {
  if (!action) return false
  return forwardedTargetGroups(action).some((arn) => arn === name || world.elbv2.targetGroups[arn]?.TargetGroupName === name)
}

const commandsSince = (ctx: GoalContext): readonly CommandRecord[] =>
  ctx.since ? ctx.commands.filter((c) => c.seq > (ctx.since?.command ?? 0) && c.line.trim()) : ctx.commands.filter((c) => c.line.trim())

function commandMismatch(m: CommandMatch, c: CommandRecord): string | undefined {
  const code = errorCodeOf(c.stderr)
  if (m.words !== undefined && !hasWords(c.line, m.words)) return `it was: ${firstLine(c.line)}`
  if (m.contains !== undefined && !c.line.includes(m.contains)) return `it was: ${firstLine(c.line)}`
  if (m.succeeded === true && c.exitCode !== 0) return `it failed (exit code ${c.exitCode})`
  if (m.succeeded === false && c.exitCode === 0) return 'it succeeded'
  if (m.failedWith !== undefined && code !== m.failedWith) return code ? `it failed with ${code}` : c.exitCode === 0 ? 'it succeeded' : `it failed with exit code ${c.exitCode}`
  if (m.exitCode !== undefined && c.exitCode !== m.exitCode) return `its exit code was ${c.exitCode}`
  if (m.outputContains !== undefined && !c.stdout.includes(m.outputContains) && !c.stderr.includes(m.outputContains)) return `it did not print "${m.outputContains}"`
  return undefined
}

/** Every space-separated word of `words` is a whole word of the line (joined across `\\`-newlines like the shell). */
const hasWords = (line: string, words: string): boolean => {
  const have = new Set(line.replace(/\\\r?\n/g, '').split(/\s+/))
  return words.split(/\s+/).filter(Boolean).every((w) => have.has(w))
}

const firstLine = (s: string) => {
  const line = s.split('\n')[0]
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}

interface RequestSeen {
  resource: string
  host: string
  path: string
  status?: number
  outcome: string
}

/**
 * HTTP requests from the event log. The network layer logs each one as an `http.request` event against the
 * resource it entered by (a load balancer's ARN for requests through one).
 */
function requestsSince(ctx: GoalContext): RequestSeen[] {
  const from = ctx.since?.log ?? 0
  const seen: RequestSeen[] = []
  for (const entry of ctx.world.log?.entries ?? []) {
    if (entry.id < from) continue
    if (entry.kind !== 'http.request') continue
    const { url, status } = entry
    const outcome = status !== undefined ? `${status} ${entry.statusText ?? ''}` : (entry.failure ?? 'no answer')
    const parsed = /^(?:[a-z]+:\/\/)?([^/:?#]+)(?::\d+)?([^?#]*)/i.exec(url)
    seen.push({ resource: entry.resource, host: (parsed?.[1] ?? url).toLowerCase(), path: parsed?.[2] || '/', outcome, ...(status !== undefined ? { status } : {}) })
  }
  return seen
}

function hostMatches(world: Readonly<World>, host: string | undefined, request: RequestSeen): boolean {
  if (host === undefined) return true
  const isLoadBalancer = (arn: string) => arn.startsWith('arn:aws:elasticloadbalancing:') && arn.includes(':loadbalancer/')
  if (/^(any )?load ?balancer$/i.test(host.trim())) return isLoadBalancer(request.resource)
  const lb = loadBalancerNamed(world, host)
  if (lb) return request.resource === lb.LoadBalancerArn || request.host === lb.DNSName.toLowerCase()
  return request.host === host.toLowerCase()
}
