import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'
import { ok, type Sandbox } from '../support/exec.ts'

const TASK_DEFINITION =
  'aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 ' +
  '--execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole ' +
  `--container-definitions '[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080}]}]'`

/** A Fargate task with a public IP in a public subnet, its group open to the learner on 8080; returns the task ARN. */
function runPublicTask(sandbox: Sandbox): string {
  const task = ok(sandbox, 'aws ecs run-task --cluster web --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG],assignPublicIp=ENABLED}" --query tasks[0].taskArn --output text')
  ok(sandbox, `aws ecs wait tasks-running --cluster web --tasks ${task}`)
  return task
}

/** The task's public address, from its ENI (the attachment's networkInterfaceId). */
function publicIp(sandbox: Sandbox, task: string): string {
  const eni = ok(sandbox, `aws ecs describe-tasks --cluster web --tasks ${task} --query "tasks[0].attachments[0].details[?name=='networkInterfaceId'].value" --output text`)
  const address = sandbox.world().ec2.networkInterfaces[eni]?.PublicIp
  expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  return address!
}

const curl = (sandbox: Sandbox, ip: string) => sandbox.exec(`curl -s -m 5 -o /dev/null -w '%{http_code}' http://${ip}:8080/`)

describe('a world resumed from its snapshot answers exactly as the live one', () => {
  it('curl reaches a task that replaced a stopped one (same number of network interfaces) live and resumed alike', () => {
    const live = createSandbox({ seed: 3 })
    ok(live, "SUBNET=$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)")
    ok(live, "VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)")
    ok(live, 'SG=$(aws ec2 create-security-group --group-name web-sg --description "8080 from anywhere" --vpc-id $VPC --query GroupId --output text)')
    ok(live, 'aws ec2 authorize-security-group-ingress --group-id $SG --protocol tcp --port 8080 --cidr 0.0.0.0/0')
    ok(live, 'aws ecs create-cluster --cluster-name web')
    ok(live, TASK_DEFINITION)
    const first = runPublicTask(live)
    expect(curl(live, publicIp(live, first)).stdout).toBe('200')
    ok(live, `aws ecs stop-task --cluster web --task ${first}`)
    ok(live, `aws ecs wait tasks-stopped --cluster web --tasks ${first}`)
    const second = runPublicTask(live)
    const ip = publicIp(live, second)

    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(live.snapshot())) })
    const fromResumed = curl(resumed, ip)
    expect(fromResumed).toEqual({ stdout: '200', stderr: '', exitCode: 0 })
    expect(curl(live, ip)).toEqual(fromResumed)
    expect(JSON.stringify(live.snapshot())).toBe(JSON.stringify(resumed.snapshot()))
  })
})
