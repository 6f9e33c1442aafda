import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

/** Lines from the course notes, as written, plus a few corrected ones: the seeds the mutations start from. */
const COURSE_LINES = [
  'aws elbv2 create-load-balancer --name FargateLoadBalancer\\\n--subnets subnet-0b745a24484d91131 subnet-0e2ab9fd49e193459\\\n--secuirity-groups sg13031acb62a9c273 --scheme internate facing \\\n--type application --ip-adress-type ipv4',
  'aws albv2 create-target-group --name FargateTargetGroup --protocol HTTP \\ --port 8080 --vpc-id vpc-024994381ad361013 --target-type ip',
  'aws elbv2 create-listner --load-balancer-arn <elb-arn> --protocol HTTP\\ --port 80 -default-actions Type=forward, TargetGroupArn=<target-group-arn>',
  'aws ecs create-cluster --cluster-name fargate-cluster',
  'aws ecs register-task-defination -family python-web-app \\\n--task-role-arn arn:aws:iam:8332211724792:role/PythonECSTask \\\n--execution-role-arn arn:aws:iam:8332211724792:role/ecsTaskExecutionRole \\\n--network-mode awsvpc --container-definations file://fargate-container.json \\\n--cpu .5vCPU -memory 1GB -requires-compatibilities FARGATE',
  'aws ecs create-service --cluster <cluster-arn> --service-name\nFargateDemoService2 --task-defination <task-def-arn> --load-balancer file ://load-balancer.json -desired-count 2 --launch-type FARGATE --network-configuration file://task-networking.json -scheduling-strategy REPLICA\n--deployment-container type-ECS',
  'aws ecs list-services --cluster fargatecluster',
  "aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text",
  'aws ec2 describe-security-groups --filters Name=group-name,Values=web --output table',
  'aws ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications \'ResourceType=vpc,Tags=[{Key=Name,Value=lab}]\'',
  'aws ecr describe-repositories --repository-names pythonwebapp --output yaml',
  'TG=$(aws sts get-caller-identity --query Account --output text) && echo "$TG"',
]

const ALLOWED_EXIT_CODES = [0, 1, 2, 127, 130, 252, 253, 254, 255]

/** A course line with one edit: a character dropped, doubled, replaced or inserted, or two words swapped. */
const mutated = fc
  .tuple(fc.constantFrom(...COURSE_LINES), fc.nat(), fc.constantFrom('drop', 'double', 'replace', 'insert', 'swap'), fc.constantFrom(...' -=,[]{}"\'\\$()<>|;&#*?~`\n:/.abcXYZ019'))
  .map(([line, at, edit, ch]) => {
    const i = at % Math.max(1, line.length)
    switch (edit) {
      case 'drop':
        return line.slice(0, i) + line.slice(i + 1)
      case 'double':
        return line.slice(0, i) + line[i] + line.slice(i)
      case 'replace':
        return line.slice(0, i) + ch + line.slice(i + 1)
      case 'insert':
        return line.slice(0, i) + ch + line.slice(i)
      default: {
        const words = line.split(' ')
        const j = i % words.length
        const k = (j + 1) % words.length
        ;[words[j], words[k]] = [words[k], words[j]]
        return words.join(' ')
      }
    }
  })

/** `aws` followed by random words drawn from the CLI's vocabulary and noise. */
const awsish = fc
  .array(fc.oneof(fc.constantFrom('ecs', 'ec2', 'elbv2', 'sts', 'describe-vpcs', 'create-service', '--output', 'table', '--query', 'help', 'wait', '--cluster', 'file://x.json', '--generate-cli-skeleton', '{', '[]', "'a=b'"), fc.string({ maxLength: 8 })), { maxLength: 8 })
  .map((words) => `aws ${words.join(' ')}`)

describe('no line a learner can type breaks the sandbox', () => {
  it('10,000 random and mutated lines: always an answer, only real exit codes, and a failed command changes nothing', () => {
    const sandbox = createSandbox()
    fc.assert(
      fc.property(fc.oneof(mutated, awsish, fc.string({ maxLength: 60 })), (line) => {
        const before = JSON.stringify(sandbox.world())
        const result = sandbox.exec(line)
        expect(ALLOWED_EXIT_CODES).toContain(result.exitCode)
        // One command that failed changes nothing; `a && b` or two pasted lines may legitimately keep a's effect.
        const oneCommand = !/[\n;&|]/.test(line)
        if (result.exitCode !== 0 && oneCommand) expect(JSON.stringify(sandbox.world())).toBe(before)
      }),
      { numRuns: 10_000, seed: 20260105 },
    )
  }, 120_000)
})
