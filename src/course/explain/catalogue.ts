import type { CatalogueEntry, Failure } from './types.ts'
import { isVariable, optionValue } from './words.ts'

/** The port of the first URL in the line: explicit, else 443 for https and 80 for http. */
const urlPort = (line: string): string => {
  const url = /(https?):\/\/[^/\s:]+(?::(\d+))?/.exec(line)
  return url?.[2] ?? (url?.[1] === 'https' ? '443' : '80')
}

const awsCode = (...codes: string[]) => (f: Failure): boolean => f.code !== undefined && codes.includes(f.code)

/** `$TG` in the line: the usual cause of "not found" is a variable that was never set in this shell. */
const variableHint = (value: string | undefined): string =>
  isVariable(value) ? ` If ${value} came from an earlier command, check it is set: echo ${value}` : ''

/**
 * The failures the course explains, each in plain words tied to what the diagram shows. Every entry names
 * the fact it rests on; each has a test that produces the error through the sandbox (test/course/explain).
 * An entry only adds a line under the output: the CLI's own text is never changed.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    // ECS answers ClusterNotFoundException when the --cluster name (default: "default") has no cluster in the
    // Region. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html#API_DescribeServices_Errors
    id: 'ClusterNotFoundException',
    matches: awsCode('ClusterNotFoundException'),
    explain(f) {
      const cluster = optionValue(f.line, '--cluster') ?? 'default'
      if (isVariable(cluster)) return { text: `No cluster matches ${cluster} in ${f.region}.${variableHint(cluster)}` }
      return {
        text: `There is no cluster named ${cluster} in ${f.region} yet: create it with aws ecs create-cluster --cluster-name ${cluster}, or list the ones there are with aws ecs list-clusters.`,
        highlight: [f.region],
      }
    },
  },
  {
    id: 'ServiceNotFoundException',
    matches: awsCode('ServiceNotFoundException'),
    explain(f) {
      const cluster = optionValue(f.line, '--cluster') ?? 'default'
      const service = optionValue(f.line, '--service')
      return { text: `Cluster ${cluster} has no service${service ? ` named ${service}` : ''}: aws ecs list-services --cluster ${cluster} lists the ones it has.${variableHint(service)}` }
    },
  },
  {
    // awsvpc gives every task its own network interface, so ECS must know the subnets and security groups.
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html
    id: 'InvalidParameterException.networkConfiguration',
    matches: (f) => f.code === 'InvalidParameterException' && /network ?configuration/i.test(f.message ?? ''),
    explain: () => ({
      text: "In awsvpc network mode every task gets its own network interface in one of your subnets, so ECS needs to know where: add --network-configuration 'awsvpcConfiguration={subnets=[subnet-…],securityGroups=[sg-…]}'.",
    }),
  },
  {
    // A Fargate task definition must say so when registered. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
    id: 'InvalidParameterException.launchType',
    matches: (f) => f.code === 'InvalidParameterException' && /does not support launch_type/i.test(f.message ?? ''),
    explain: () => ({
      text: 'This task definition was not registered for Fargate: register a new revision with --requires-compatibilities FARGATE, --network-mode awsvpc and task-level --cpu and --memory.',
    }),
  },
  {
    // The AWS CLI's argparse choices: a misspelt service, operation or waiter. Its own "Maybe you meant" list is the fix.
    id: 'invalid choice',
    matches: (f) => /Found invalid choice '|Invalid choice: '/.test(f.stderr),
    explain(f) {
      const typed = /invalid choice:? '([^']*)'/i.exec(f.stderr)?.[1] ?? ''
      const maybe = [...f.stderr.matchAll(/^\s+\* (\S+)$/gm)].map((m) => m[1])
      return {
        text: maybe.length
          ? `aws does not know "${typed}" here; did you mean ${maybe.map((m) => `"${m}"`).join(' or ')}?`
          : `aws does not know "${typed}" here: aws help lists the services, aws <service> help their commands.`,
      }
    },
  },
  {
    // argparse: an option at the end of the line, or followed by another option, has no value. After the
    // shell this is usually a variable that expanded to nothing (`--target-group-arn $TG` with TG unset).
    id: 'expected one argument',
    matches: (f) => /argument (--[\w-]+): expected one argument/.test(f.stderr),
    explain(f) {
      const option = /argument (--[\w-]+): expected one argument/.exec(f.stderr)?.[1] ?? ''
      const typed = optionValue(f.line, option)
      return {
        text: isVariable(typed)
          ? `${option} got no value because ${typed} is empty or unset in this shell: set it first (echo ${typed} shows what it holds).`
          : `${option} needs a value right after it.`,
      }
    },
  },
  {
    id: 'TargetGroupNotFound',
    matches: awsCode('TargetGroupNotFound'),
    explain(f) {
      const given = optionValue(f.line, '--target-group-arn') ?? optionValue(f.line, '--target-group-arns') ?? optionValue(f.line, '--names')
      return {
        text: `No target group with that name or ARN exists in ${f.region}: aws elbv2 describe-target-groups lists them (target groups are per Region and account).${variableHint(given)}`,
      }
    },
  },
  {
    id: 'LoadBalancerNotFound',
    matches: awsCode('LoadBalancerNotFound'),
    explain(f) {
      const given = optionValue(f.line, '--load-balancer-arn') ?? optionValue(f.line, '--names')
      return { text: `No load balancer with that name or ARN exists in ${f.region}: aws elbv2 describe-load-balancers lists them.${variableHint(given)}` }
    },
  },
  {
    // An EBS volume lives in one Availability Zone and attaches only to instances there.
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html
    id: 'InvalidVolume.ZoneMismatch',
    matches: awsCode('InvalidVolume.ZoneMismatch'),
    explain(f) {
      const volume = /volume '([^']+)'/.exec(f.message ?? '')?.[1]
      const instance = /instance '([^']+)'/.exec(f.message ?? '')?.[1]
      const [volumeZone, instanceZone] = [volume && f.context.zoneOf?.(volume), instance && f.context.zoneOf?.(instance)]
      const where = volumeZone && instanceZone ? `${volume} is in ${volumeZone} and ${instance} in ${instanceZone}` : `${volume ?? 'the volume'} and ${instance ?? 'the instance'} are in different zones`
      return {
        text: `An EBS volume can only attach to an instance in its own Availability Zone: ${where}. Create the volume (or restore a snapshot) in the instance's zone.`,
        highlight: [volume, instance].filter((id): id is string => id !== undefined),
      }
    },
  },
  {
    // IAM: nothing is allowed unless a policy allows it. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
    id: 'AccessDenied',
    matches: (f) => /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(f.code ?? ''),
    explain(f) {
      const who = /User: (\S+) is not authorized/.exec(f.message ?? '')?.[1]
      const action = /to perform: (\S+)/.exec(f.message ?? '')?.[1]
      return {
        text: `${who ? `${who} has` : 'Your identity has'} no IAM policy that allows ${action ?? 'this action'}: an administrator must attach one that grants it (nothing is allowed until a policy allows it).`,
        highlight: who ? [who] : undefined,
      }
    },
  },
  {
    // curl exit codes: https://curl.se/docs/manpage.html#EXIT
    id: 'curl 6',
    matches: (f) => f.curl === 6,
    explain(f) {
      const host = /Could not resolve host: (\S+)/.exec(f.stderr)?.[1] ?? 'that host'
      return { text: `No DNS name ${host} exists here: copy the load balancer's DNSName from aws elbv2 describe-load-balancers (names are long and easy to mistype).` }
    },
  },
  {
    id: 'curl 7',
    matches: (f) => f.curl === 7,
    explain(f) {
      const port = /port (\d+)/.exec(f.stderr)?.[1] ?? urlPort(f.line)
      return { text: `The address answered but nothing listens on port ${port}: check the load balancer has a listener on ${port} (aws elbv2 describe-listeners) or the container maps that port.` }
    },
  },
  {
    id: 'curl 28',
    matches: (f) => f.curl === 28,
    explain(f) {
      const port = /port (\d+)/.exec(f.stderr)?.[1] ?? urlPort(f.line)
      return { text: `Nothing answered on port ${port} in time: usually a security group without an inbound rule for port ${port} from where you are, or no route to the address.` }
    },
  },
  {
    id: 'jq parse error',
    matches: (f) => /^jq: parse error:/m.test(f.stderr),
    explain: (f) => ({
      text: /--output (text|table)/.test(f.line)
        ? 'jq reads JSON, but --output text/table printed plain text: leave --output out (JSON is the default) when piping into jq.'
        : 'jq reads JSON, and what reached it was not JSON: check the command before the | prints JSON.',
    }),
  },
  {
    id: 'command not found',
    matches: (f) => f.exitCode === 127 && /: command not found$/m.test(f.stderr),
    explain(f) {
      const name = /^bash: (\S+): command not found$/m.exec(f.stderr)?.[1] ?? 'that'
      return { text: `${name} is not a program in this sandbox: it has aws, curl, jq and the shell built-ins (type help for the list).` }
    },
  },
]
