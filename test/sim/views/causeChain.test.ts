import { describe, expect, it } from 'vitest'
import { causeChain, createSandbox, type Sandbox } from '../../../src/sandbox/index.ts'
import { ok } from '../../support/exec.ts'

/** A Fargate service behind an ALB, its tasks' group open on 8080 only to the ALB's group (the course's layered groups). */
function serviceBehindAlb(sandbox: Sandbox) {
  const subnets = ok(sandbox, "aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").split('\t')
  const vpc = ok(sandbox, 'aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text')
  const albSg = ok(sandbox, `aws ec2 create-security-group --group-name alb-sg --description "HTTP in" --vpc-id ${vpc} --query GroupId --output text`)
  const taskSg = ok(sandbox, `aws ec2 create-security-group --group-name tasks-sg --description "from the ALB" --vpc-id ${vpc} --query GroupId --output text`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${albSg} --protocol tcp --port 80 --cidr 0.0.0.0/0`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
  const lb = ok(sandbox, `aws elbv2 create-load-balancer --name web-alb --subnets ${subnets.join(' ')} --security-groups ${albSg} --query LoadBalancers[0].LoadBalancerArn --output text`)
  const tg = ok(sandbox, `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ip --query TargetGroups[0].TargetGroupArn --output text`)
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`)
  ok(sandbox, 'aws ecs create-cluster --cluster-name web')
  ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions '[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080}]}]'`)
  ok(sandbox, `aws ecs create-service --cluster web --service-name web --task-definition web --desired-count 2 --launch-type FARGATE --load-balancers targetGroupArn=${tg},containerName=webapp,containerPort=8080 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${taskSg}],assignPublicIp=ENABLED}"`)
  ok(sandbox, 'aws ecs wait services-stable --cluster web --services web')
  ok(sandbox, `aws elbv2 wait target-in-service --target-group-arn ${tg}`)
  return { albSg, taskSg, tg }
}

const revoke = (taskSg: string, albSg: string) => `aws ec2 revoke-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`

describe('"why?" on an event: its cause chain back to the command', () => {
  it('a task stopped because its target failed health checks because the tasks’ security group rule was revoked by this command', () => {
    const sandbox = createSandbox()
    const { albSg, taskSg } = serviceBehindAlb(sandbox)
    ok(sandbox, revoke(taskSg, albSg))
    // Checks time out, ECS stops the task, its target drains (300 s by default), and the task reaches STOPPED.
    sandbox.advance(8 * 60_000)
    const { entries } = sandbox.world().log
    const stopped = entries.find((e) => e.kind === 'task.status' && e.attribute === 'lastStatus' && e.to === 'STOPPED')
    expect(stopped).toBeDefined()
    const chain = causeChain(sandbox.world(), stopped?.id ?? 0)
    expect(chain.map((link) => link.entry.kind)).toEqual(expect.arrayContaining(['task.status', 'target.health', 'securityGroup.rule']))
    // The task's stop was asked for because the target went unhealthy with a timeout; that because of the revoke.
    const health = chain.find((link) => link.entry.kind === 'target.health')?.entry
    expect(health?.kind === 'target.health' && [health.to, health.reasonCode]).toEqual(['unhealthy', 'Target.Timeout'])
    const last = chain.at(-1)
    expect(last?.entry).toMatchObject({ kind: 'securityGroup.rule', action: 'removed', resource: taskSg })
    expect(last?.command).toBe(revoke(taskSg, albSg))
  })

  it('a change a command made directly ends its chain at once, with the command line', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'aws ecs create-cluster --cluster-name solo')
    const created = sandbox.world().log.entries.at(-1)
    expect(causeChain(sandbox.world(), created?.id ?? 0)).toEqual([{ entry: created, command: 'aws ecs create-cluster --cluster-name solo' }])
  })

  it('an event of a timer is caused by the change that scheduled it: a stopped task’s lastStatus by its stop-task', () => {
    const sandbox = createSandbox()
    serviceBehindAlb(sandbox)
    const task = ok(sandbox, "aws ecs list-tasks --cluster web --query 'taskArns[0]' --output text")
    const stop = `aws ecs stop-task --cluster web --task ${task}`
    ok(sandbox, stop)
    sandbox.advance(8 * 60_000)
    const stopped = sandbox.world().log.entries.find((e) => e.resource === task && e.kind === 'task.status' && e.attribute === 'lastStatus' && e.to === 'STOPPED')
    const chain = causeChain(sandbox.world(), stopped?.id ?? 0)
    expect(chain[0].entry).toBe(stopped)
    expect(chain.at(-1)).toMatchObject({ entry: { kind: 'task.status', attribute: 'desiredStatus', to: 'STOPPED' }, command: stop })
  })

  it('an event id the log does not hold has no chain', () => {
    expect(causeChain(createSandbox().world(), 999_999)).toEqual([])
  })
})
