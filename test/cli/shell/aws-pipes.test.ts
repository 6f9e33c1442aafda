import { beforeAll, describe, expect, test } from 'vitest'
import { createSandbox, loadHelpPages } from '../../../src/sandbox/index.ts'

beforeAll(() => loadHelpPages())

describe('the AWS CLI in pipelines', () => {
  test('aws ecs help | head shows the top of the page as plain text', () => {
    const { stdout, stderr, exitCode } = createSandbox().exec('aws ecs help | head -n 6')
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 })
    expect(stdout.split('\n')).toHaveLength(7)
    expect(stdout).toMatch(/^ECS\(\) +ECS\(\)\n\n\n\nNAME\n {7}ecs -\n$/)
  })

  test('aws ecs help | grep finds a command', () => {
    expect(createSandbox().exec('aws ecs help | grep -c "o create-service"')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 })
  })

  test('an aws error still reaches the terminal when its output is piped', () => {
    const result = createSandbox().exec('aws ecs describe-services --cluster nope --services web | grep x')
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('ClusterNotFoundException')
    expect(result.exitCode).toBe(1)
  })

  test('text output splits with cut and counts with wc', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name a; aws ecs create-cluster --cluster-name b')
    expect(sandbox.exec('aws ecs list-clusters --output text | cut -f 2 | cut -d / -f 2 | sort -r').stdout).toBe('b\na\n')
    expect(sandbox.exec("aws ecs list-clusters --query 'clusterArns[]' --output text | wc -w").stdout).toBe('2\n')
  })
})
