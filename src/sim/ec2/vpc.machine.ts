import { setup } from 'xstate'
import { initialState } from '../core/index.ts'

/**
 * A VPC's `State`: CreateVpc answers `pending`, and the VPC becomes `available` moments later
 * (EC2 API Reference, Vpc.State: pending | available,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html). The scheduler sends AVAILABLE after `VPC_AVAILABLE_MS`.
 */
export const VPC_STATES = ['pending', 'available'] as const
export type VpcState = (typeof VPC_STATES)[number]

export const vpcMachine = setup({ types: { events: {} as { type: 'AVAILABLE' } } }).createMachine({
  id: 'vpc',
  initial: 'pending',
  states: {
    pending: { on: { AVAILABLE: 'available' } },
    available: {},
  },
})

/** What CreateVpc answers. */
export const INITIAL_VPC_STATE = initialState(vpcMachine) as VpcState

/**
 * How long a new VPC stays `pending`. AWS publishes no figure; a few seconds matches what the console shows.
 * Source: observation, not documentation.
 */
export const VPC_AVAILABLE_MS = 3_000
