import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>

const clusters = (sandbox: Sandbox) => sandbox.exec('aws ecs list-clusters --query clusterArns --output text').stdout

/** A command that fails must leave the world as it was: compare the simulated world before and after. */
function failsWithoutChange(sandbox: Sandbox, line: string) {
  const before = JSON.stringify(sandbox.world())
  const result = sandbox.exec(line)
  expect(JSON.stringify(sandbox.world()), line).toBe(before)
  return result
}

describe('a bad --query is refused before anything is called', () => {
  it('an incomplete expression: ParamValidation, exit 252, and no cluster was created', () => {
    const sandbox = createSandbox()
    const result = failsWithoutChange(sandbox, "aws ecs create-cluster --cluster-name demo --query 'foo['")
    expect(result).toEqual({
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^\n',
      exitCode: 252,
    })
    expect(clusters(sandbox)).not.toContain('demo')
  })

  it('an empty expression: "cannot be empty", exit 252, and no cluster was created', () => {
    const sandbox = createSandbox()
    const result = failsWithoutChange(sandbox, "aws ecs create-cluster --cluster-name demo --query ''")
    expect(result).toEqual({
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query : Invalid JMESPath expression: cannot be empty.\n',
      exitCode: 252,
    })
    expect(clusters(sandbox)).not.toContain('demo')
  })
})

describe('--endpoint-url needs a scheme, as the CLI checks before any call', () => {
  it('a bare word is refused with the CLI’s message', () => {
    const sandbox = createSandbox()
    expect(failsWithoutChange(sandbox, 'aws --endpoint-url nope ecs create-cluster --cluster-name demo')).toEqual({
      stdout: '',
      stderr:
        '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --endpoint-url "nope": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/\n',
      exitCode: 252,
    })
  })

  it('a URL with a scheme is accepted (and said to be ignored)', () => {
    const result = createSandbox().exec('aws --endpoint-url http://localhost:4566 ecs list-clusters')
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain('--endpoint-url is ignored')
  })
})

describe('ECS refuses enum values it does not know, and stores nothing', () => {
  it('a misspelt launch type', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name demo')
    sandbox.exec(
      `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"nginx"}]'`,
    )
    const subnet = sandbox.exec("aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text").stdout.trim()
    const result = failsWithoutChange(
      sandbox,
      `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1 --launch-type FARGAT --network-configuration "awsvpcConfiguration={subnets=[${subnet}]}"`,
    )
    expect(result.exitCode).toBe(254)
    expect(result.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(InvalidParameterException\) when calling the CreateService operation: launch type should be one of \[EC2,FARGATE,EXTERNAL[A-Z_,]*\]\n$/)
  })

  it('a misspelt scheduling strategy', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name demo')
    const result = failsWithoutChange(sandbox, 'aws ecs create-service --cluster demo --service-name web --task-definition web --scheduling-strategy REPLICAS')
    expect(result.exitCode).toBe(254)
    expect(result.stderr).toContain('(InvalidParameterException) when calling the CreateService operation: scheduling strategy should be one of [REPLICA,DAEMON]')
  })
})

describe('--generate-cli-skeleton', () => {
  it('output still needs the required arguments (the CLI validates the command); input does not', () => {
    const sandbox = createSandbox()
    const missing = sandbox.exec('aws ecs create-service --generate-cli-skeleton output')
    expect(missing.exitCode).toBe(252)
    expect(missing.stderr).toContain('the following arguments are required: --service-name')
    const output = sandbox.exec('aws ecs create-service --service-name web --generate-cli-skeleton output')
    expect(output.exitCode).toBe(0)
    expect(JSON.parse(output.stdout)).toHaveProperty('service')
    expect(sandbox.exec('aws ecs create-service --generate-cli-skeleton').exitCode).toBe(0)
    expect(sandbox.exec('aws ecs create-service --generate-cli-skeleton input').exitCode).toBe(0)
  })
})
