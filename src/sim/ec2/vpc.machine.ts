import { setup } from 'xstate'

/**
 * A VPC's `State`: CreateVpc answers `pending`, and the VPC becomes `available` moments later
 * (EC2 API Reference, Vpc.State: pending | available). The scheduler sends AVAILABLE after `VPC_AVAILABLE_MS`.
 */
export const vpcMachine = setup({ types: { events: {} as { type: 'AVAILABLE' } } }).createMachine({
  id: 'vpc',
  initial: 'pending',
  states: {
    pending: { on: { AVAILABLE: 'available' } },
    available: {},
  },
})

/**
 * How long a new VPC stays `pending`. AWS publishes no figure; a few seconds matches what the console shows.
 * Source: observation, not documentation.
 */
export const VPC_AVAILABLE_MS = 3_000
