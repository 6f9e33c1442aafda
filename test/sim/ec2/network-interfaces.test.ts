import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok, type Sandbox } from '../../support/exec.ts'

/** A Fargate task in a public subnet; `publicIp` ENABLED or DISABLED. Returns its ENI id. */
function taskEni(sandbox: Sandbox, publicIp: 'ENABLED' | 'DISABLED'): string {
  ok(sandbox, 'aws ecs create-cluster --cluster-name web')
  ok(
    sandbox,
    `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"nginx","portMappings":[{"containerPort":80}]}]'`,
  )
  const subnet = ok(sandbox, "aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text")
  const task = ok(sandbox, `aws ecs run-task --cluster web --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=${publicIp}}" --query tasks[0].taskArn --output text`)
  // Right after run-task: the ENI exists from PROVISIONING until the task has stopped.
  return ok(sandbox, `aws ecs describe-tasks --cluster web --tasks ${task} --query "tasks[0].attachments[0].details[?name=='networkInterfaceId'].value | [0]" --output text`)
}

describe('describe-network-interfaces shows a task’s public IP as EC2 does', () => {
  it('an interface with a public IP carries Association: IpOwnerId amazon, the public DNS name and the address', () => {
    const sandbox = createSandbox()
    const eni = taskEni(sandbox, 'ENABLED')
    const association = JSON.parse(ok(sandbox, `aws ec2 describe-network-interfaces --network-interface-ids ${eni} --query NetworkInterfaces[0].Association`))
    expect(association.IpOwnerId).toBe('amazon')
    expect(association.PublicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(association.PublicDnsName).toBe(`ec2-${association.PublicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`)
    expect(Object.keys(association)).toEqual(['IpOwnerId', 'PublicDnsName', 'PublicIp'])
    // The address the learner curls is the one EC2 shows, and the association.public-ip filter finds it.
    const found = ok(sandbox, `aws ec2 describe-network-interfaces --filters Name=association.public-ip,Values=${association.PublicIp} --query NetworkInterfaces[].NetworkInterfaceId --output text`)
    expect(found).toBe(eni)
  })

  it('an interface without one has no Association', () => {
    const sandbox = createSandbox()
    const eni = taskEni(sandbox, 'DISABLED')
    expect(ok(sandbox, `aws ec2 describe-network-interfaces --network-interface-ids ${eni} --query NetworkInterfaces[0].Association`)).toBe('null')
  })
})
