import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const diagnose = (line: string) => createSandbox().diagnose(line)

describe('the console’s squiggles come from the same command table the CLI parses with', () => {
  it('a misspelt service is marked where it stands, with the CLI’s suggestion', () => {
    expect(diagnose('aws albv2 create-target-group')).toEqual([{ from: 4, to: 9, message: "Invalid choice 'albv2'. Maybe you meant: elbv2" }])
  })

  it('an unfinished operation is marked until it is a real one', () => {
    expect(diagnose('aws elbv2 create-l')[0]).toMatchObject({ from: 10, to: 18 })
    expect(diagnose('aws elbv2 create-listener')).toEqual([])
  })

  it('single-dash options get the two-dash spelling as a hint', () => {
    expect(diagnose('aws ecs create-service -desired-count 2')).toEqual([
      { from: 23, to: 37, message: 'Unknown option -desired-count. Did you mean --desired-count?' },
    ])
  })

  it('misspelt long options are marked; prefixes of real ones are not', () => {
    expect(diagnose('aws ecs register-task-definition --container-definations x')[0].message).toBe(
      'Unknown option --container-definations. Did you mean --container-definitions?',
    )
    expect(diagnose('aws ecs create-service --desired 2')).toEqual([])
  })

  it('each command of a line is checked, and other programs are left alone', () => {
    const found = diagnose('echo hi && aws ecs2 list-clusters; ls -zz')
    expect(found).toHaveLength(1)
    expect(found[0].message).toContain("Invalid choice 'ecs2'")
  })

  it('waiters are checked by name', () => {
    expect(diagnose('aws ecs wait services-stabl')[0].message).toBe("Invalid waiter 'services-stabl'. Maybe you meant: services-stable")
  })
})
