import { beforeAll, it } from 'vitest'
import { createSandbox, loadHelpPages } from '../../src/sandbox/index.ts'

/**
 * `npm run bench`: the CLI's own costs. Prints figures, asserts nothing (house rule 7).
 * - a 30-line `--cli-input-json` create-service: parse and validate (targets under 1 ms median); the cluster does
 *   not exist, so the service answers at once and the figure is the CLI's work plus one rejected call;
 * - rendering `aws ecs create-service help` (target under 20 ms).
 */
const INPUT = {
  cluster: 'no-such-cluster',
  serviceName: 'FargateDemoService2',
  taskDefinition: 'python-web-app:1',
  loadBalancers: [
    { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/FargateTargetGroup/0123456789abcdef', containerName: 'webapp', containerPort: 8080 },
  ],
  desiredCount: 2,
  launchType: 'FARGATE',
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'ENABLED' } },
  schedulingStrategy: 'REPLICA',
  tags: [{ key: 'course', value: 'containers' }],
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]

function time(fn: () => void, runs: number): number[] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return times
}

beforeAll(() => loadHelpPages())

it('CLI parse-and-validate and help rendering', () => {
  const sandbox = createSandbox()
  const json = JSON.stringify(INPUT, null, 2)
  sandbox.files.write('create-service.json', json)
  const line = 'aws ecs create-service --cli-input-json file://create-service.json'
  time(() => sandbox.exec(line), 200)
  const parse = time(() => sandbox.exec(line), 2000)
  time(() => sandbox.exec('aws ecs create-service help'), 20)
  const help = time(() => sandbox.exec('aws ecs create-service help'), 200)
  console.log(
    [
      `create-service --cli-input-json (${json.split('\n').length} lines): median ${median(parse).toFixed(3)} ms per exec (target < 1 ms)`,
      `aws ecs create-service help: median ${median(help).toFixed(2)} ms per render (target < 20 ms)`,
    ].join('\n'),
  )
}, 300_000)
