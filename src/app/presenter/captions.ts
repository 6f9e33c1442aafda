import type { LogEntry } from '../../sandbox/index.ts'

/**
 * Captions: each event of the simulation's typed event log in a sentence an audience reads ("load balancer web-alb is
 * now active", "target 10.0.1.12:8080 is unhealthy: Target.Timeout"). Built from the event's kind and fields and the
 * words the log already derived (`change`, `why`, from describeEvent), never from raw state, so captions say exactly
 * what the log, the inspector's state history and the service events say.
 */

/** How a resource type reads in a sentence. */
const NOUNS: Record<string, string> = {
  'AWS::EC2::VPC': 'VPC',
  'AWS::EC2::SecurityGroup': 'security group',
  'AWS::EC2::NetworkInterface': 'network interface',
  'AWS::EC2::Instance': 'instance',
  'AWS::EC2::LaunchTemplate': 'launch template',
  'AWS::EC2::KeyPair': 'key pair',
  'AWS::IAM::Role': 'IAM role',
  'AWS::IAM::InstanceProfile': 'instance profile',
  'AWS::ECS::Cluster': 'cluster',
  'AWS::ECS::Service': 'service',
  'AWS::ECS::TaskDefinition': 'task definition',
  'AWS::ECS::AccountSetting': 'account setting',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'load balancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'target group',
  'AWS::ElasticLoadBalancingV2::Listener': 'listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule': 'listener rule',
  'AWS::Logs::LogGroup': 'log group',
}

const HEX_SUFFIX = /^[0-9a-f]{16}$/
const TASK_ID = /^[0-9a-f]{32}$/

/**
 * A short name for a resource id or ARN: the name in a load balancer's or target group's ARN (`…/app/web-alb/50dc…` →
 * `web-alb`), a service's name, the first 8 characters of a task's id, or the id itself.
 */
export function shortName(resource: string): string {
  if (!resource.startsWith('arn:')) return resource
  // arn:partition:service:region:account:resource
  const parts = resource.split(':').slice(5).join(':').split('/')
  let last = parts[parts.length - 1]
  if (HEX_SUFFIX.test(last) && parts.length > 2) last = parts[parts.length - 2]
  if (TASK_ID.test(last)) return `${last.slice(0, 8)}…`
  return last || resource
}

const withWhy = (sentence: string, why?: string): string => (why ? `${sentence}: ${why}` : sentence)

/** The caption of one log entry, or undefined for entries that change nothing (a request from `curl`). */
export function captionOf(entry: LogEntry): string | undefined {
  const name = shortName(entry.resource)
  switch (entry.kind) {
    case 'http.request':
      return undefined
    case 'resource.status': {
      const noun = NOUNS[entry.type] ?? 'resource'
      if (entry.attribute === 'State' || entry.attribute === 'status') return withWhy(`${noun} ${name} is now ${entry.to.toLowerCase()}`, entry.reason)
      return withWhy(`${noun} ${name}: ${entry.attribute} ${entry.from} → ${entry.to}`, entry.reason)
    }
    case 'resource.created':
    case 'resource.registered':
    case 'resource.modified':
    case 'resource.deleted':
    case 'resource.settings':
      return withWhy(`${NOUNS[entry.type] ?? 'resource'} ${name} ${entry.change}`, entry.why)
    case 'task.created':
      return withWhy(`task ${name} created (${entry.lastStatus})`, entry.reason)
    case 'task.status':
      return entry.attribute === 'lastStatus'
        ? withWhy(`task ${name} is now ${entry.to}`, entry.reason)
        : withWhy(`task ${name} should be ${entry.to}`, entry.reason)
    case 'target.health': {
      const sentence = `target ${entry.targetId}:${entry.port} is ${entry.to}`
      return entry.reasonCode ? `${sentence}: ${entry.reasonCode}` : sentence
    }
    case 'target.registration':
      return `target ${entry.targetId}:${entry.port} is ${entry.state} in target group ${name}`
    case 'service.event':
      // ECS's own words, which already name the service: "(service web) has started 2 tasks: …".
      return entry.message
    case 'task.target':
      return entry.action === 'registered'
        ? `task ${name} registered as ${entry.targetId}:${entry.port} in target group ${shortName(entry.targetGroupArn)}`
        : withWhy(`task ${name} deregistered from target group ${shortName(entry.targetGroupArn)}`, entry.why)
    default:
      return withWhy(`${name}: ${entry.change}`, entry.why)
  }
}
