import { beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, loadHelpPages } from '../../../src/sandbox/index.ts'

beforeAll(() => loadHelpPages())

describe('help pages generated from the models', () => {
  it('`aws help` lists the services', () => {
    const { stdout, exitCode } = createSandbox().exec('aws help')
    expect(exitCode).toBe(0)
    expect(stdout).toContain('AVAILABLE SERVICES')
    for (const service of ['ecs', 'elbv2', 'ec2', 'logs', 'cloudwatch']) expect(stdout).toContain(`o ${service}\n`)
  })

  it('`aws cloudwatch help`: NAME is the bare command as the CLI\'s man page prints it, DESCRIPTION the service\'s own', () => {
    const { stdout } = createSandbox().exec('aws cloudwatch help')
    // The AWS CLI renders the page title with no subtitle, so its NAME line is `cloudwatch -` for every service.
    expect(stdout).toMatch(/\nNAME\n {7}cloudwatch -\n\nDESCRIPTION\n {7}Amazon CloudWatch \S+/)
  })

  it('`aws ecs help` lists every operation and the waiters', () => {
    const { stdout } = createSandbox().exec('aws ecs help')
    expect(stdout).toMatch(/o create-service( \(simulated\))?\n/)
    expect(stdout).toContain('o describe-task-sets\n')
    expect(createSandbox().exec('aws ec2 help').stdout).toContain('o describe-subnets (simulated)\n')
    expect(stdout).toContain('o services-stable\n')
  })

  it('`aws ecs create-service help` shows the description, synopsis, typed options, required ones and enum values', () => {
    const { stdout, exitCode } = createSandbox().exec('aws ecs create-service help')
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/DESCRIPTION\n\s+Runs and maintains your desired number of tasks/)
    expect(stdout).toContain('--service-name <value>\n')
    expect(stdout).toContain('[--desired-count <value>]')
    expect(stdout).toContain('[--enable-execute-command | --disable-execute-command]')
    expect(stdout).toMatch(/--service-name \(string\) \[required\]/)
    expect(stdout).toMatch(/--launch-type \(string\)\n[\s\S]*?Possible values:\n\n\s+o EC2\n\n\s+o FARGATE/)
    expect(stdout).toContain('EXAMPLES')
  })

  it('a paginated operation says so', () => {
    expect(createSandbox().exec('aws ecs list-clusters help').stdout).toContain('list-clusters is a paginated operation.')
  })
})

describe('skeletons', () => {
  it('--generate-cli-skeleton prints the input with placeholders in model order and makes no call', () => {
    const sandbox = createSandbox()
    const before = JSON.stringify(sandbox.snapshot())
    const { stdout, exitCode } = sandbox.exec('aws ecs create-cluster --generate-cli-skeleton')
    expect(exitCode).toBe(0)
    const skeleton = JSON.parse(stdout)
    expect(Object.keys(skeleton).slice(0, 2)).toEqual(['clusterName', 'tags'])
    expect(skeleton.tags).toEqual([{ key: '', value: '' }])
    expect(JSON.stringify({ ...sandbox.snapshot(), shell: null })).toBe(JSON.stringify({ ...JSON.parse(before), shell: null }))
  })

  it('the output skeleton names each member (fidelity §1.9)', () => {
    expect(createSandbox().exec('aws ecs list-clusters --generate-cli-skeleton output').stdout).toBe(
      '{\n    "clusterArns": [\n        "String"\n    ],\n    "nextToken": "nextToken"\n}\n',
    )
  })
})

describe('waiters run on the virtual clock', () => {
  it('an unknown waiter suggests the close one', () => {
    expect(createSandbox().exec('aws ecs wait services-stabl').stderr).toContain('Maybe you meant:\n\n  * services-stable\n')
  })

  it('ec2 wait vpc-available polls until the new VPC is available, moving the clock by the waiter’s delay', () => {
    const sandbox = createSandbox()
    const vpc = sandbox.exec('aws ec2 create-vpc --cidr-block 10.9.0.0/16 --query Vpc.VpcId --output text').stdout.trim()
    const start = sandbox.now()
    expect(sandbox.exec(`aws ec2 wait vpc-available --vpc-ids ${vpc}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(sandbox.now() - start).toBe(15_000)
    expect(sandbox.exec(`aws ec2 describe-vpcs --vpc-ids ${vpc} --query Vpcs[0].State --output text`).stdout).toBe('available\n')
  })

  it('a waiter that never matches stops after max attempts with exit 255', () => {
    const result = createSandbox().exec('aws ec2 wait vpc-exists --vpc-ids vpc-0123456789abcdef0')
    expect(result.exitCode).toBe(255)
    expect(result.stderr).toMatch(/^\naws: \[ERROR\]: Waiter VpcExists failed: Max attempts exceeded/)
  })
})

describe('pagination', () => {
  it('--max-items truncates and adds a NextToken that --starting-token resumes from', () => {
    const sandbox = createSandbox()
    const first = JSON.parse(sandbox.exec('aws iam list-roles --max-items 2 --query "{Roles: Roles[].RoleName, NextToken: NextToken}"').stdout)
    expect(first.Roles).toHaveLength(2)
    expect(atob(first.NextToken)).toBe('{"Marker": null, "boto_truncate_amount": 2}')
    const rest = JSON.parse(sandbox.exec(`aws iam list-roles --starting-token ${first.NextToken} --query "Roles[].RoleName"`).stdout)
    expect(rest).toHaveLength(1)
  })
})

describe('the whole request as one document', () => {
  it('--cli-input-yaml reads the model’s member names, like --cli-input-json', () => {
    const sandbox = createSandbox()
    sandbox.files.write('vpc.yaml', 'CidrBlock: 10.20.0.0/16\n')
    sandbox.files.write('vpc.json', '{"CidrBlock": "10.21.0.0/16"}')
    expect(sandbox.exec('aws ec2 create-vpc --cli-input-yaml file://vpc.yaml --query Vpc.CidrBlock --output text').stdout).toBe('10.20.0.0/16\n')
    expect(sandbox.exec('aws ec2 create-vpc --cli-input-json file://vpc.json --query Vpc.CidrBlock --output text').stdout).toBe('10.21.0.0/16\n')
  })

  it('a document that is not one is refused in one line', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec("aws ec2 create-vpc --cli-input-json '{nope'").stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter 'cli-input-json': Invalid JSON received.\n",
    )
    expect(sandbox.exec("aws ec2 create-vpc --cli-input-yaml '[a, b]'").stderr).toContain("Error parsing parameter 'cli-input-yaml': Invalid YAML received.")
  })

  it('an option given on the line wins over the document', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec(`aws ec2 create-vpc --cli-input-json '{"CidrBlock": "10.30.0.0/16"}' --cidr-block 10.31.0.0/16 --query Vpc.CidrBlock --output text`).stdout).toBe('10.31.0.0/16\n')
  })
})
