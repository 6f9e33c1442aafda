import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { courseLoadBalancer, curl, dnsName, json, ok, type Sandbox } from './harness.ts'

const AMI = '$(aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text)'
const error = (code: string, op: string, message: string) => `\naws: [ERROR]: An error occurred (${code}) when calling the ${op} operation: ${message}\n`

/**
 * The course load balancer plus an instance in its own `hosts` group ($HOSTS) and a target group of type instance
 * ($ITG) behind a second listener on 8080 (the `web` group lets the learner in on 80 and 8080). $I is the instance.
 */
function withInstance(): Sandbox {
  const sandbox = courseLoadBalancer()
  ok(sandbox, 'HOSTS=$(aws ec2 create-security-group --group-name hosts --description "container instances" --vpc-id $VPC --query GroupId --output text)')
  ok(sandbox, 'SUBNET=$(aws ec2 describe-subnets --query Subnets[0].SubnetId --output text)')
  ok(sandbox, `I=$(aws ec2 run-instances --image-id ${AMI} --instance-type t3.large --subnet-id $SUBNET --security-group-ids $HOSTS --query Instances[0].InstanceId --output text)`)
  ok(sandbox, 'ITG=$(aws elbv2 create-target-group --name hosts-tg --protocol HTTP --port 80 --vpc-id $VPC --query TargetGroups[0].TargetGroupArn --output text)')
  ok(sandbox, 'aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 8080 --default-actions Type=forward,TargetGroupArn=$ITG')
  sandbox.advance(60_000)
  return sandbox
}

const health = (sandbox: Sandbox) => json(sandbox, 'aws elbv2 describe-target-health --target-group-arn $ITG').TargetHealthDescriptions
const instanceId = (sandbox: Sandbox) => ok(sandbox, 'echo $I').trim()

describe('target groups of type instance', () => {
  it('register-targets takes Id=i-…,Port=… pairs; the same instance on two host ports is two targets, listed without a zone', () => {
    const sandbox = withInstance()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768 Id=$I,Port=32769')
    const id = instanceId(sandbox)
    expect(health(sandbox)).toEqual([
      { Target: { Id: id, Port: 32768 }, HealthCheckPort: '32768', TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' } },
      { Target: { Id: id, Port: 32769 }, HealthCheckPort: '32769', TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' } },
    ])
  })

  it.each([
    ['an instance that does not exist', 'Id=i-0123456789abcdef0,Port=80', 'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.'],
    ['an IP address', 'Id=172.31.5.5,Port=80', 'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.'],
  ])('%s is refused in ELB’s words and nothing is registered', (_what, targets, message) => {
    const sandbox = withInstance()
    const r = sandbox.exec(`aws elbv2 register-targets --target-group-arn $ITG --targets ${targets}`)
    expect(r.stderr).toBe(error('InvalidTarget', 'RegisterTargets', message))
    expect(health(sandbox)).toEqual([])
  })

  it('an instance in another VPC is refused', () => {
    const sandbox = withInstance()
    ok(sandbox, 'OTHER=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)')
    ok(sandbox, 'OTHER_SUBNET=$(aws ec2 create-subnet --vpc-id $OTHER --cidr-block 10.0.1.0/24 --availability-zone us-east-1a --query Subnet.SubnetId --output text)')
    ok(sandbox, `J=$(aws ec2 run-instances --image-id ${AMI} --instance-type t3.micro --subnet-id $OTHER_SUBNET --query Instances[0].InstanceId --output text)`)
    sandbox.advance(60_000)
    expect(sandbox.exec('aws elbv2 register-targets --target-group-arn $ITG --targets Id=$J,Port=80').stderr).toBe(
      error('InvalidTarget', 'RegisterTargets', 'The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.'),
    )
  })

  it('an instance that is not running cannot be registered; one stopped after registering is unused (Target.InvalidState)', () => {
    const sandbox = withInstance()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768')
    ok(sandbox, 'aws ec2 stop-instances --instance-ids $I')
    sandbox.advance(120_000)
    expect(health(sandbox)[0].TargetHealth).toEqual({ State: 'unused', Reason: 'Target.InvalidState', Description: 'Target is in the stopped state' })
    // An unused target gets no requests: with no other target the ALB answers 503 itself.
    expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${dnsName(sandbox)}:8080/`]).stdout).toBe('503')
    const r = sandbox.exec('aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32769')
    expect(r.stderr).toBe(error('InvalidTarget', 'RegisterTargets', `The following targets are not in a running state and cannot be registered: '${instanceId(sandbox)}'`))
    expect(health(sandbox)).toHaveLength(1)
  })

  it('health checks go to the instance’s IP and host port: blocked by its security group they time out; allowed from the ALB’s group they reach the port', () => {
    const sandbox = withInstance()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768')
    sandbox.advance(3 * 60_000)
    expect(health(sandbox)[0].TargetHealth).toEqual({ State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' })
    const host = dnsName(sandbox)
    expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${host}:8080/`]).stdout).toBe('504')

    // The fix: the hosts' group lets the load balancer's group in on the ephemeral range.
    ok(sandbox, 'aws ec2 authorize-security-group-ingress --group-id $HOSTS --ip-permissions IpProtocol=tcp,FromPort=32768,ToPort=65535,UserIdGroupPairs=[{GroupId=$SG}]')
    sandbox.advance(3 * 60_000)
    // Now the packets arrive, and nothing listens on that port yet: refused, not timed out.
    expect(health(sandbox)[0].TargetHealth).toEqual({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' })
    expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${host}:8080/`]).stdout).toBe('502')
  })

  it('curl -v names the instance target and each security group decision on the way', () => {
    const sandbox = withInstance()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768')
    sandbox.advance(3 * 60_000)
    const address = ok(sandbox, 'aws ec2 describe-instances --instance-ids $I --query Reservations[0].Instances[0].PrivateIpAddress --output text').trim()
    const [sg, hosts] = [ok(sandbox, 'echo $SG').trim(), ok(sandbox, 'echo $HOSTS').trim()]
    const lines = curl(sandbox, ['-v', `http://${dnsName(sandbox)}:8080/`]).stderr.split('\n')
    const sandboxLines = lines.filter((l) => l.startsWith('* [sandbox]'))
    expect(sandboxLines.slice(-4)).toEqual([
      '* [sandbox] target group hosts-tg',
      `* [sandbox] target ${instanceId(sandbox)} (${address}):32768 (${json(sandbox, 'aws ec2 describe-instances --instance-ids $I').Reservations[0].Instances[0].Placement.AvailabilityZone})`,
      `* [sandbox] security group ${sg} allows outbound all traffic to 0.0.0.0/0`,
      expect.stringMatching(new RegExp(`^\\* \\[sandbox\\] security group ${hosts} drops TCP 32768 from 172\\.31\\.[\\d.]+ \\(${sg}\\): no inbound rule allows it$`)),
    ])
    expect(lines.indexOf('* Request completely sent off')).toBeLessThan(lines.indexOf('* [sandbox] target group hosts-tg'))
    // The hops come before the ALB's answer (a 504 from the ALB, which never heard back).
    expect(lines.findIndex((l) => l.startsWith('< HTTP/1.1 504 '))).toBeGreaterThan(lines.indexOf(sandboxLines.at(-1)!))
  })
})

describe('create-service checks the target type against the network mode', () => {
  const register = (mode: string) =>
    `aws ecs register-task-definition --family web-${mode} --network-mode ${mode} --memory 256 --container-definitions '[{"name":"web","image":"nginx","portMappings":[{"containerPort":80}]}]'`

  it.each([
    ['bridge', '$TG', 'ip'],
    ['awsvpc', '$ITG', 'instance'],
  ])('a %s service behind a target group of the other type is refused', (mode, tg, type) => {
    const sandbox = withInstance()
    ok(sandbox, 'aws ecs create-cluster --cluster-name ec2-cluster')
    ok(sandbox, register(mode))
    const network = mode === 'awsvpc' ? '--network-configuration "awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG]}"' : ''
    const r = sandbox.exec(`aws ecs create-service --cluster ec2-cluster --service-name web --task-definition web-${mode} --desired-count 1 --launch-type EC2 --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80 ${network}`)
    const arn = ok(sandbox, `echo ${tg}`).trim()
    expect(r.stderr).toBe(error('InvalidParameterException', 'CreateService', `The provided target group ${arn} has target type ${type}, which is incompatible with the ${mode} network mode specified in the task definition.`))
    expect(json(sandbox, 'aws ecs list-services --cluster ec2-cluster').serviceArns).toEqual([])
  })
})

/**
 * The contract with ECS on EC2: a bridge task's container is found at (instance private IP, hostPort) in ECS's
 * endpoint index, with its `networkBindings` mapping that host port to its container port. Until container instances
 * place bridge tasks, the fixture moves a running task's endpoint there through a snapshot, as ECS will index it.
 */
describe('a bridge task behind an instance target', () => {
  function bridgeTaskOnInstance(): { sandbox: Sandbox; taskId: string } {
    const before = withInstance()
    ok(before, 'aws ecs create-cluster --cluster-name c')
    ok(before, 'aws ecs register-task-definition --family app --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --container-definitions \'[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080}]}]\'')
    ok(before, 'aws ecs run-task --cluster c --task-definition app --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG],assignPublicIp=ENABLED}"')
    before.advance(3 * 60_000)
    const snapshot = before.snapshot()
    const { world } = snapshot
    const task = Object.values(world.ecs.tasks)[0]
    expect(task.lastStatus).toBe('RUNNING')
    const instance = Object.values(world.ec2.instances)[0]
    world.ecs.taskDefinitions[task.taskDefinitionArn].networkMode = 'bridge'
    task.containers[0].networkBindings = [{ bindIP: '0.0.0.0', containerPort: 8080, hostPort: 32768, protocol: 'tcp' }]
    for (const key of Object.keys(world.ecs.endpoints)) delete world.ecs.endpoints[key]
    world.ecs.endpoints[`${instance.PrivateIpAddress}:32768`] = { taskArn: task.taskArn, containerName: 'webapp' }
    const sandbox = createSandbox({ snapshot })
    return { sandbox, taskId: task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1) }
  }

  it('with the ephemeral range open to the ALB’s group, the target is healthy and curl -v shows docker0 NAT and the host port', () => {
    const { sandbox, taskId } = bridgeTaskOnInstance()
    ok(sandbox, 'aws ec2 authorize-security-group-ingress --group-id $HOSTS --protocol tcp --port 32768-65535 --source-group $SG')
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768')
    sandbox.advance(3 * 60_000)
    expect(health(sandbox)[0]).toEqual({ Target: { Id: instanceId(sandbox), Port: 32768 }, HealthCheckPort: '32768', TargetHealth: { State: 'healthy' } })
    const r = sandbox.exec(`curl -v http://${dnsName(sandbox)}:8080/`)
    expect(r.stdout).toContain(`Task: ${taskId}`)
    const hops = r.stderr.split('\n').filter((l) => l.startsWith('* [sandbox] '))
    const address = ok(sandbox, 'aws ec2 describe-instances --instance-ids $I --query Reservations[0].Instances[0].PrivateIpAddress --output text').trim()
    expect(hops.slice(-3)).toEqual([
      `* [sandbox] security group ${ok(sandbox, 'echo $HOSTS').trim()} allows inbound TCP 32768-65535 from ${ok(sandbox, 'echo $SG').trim()}`,
      `* [sandbox] docker0 NAT ${address}:32768 → container webapp:8080 (bridge)`,
      `* [sandbox] task ${taskId} container webapp:8080 (host port 32768)`,
    ])
  })

  it('without the rule the same target times out (Target.Timeout) and the ALB answers 504', () => {
    const { sandbox } = bridgeTaskOnInstance()
    ok(sandbox, 'aws elbv2 register-targets --target-group-arn $ITG --targets Id=$I,Port=32768')
    sandbox.advance(3 * 60_000)
    expect(health(sandbox)[0].TargetHealth.Reason).toBe('Target.Timeout')
    expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${dnsName(sandbox)}:8080/`]).stdout).toBe('504')
  })
})
