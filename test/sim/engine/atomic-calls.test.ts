import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { AwsError, SERVICES, Simulation, type SimState } from '../../../src/sim/index.ts'
import { handler, type ServiceSim } from '../../../src/sim/context.ts'

/**
 * A call that fails half-way leaves nothing behind (house rule 4). The simulation keeps an undo log rather than a
 * copy of the world, so these tests change the world in every way a handler can (set, add, delete, push, splice,
 * sort, nested new objects holding existing ones, the clock, the RNG, the scheduler, the event log) and then fail.
 */
const saboteur: ServiceSim = {
  // Stands in for ec2's CreateTags (an operation needs a model); `DryRun` says whether to fail at the end.
  operations: {
    CreateTags: handler((ctx, input: { DryRun?: boolean }) => {
      const { ec2, ecs } = ctx.world
      const subnet = Object.values(ec2.subnets)[0]
      subnet.AvailableIpAddressCount -= 7
      subnet.Tags = [...(subnet.Tags ?? []), { Key: 'broken', Value: 'yes' }]
      const vpc = Object.values(ec2.vpcs)[0]
      ;(ec2.vpcs as Record<string, unknown>)['vpc-copy'] = { ...vpc, nested: { subnet } }
      delete (ec2.securityGroups as Record<string, unknown>)[Object.keys(ec2.securityGroups)[0]]
      const tags = (Object.values(ec2.vpcs)[0].Tags ??= [])
      tags.push({ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' })
      tags.splice(0, 1)
      tags.sort((x, y) => (x.Key < y.Key ? 1 : -1))
      ecs.families['ghost'] = [1, 2, 3] as never
      ctx.rng.next()
      ctx.scheduler.schedule(ctx.now() + 1000, 'ec2.saboteur.tick', {})
      ctx.log('vpc-copy', { kind: 'resource.created', type: 'AWS::EC2::VPC', detail: 'by the saboteur' })
      if (input.DryRun) throw new AwsError('Broken', 'the saboteur failed after changing everything')
      return {}
    }),
  },
  timers: { 'ec2.saboteur.tick': () => undefined },
}

function simulation() {
  const state = createSandbox().snapshot() as unknown as SimState
  return { state, sim: new Simulation(state, { ...SERVICES, ec2: { ...SERVICES.ec2, ...saboteur, timers: { ...SERVICES.ec2.timers, ...saboteur.timers } } }) }
}

const text = (state: SimState) => JSON.stringify(state)

describe('a call that fails after changing the world', () => {
  it('leaves the world, clock, RNG, scheduler and event log byte for byte as they were', () => {
    const { state, sim } = simulation()
    const before = text(state)
    expect(() => sim.call('ec2', 'CreateTags', { DryRun: true })).toThrow('the saboteur failed')
    expect(text(state)).toBe(before)
  })

  it('keeps what a successful call changed, with no proxy left in the world (it still clones)', () => {
    const { state, sim } = simulation()
    const before = text(state)
    sim.call('ec2', 'CreateTags', {})
    expect(text(state)).not.toBe(before)
    expect(() => structuredClone(state)).not.toThrow()
    expect((state.world.ec2.vpcs as unknown as Record<string, { nested: { subnet: unknown } }>)['vpc-copy'].nested.subnet).toBe(Object.values(state.world.ec2.subnets)[0])
  })

  it('inside a transaction: a failed call undoes only itself, a failed transaction undoes everything', () => {
    const { state, sim } = simulation()
    const before = text(state)
    let afterFirst = ''
    sim.transaction(() => {
      sim.call('ec2', 'CreateTags', {})
      afterFirst = text(state)
      expect(() => sim.call('ec2', 'CreateTags', { DryRun: true })).toThrow()
      expect(text(state)).toBe(afterFirst)
    })
    expect(text(state)).toBe(afterFirst)
    expect(() =>
      sim.transaction(() => {
        sim.call('ec2', 'CreateTags', {})
        sim.advance(5000)
        throw new Error('the shell broke')
      }),
    ).toThrow('the shell broke')
    expect(text(state)).toBe(afterFirst)
    expect(afterFirst).not.toBe(before)
  })
})

describe('an operation named like a read', () => {
  // Reads run on the plain world for speed, so the test runs check that every one of them changes nothing.
  const writingReader: ServiceSim = {
    operations: {
      DescribeTags: handler((ctx) => {
        Object.values(ctx.world.ec2.subnets)[0].AvailableIpAddressCount -= 1
        return { Tags: [] }
      }),
    },
  }

  it('that changes the world fails, and its change is undone', () => {
    const state = createSandbox().snapshot() as unknown as SimState
    const sim = new Simulation(state, { ...SERVICES, ec2: { ...SERVICES.ec2, operations: { ...SERVICES.ec2.operations, ...writingReader.operations } } })
    const before = text(state)
    expect(() => sim.call('ec2', 'DescribeTags', {})).toThrow('ec2 DescribeTags is named as a read but changed the world')
    expect(text(state)).toBe(before)
  })
})
