/** The simulated AWS account: plain-data state, operations by name, and the virtual clock. */
export { Simulation, type SimState } from './engine.ts'
export { AwsError, isAwsError, EPOCH_START, isoTimestamp, Rng, emptyScheduler, replaceContents, type LogEntry, type LogEvent, type LogEventKind } from './core/index.ts'
export { isNotSimulated } from './protocol/index.ts'
export { defaultWorld, type WorldOptions } from './scenario/defaultWorld.ts'
export { SERVICES } from './services.ts'
export { instanceHost, type InstanceHost } from './ec2/index.ts'
export type { World } from './world.ts'
export { PROFILES, isProfile } from './sts/identities.ts'
