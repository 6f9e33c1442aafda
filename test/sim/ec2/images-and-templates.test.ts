import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok, fails } from '../../support/exec.ts'

describe('finding an AMI: SSM public parameters and describe-images', () => {
  it('the ECS-optimized AL2023 parameter names an image with the ECS agent; the plain AL2023 one an image without', () => {
    const s = createSandbox()
    const ecs = ok(s, 'aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text')
    const plain = ok(s, 'aws ssm get-parameters --names /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameters[0].Value --output text')
    expect(ok(s, `aws ec2 describe-images --image-ids ${ecs} --query Images[0].Name --output text`)).toMatch(/^al2023-ami-ecs-hvm-/)
    expect(ok(s, `aws ec2 describe-images --image-ids ${plain} --query Images[0].Name --output text`)).toMatch(/^al2023-ami-2023/)
    const metadata = JSON.parse(ok(s, 'aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended --query Parameter.Value --output text'))
    expect(metadata.image_id).toBe(ecs)
    expect(metadata.os).toBe('Amazon Linux 2023')
  })

  it('an older ECS-optimized revision exists to patch from, found by name', () => {
    const s = createSandbox()
    const names = ok(s, "aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-ecs-hvm-*' --query 'sort(Images[].Name)' --output text").split('\t')
    expect(names).toHaveLength(2)
  })

  it('an unknown parameter is ParameterNotFound for get-parameter and an InvalidParameters entry for get-parameters', () => {
    const s = createSandbox()
    expect(fails(s, 'aws ssm get-parameter --name /aws/service/nope')).toContain('(ParameterNotFound) when calling the GetParameter operation')
    expect(JSON.parse(ok(s, 'aws ssm get-parameters --names /aws/service/nope')).InvalidParameters).toEqual(['/aws/service/nope'])
  })
})

describe('describe-instance-types', () => {
  it('gives vCPUs, memory, ENIs and IPv4 per ENI from the data table', () => {
    const s = createSandbox()
    const t = JSON.parse(ok(s, 'aws ec2 describe-instance-types --instance-types m5.large --query InstanceTypes[0]'))
    expect(t.VCpuInfo.DefaultVCpus).toBe(2)
    expect(t.MemoryInfo.SizeInMiB).toBe(8192)
    expect(t.NetworkInfo.MaximumNetworkInterfaces).toBe(3)
    expect(t.NetworkInfo.Ipv4AddressesPerInterface).toBe(10)
    expect(Number(ok(s, 'aws ec2 describe-instance-types --query "length(InstanceTypes)"'))).toBeGreaterThanOrEqual(12)
    expect(fails(s, 'aws ec2 describe-instance-types --instance-types t3.mirco')).toContain('(InvalidInstanceType)')
  })
})

describe('launch templates', () => {
  it('run-instances from a template uses its data under the explicit options; versions and the default version', () => {
    const s = createSandbox()
    const ami = ok(s, 'aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text')
    const userData = btoa('#!/bin/bash\necho ECS_CLUSTER=web >> /etc/ecs/ecs.config\n')
    s.files.write('lt.json', JSON.stringify({ ImageId: ami, InstanceType: 't3.small', UserData: userData }))
    const lt = JSON.parse(ok(s, 'aws ec2 create-launch-template --launch-template-name ecs-hosts --launch-template-data file://lt.json')).LaunchTemplate
    expect(lt.LaunchTemplateId).toMatch(/^lt-0[0-9a-f]{16}$/)
    expect([lt.DefaultVersionNumber, lt.LatestVersionNumber]).toEqual([1, 1])
    expect(fails(s, 'aws ec2 create-launch-template --launch-template-name ecs-hosts --launch-template-data file://lt.json')).toContain('(InvalidLaunchTemplateName.AlreadyExistsException)')

    const v2 = JSON.parse(ok(s, `aws ec2 create-launch-template-version --launch-template-id ${lt.LaunchTemplateId} --source-version 1 --launch-template-data '{"InstanceType":"m5.large"}'`)).LaunchTemplateVersion
    expect(v2.VersionNumber).toBe(2)
    expect(v2.LaunchTemplateData.ImageId).toBe(ami)
    expect(v2.LaunchTemplateData.UserData).toBe(userData)

    const fromDefault = JSON.parse(ok(s, 'aws ec2 run-instances --launch-template LaunchTemplateName=ecs-hosts --query Instances[0]'))
    expect(fromDefault.InstanceType).toBe('t3.small')
    const fromLatest = ok(s, `aws ec2 run-instances --launch-template LaunchTemplateId=${lt.LaunchTemplateId},Version='$Latest' --query Instances[0].InstanceType --output text`)
    expect(fromLatest).toBe('m5.large')
    const overridden = ok(s, 'aws ec2 run-instances --launch-template LaunchTemplateName=ecs-hosts --instance-type c5.large --query Instances[0].InstanceId --output text')
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${overridden} --query Reservations[0].Instances[0].InstanceType --output text`)).toBe('c5.large')
    // The template's user data (base64 you provide) reaches the instance as is.
    expect(ok(s, `aws ec2 describe-instance-attribute --instance-id ${overridden} --attribute userData --query UserData.Value --output text`)).toBe(userData)

    ok(s, `aws ec2 modify-launch-template --launch-template-id ${lt.LaunchTemplateId} --default-version 2`)
    expect(ok(s, 'aws ec2 describe-launch-templates --launch-template-names ecs-hosts --query LaunchTemplates[0].DefaultVersionNumber')).toBe('2')
    expect(ok(s, `aws ec2 describe-launch-template-versions --launch-template-id ${lt.LaunchTemplateId} --query LaunchTemplateVersions[].[VersionNumber,DefaultVersion] --output text`)).toBe('2\tTrue\n1\tFalse')
  })

  it('a template whose user data is not base64 is refused', () => {
    const s = createSandbox()
    expect(fails(s, `aws ec2 create-launch-template --launch-template-name bad --launch-template-data '{"UserData":"#!/bin/bash echo hi"}'`)).toContain('(InvalidUserData.Malformed)')
  })
})

describe('run-instances help says where the sandbox departs from AWS', () => {
  it('names the instance types offered in every Availability Zone', () => {
    const s = createSandbox()
    const help = ok(s, 'aws ec2 run-instances help').replace(/\s+/g, ' ')
    expect(help).toContain('In Container Sandbox: every instance type is offered in every Availability Zone')
  })
})
