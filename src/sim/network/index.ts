/** The path of a packet: what curl and the load balancers' health checks use. */
export { sendRequest } from './sendRequest.ts'
export { probe, type ProbeResult } from './probe.ts'
export { LEARNER_IP, interfaceByIp } from './addresses.ts'
export { allowsEgress, allowsIngress } from './securityGroups.ts'
export { listeningContainer, type ListeningContainer } from './containers.ts'
export { wildcard } from './routing.ts'
export type { HttpFailure, HttpHop, HttpRequest, HttpResponse, HttpResult } from './types.ts'
