import { describe, expect, it } from 'vitest'
import { lesson, upTo } from './support.ts'

// The network lessons' typical mistakes: the learner does almost the right thing, and the step's goal stays unmet.

describe('network modes lesson: typical mistakes leave the goal unmet', () => {
  const modes = lesson('network-modes')

  it('awsvpc: run-task without --network-configuration is refused, so no awsvpc task runs', () => {
    const session = upTo(modes, 'awsvpc')
    session.exec('aws ecs register-task-definition --family web-awsvpc --network-mode awsvpc --requires-compatibilities EC2 --container-definitions file://web.json')
    const run = session.exec('aws ecs run-task --cluster modes --task-definition web-awsvpc --count 3 --launch-type EC2')
    expect(run.stderr).toContain('InvalidParameterException')
    session.advance(60_000)
    expect(session.goal('awsvpc').met).toBe(false)
  })

  it('host: a hostPort other than the container port is refused in ECS words, and nothing runs in host mode', () => {
    const session = upTo(modes, 'host')
    session.sandbox.files.write('web-8080.json', '[{"name":"web","image":"nginx:latest","memory":256,"portMappings":[{"containerPort":80,"hostPort":8080}]}]')
    const register = session.exec('aws ecs register-task-definition --family web-host --network-mode host --requires-compatibilities EC2 --container-definitions file://web-8080.json')
    expect(register.stderr).toContain('When networkMode=host, the host ports and container ports in port mappings must match.')
    session.exec('aws ecs run-task --cluster modes --task-definition web-host --count 2 --launch-type EC2')
    session.advance(60_000)
    expect(session.goal('host').met).toBe(false)
  })
})

describe('dynamic host ports lesson: typical mistakes leave the goal unmet', () => {
  const ports = lesson('dynamic-host-ports')

  it('a target group of type ip: ECS refuses the bridge service, so no task runs on the instance', () => {
    const session = upTo(ports, 'two-tasks')
    session.exec('aws elbv2 create-target-group --name web-ip --protocol HTTP --port 80 --vpc-id $VPC --target-type ip')
    const tg = session.exec("aws elbv2 describe-target-groups --names web-ip --query 'TargetGroups[0].TargetGroupArn' --output text").stdout.trim()
    const create = session.exec(`aws ecs create-service --cluster ports --service-name web --task-definition web --desired-count 2 --launch-type EC2 --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`)
    expect(create.stderr).toContain('has target type ip, which is incompatible with the bridge network mode specified in the task definition.')
    session.advance(120_000)
    expect(session.goal('two-tasks').met).toBe(false)
  })

  it('opening only the container port 80 on the instance: the health checks of the dynamic ports still time out', () => {
    const session = upTo(ports, 'open-the-range')
    session.exec('aws ec2 authorize-security-group-ingress --group-id $HOST_SG --protocol tcp --port 80 --source-group $ALB_SG')
    session.advance(5 * 60_000)
    const states = session.exec("aws elbv2 describe-target-health --target-group-arn $TG_ARN --query 'TargetHealthDescriptions[].TargetHealth.State' --output text").stdout
    // ECS keeps replacing the tasks that fail: old targets draining, new ones initial, none healthy.
    expect(states.trim().split('\t').length).toBeGreaterThan(1)
    expect(states.trim().split('\t')).not.toContain('healthy')
    expect(session.goal('open-the-range').met).toBe(false)
  })
})
