import { describe, expect, test } from 'vitest'
import { CATALOGUE, explainError } from '../../src/course/explain/index.ts'
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts'

/** Runs the lines in a fresh sandbox; the last one is the failure to explain. */
function failing(...lines: string[]): { sandbox: Sandbox; line: string; result: ReturnType<Sandbox['exec']> } {
  const sandbox = createSandbox()
  sandbox.files.write(
    'web.json',
    JSON.stringify([{ name: 'web', image: 'nginx', memory: 256, portMappings: [{ containerPort: 80 }] }]),
  )
  for (const line of lines.slice(0, -1)) sandbox.exec(line)
  const line = lines[lines.length - 1] ?? ''
  return { sandbox, line, result: sandbox.exec(line) }
}

const explained = (...lines: string[]) => {
  const { line, result } = failing(...lines)
  expect(result.exitCode).not.toBe(0)
  return explainError(result, line)
}


describe('explain this error', () => {
  test('ClusterNotFoundException names the cluster and the Region, and how to create it', () => {
    expect(explained('aws ecs list-services --cluster demo')).toEqual({
      text: 'There is no cluster named demo in us-east-1 yet: create it with aws ecs create-cluster --cluster-name demo, or list the ones there are with aws ecs list-clusters.',
      highlight: ['us-east-1'],
    })
    expect(explained('aws ecs list-services --region eu-west-1')?.text).toContain('no cluster named default in eu-west-1')
  })

  test('a cluster given as an unset variable points at the variable', () => {
    expect(explained('CLUSTER=demo', 'aws ecs describe-services --cluster $CLUSTER --services web')?.text).toContain('echo $CLUSTER')
  })

  test('ServiceNotFoundException names the cluster to list', () => {
    expect(explained('aws ecs create-cluster --cluster-name demo', 'aws ecs update-service --cluster demo --service web --desired-count 2')?.text).toBe(
      'Cluster demo has no service named web: aws ecs list-services --cluster demo lists the ones it has.',
    )
  })

  test('an awsvpc service without --network-configuration', () => {
    const text = explained(
      'aws ecs create-cluster --cluster-name demo',
      'aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --container-definitions file://web.json',
      'aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1 --launch-type FARGATE',
    )?.text
    expect(text).toMatch(/^In awsvpc network mode every task gets its own network interface/)
  })

  test('a Fargate launch of a task definition not registered for Fargate', () => {
    const text = explained(
      'aws ecs create-cluster --cluster-name demo',
      'aws ecs register-task-definition --family web --container-definitions file://web.json',
      `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)]}"`,
    )?.text
    expect(text).toMatch(/^This task definition was not registered for Fargate/)
  })

  test('a misspelt operation gets the CLI\'s own suggestion', () => {
    expect(explained('aws ecs creat-service')?.text).toBe('aws does not know "creat-service" here; did you mean "create-service"?')
    expect(explained('aws ecss list-clusters')?.text).toBe('aws does not know "ecss" here; did you mean "ecs"?')
  })

  test('TargetGroupNotFound, and the variable that was never set', () => {
    expect(explained('aws elbv2 describe-target-groups --names web')?.text).toMatch(/^No target group with that name or ARN exists in us-east-1/)
    const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'
    expect(explained(`TG=${arn}`, 'aws elbv2 describe-target-health --target-group-arn $TG')?.text).toMatch(/check it is set: echo \$TG$/)
  })

  test('an option left without a value by an empty variable', () => {
    expect(explained('aws elbv2 describe-target-health --target-group-arn $TG')?.text).toBe(
      '--target-group-arn got no value because $TG is empty or unset in this shell: set it first (echo $TG shows what it holds).',
    )
  })

  test('LoadBalancerNotFound', () => {
    expect(explained('aws elbv2 describe-load-balancers --names web')?.text).toMatch(/^No load balancer with that name or ARN exists/)
  })

  test('curl: a name that does not resolve (exit 6)', () => {
    expect(explained('curl http://web-123.us-east-1.elb.amazonaws.com/')?.text).toMatch(/^No DNS name web-123\.us-east-1\.elb\.amazonaws\.com exists here/)
  })

  test('curl: no answer in time (exit 28)', () => {
    expect(explained('curl --max-time 2 http://10.0.0.1:8080/')?.text).toMatch(/^Nothing answered on port 8080 in time/)
  })

  test('jq fed aws text output', () => {
    expect(explained('aws ecs create-cluster --cluster-name demo', 'aws ecs list-clusters --output text | jq .')?.text).toMatch(/--output text\/table printed plain text/)
  })

  test('a program the sandbox does not have', () => {
    expect(explained('kubectl get pods')?.text).toBe('kubectl is not a program in this sandbox: it has aws, curl, jq and the shell built-ins (type help for the list).')
  })

  // The simulation does not produce these yet from a short script (EBS attachments and IAM denials are being
  // modelled; a refused connection needs a running task), so these feed the tools' own text for them
  // (../shared/reference/aws-fidelity.md: EC2 errors, 1.19).
  test('InvalidVolume.ZoneMismatch names both zones when the view knows them, and highlights both resources', () => {
    const result = {
      stdout: '',
      stderr: "\naws: [ERROR]: An error occurred (InvalidVolume.ZoneMismatch) when calling the AttachVolume operation: The volume 'vol-0b2c3d4e5f6a78901' is not in the same availability zone as instance 'i-0123456789abcdef0'\n",
      exitCode: 254,
    }
    const zones: Record<string, string> = { 'vol-0b2c3d4e5f6a78901': 'us-east-1a', 'i-0123456789abcdef0': 'us-east-1b' }
    expect(explainError(result, 'aws ec2 attach-volume --volume-id vol-0b2c3d4e5f6a78901 --instance-id i-0123456789abcdef0 --device /dev/xvdf', { zoneOf: (id) => zones[id] })).toEqual({
      text: "An EBS volume can only attach to an instance in its own Availability Zone: vol-0b2c3d4e5f6a78901 is in us-east-1a and i-0123456789abcdef0 in us-east-1b. Create the volume (or restore a snapshot) in the instance's zone.",
      highlight: ['vol-0b2c3d4e5f6a78901', 'i-0123456789abcdef0'],
    })
  })

  test('curl: refused, nothing listens on the port (exit 7; the curl program\'s wording, src/cli/curl)', () => {
    const result = { stdout: '', stderr: "curl: (7) Failed to connect to 10.0.1.25 port 8080 after 2 ms: Couldn't connect to server\n", exitCode: 7 }
    expect(explainError(result, 'curl http://10.0.1.25:8080/')?.text).toBe(
      'The address answered but nothing listens on port 8080: check the load balancer has a listener on 8080 (aws elbv2 describe-listeners) or the container maps that port.',
    )
  })

  test('AccessDeniedException names who and which action', () => {
    const result = {
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (AccessDeniedException) when calling the PutAccountSetting operation: User: arn:aws:iam::123456789012:user/learner is not authorized to perform: ecs:PutAccountSetting on resource: * because no identity-based policy allows the ecs:PutAccountSetting action\n',
      exitCode: 254,
    }
    expect(explainError(result, 'aws ecs put-account-setting --name awsvpcTrunking --value enabled')).toEqual({
      text: 'arn:aws:iam::123456789012:user/learner has no IAM policy that allows ecs:PutAccountSetting: an administrator must attach one that grants it (nothing is allowed until a policy allows it).',
      highlight: ['arn:aws:iam::123456789012:user/learner'],
    })
  })

  test('nothing to add: a success, or grep finding nothing', () => {
    const { result, line } = failing('aws ecs list-clusters')
    expect(explainError(result, line)).toBeUndefined()
    const grep = failing('echo a | grep b')
    expect(grep.result.exitCode).toBe(1)
    expect(explainError(grep.result, grep.line)).toBeUndefined()
  })

  test('every catalogue entry is covered above', () => {
    expect(CATALOGUE.map((e) => e.id)).toEqual([
      'ClusterNotFoundException', 'ServiceNotFoundException', 'InvalidParameterException.networkConfiguration', 'InvalidParameterException.launchType',
      'invalid choice', 'expected one argument', 'TargetGroupNotFound', 'LoadBalancerNotFound', 'InvalidVolume.ZoneMismatch', 'AccessDenied', 'curl 6', 'curl 7', 'curl 28',
      'jq parse error', 'command not found',
    ])
  })
})
