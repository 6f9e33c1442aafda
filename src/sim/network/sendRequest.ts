import type { SimContext } from '../context.ts'
import type { LogEvent } from '../core/index.ts'
import { isInService } from '../elbv2/loadBalancer.machine.ts'
import type { Listener, LoadBalancer, RegisteredTarget, Rule, TargetGroup } from '../elbv2/state.ts'
import type { NetworkInterface } from '../ec2/state.ts'
import { answer, STATUS_TEXT } from '../runtime/index.ts'
import { requestAnswered } from '../cloudwatch/index.ts'
import { interfaceByIp, LEARNER_IP } from './addresses.ts'
import { connectPrivate, connectPublic, type Connection } from './connect.ts'
import { memoTable, memoTables, remember, tableOf } from './memo.ts'
import { albErrorPage, albResponse } from './pages.ts'
import { firstMatch, pickTarget, pickTargetGroup, rulesInOrder, terminalAction } from './routing.ts'
import { ingressRule } from './securityGroups.ts'
import { targetAddress, targetLabel } from './targetAddress.ts'
import type { HttpHop, HttpRequest, HttpResponse, HttpResult } from './types.ts'
import { isIpv4, parseUrl, type ParsedUrl } from './url.ts'

/**
 * The path of one HTTP request from the learner's machine (LEARNER_IP, on the internet): DNS → a load balancer
 * node or a task's public IP → security groups → listener → rule → target group → target → container. Failures are
 * what curl would meet: an unknown name (dns), nothing listening (refused), a security group dropping the packet
 * (timeout). The load balancer answers 503 with no healthy target, 502 when the target refuses, 504 when it never
 * answers. Each request is logged with its hops and counted per target group.
 */
export function sendRequest(ctx: SimContext, sent: HttpRequest): HttpResult {
  // Header names in lower case from here on, as the rules and the container see them.
  // (A prototype-free record: a header named `__proto__` is just a header.)
  const headers: Record<string, string> = Object.create(null)
  for (const name of Object.keys(sent.headers)) headers[name.toLowerCase()] = sent.headers[name]
  const request = { ...sent, headers }
  const url = parseUrl(request.url)
  const hops: HttpHop[] = []
  const result = url ? route(ctx, request, url, hops) : { hops, failure: { kind: 'dns' as const, host: request.url } }
  // A name that does not resolve never leaves the learner's machine: AWS sees no request, so nothing is recorded
  // (and a curl that fails this way changes nothing, as every failed command must not).
  if (!(result.failure?.kind === 'dns' && result.hops.length === 0)) record(ctx, request, result)
  return result
}

function route(ctx: SimContext, request: HttpRequest, url: ParsedUrl, hops: HttpHop[]): HttpResult {
  const { world } = ctx
  const { host, port } = url
  let lb: LoadBalancer | undefined
  let node: NetworkInterface | undefined
  if (isIpv4(host)) {
    const eni = interfaceByIp(world, host, 'public')
    if (!eni) return { hops, failure: { kind: 'timeout', host, port, ip: host } }
    lb = Object.values(world.elbv2.loadBalancers).find((l) => world.elbv2.loadBalancerNodes[l.LoadBalancerArn]?.includes(eni.NetworkInterfaceId))
    if (!lb) return direct(ctx, request, url, eni, hops)
    node = eni
  } else {
    const name = host.startsWith('dualstack.') ? host.slice('dualstack.'.length) : host
    const resolved = remember(memoTable<string, Resolved>(world, 'dns'), name, () => resolve(ctx, name))
    lb = resolved.lb
    // The name only resolves once the load balancer is active (AWS publishes its records as it provisions).
    if (!lb || !isInService(lb.State.Code)) return { hops, failure: { kind: 'dns', host } }
    node = resolved.node
    if (!node) return { hops, failure: { kind: 'dns', host } }
    if (lb.Scheme === 'internal') {
      // Internal names resolve to private addresses the learner's machine cannot reach.
      hops.push({ resource: lb.LoadBalancerArn, label: `internal load balancer ${lb.LoadBalancerName} resolves to private ${node.PrivateIpAddress}` })
      return { hops, failure: { kind: 'timeout', host, port, ip: node.PrivateIpAddress } }
    }
    hops.push(resolved.hop ?? (resolved.hop = { resource: lb.LoadBalancerArn, label: `DNS ${name} → ${node.PublicIp ?? node.PrivateIpAddress}`, stage: 'dns', detail: true }))
  }
  return throughLoadBalancer(ctx, request, url, lb, node, hops)
}

/** What a load balancer's DNS name resolves to (the load balancer, its first node), kept while the world stays. */
interface Resolved {
  lb?: LoadBalancer
  node?: NetworkInterface
  /** The DNS hop, made by the first request that gets that far. */
  hop?: HttpHop
}

function resolve(ctx: SimContext, name: string): Resolved {
  const { world } = ctx
  const lb = findRecord(world.elbv2.loadBalancers, (l) => l.DNSName.toLowerCase() === name)
  if (!lb) return {}
  const nodeId = (world.elbv2.loadBalancerNodes[lb.LoadBalancerArn] ?? []).find((id) => world.ec2.networkInterfaces[id])
  return { lb, node: nodeId === undefined ? undefined : world.ec2.networkInterfaces[nodeId] }
}

/** Straight to a task's public IP (no load balancer). */
function direct(ctx: SimContext, request: HttpRequest, url: ParsedUrl, eni: NetworkInterface, hops: HttpHop[]): HttpResult {
  const ip = eni.PublicIp ?? eni.PrivateIpAddress
  hops.push({ resource: eni.NetworkInterfaceId, label: `network interface ${eni.NetworkInterfaceId} ${ip} → ${eni.PrivateIpAddress}:${url.port}` })
  const connection = connectPublic(ctx, LEARNER_IP, eni, url.port)
  return finish(ctx, request, url, connection, hops, ip, url.port, (c) => ({ hops, failure: { kind: c.kind, host: url.host, port: url.port, ip } }))
}

function throughLoadBalancer(ctx: SimContext, request: HttpRequest, url: ParsedUrl, lb: LoadBalancer, node: NetworkInterface, hops: HttpHop[]): HttpResult {
  const { world } = ctx
  const { elbv2 } = world
  const ip = node.PublicIp ?? node.PrivateIpAddress
  const { host, port } = url
  const now = ctx.now()
  // Everything below that depends only on the world is looked up in this version's tables (memo.ts).
  const tables = memoTables(world)
  const front = remember(remember(tableOf<NetworkInterface, Map<number, Front>>(tables, 'front'), node, () => new Map()), port, () => frontOf(ctx, lb, node, port))
  for (const hop of front.hops) hops.push(hop)
  if (front.blocked) return { hops, failure: { kind: 'timeout', host, port, ip } }
  const { listener } = front
  if (!listener) return { hops, failure: { kind: 'refused', host, port, ip } }
  const { headers } = request
  const hostHeader = stripPort(headers.host ?? host)
  const rules = lb.Type === 'application' ? remember(tableOf<string, Rule[]>(tables, 'rules'), listener.ListenerArn, () => rulesInOrder(elbv2, listener.ListenerArn)) : undefined
  const rule = rules && firstMatch(rules, { method: request.method, path: url.path, query: url.query, host: hostHeader, headers, sourceIp: LEARNER_IP })
  if (rule) hops.push(remember(tableOf<Rule, HttpHop>(tables, 'ruleHops'), rule, () => ({ resource: rule.RuleArn, label: rule.IsDefault ? 'default rule' : `rule ${rule.Priority}: ${rule.Conditions.map((c) => `${c.Field} ${(c.Values ?? []).join(',')}`).join(' and ')}` })))
  const action = terminalAction(rule?.Actions ?? listener.DefaultActions)
  if (!action) return { hops, response: albErrorPage(503, now, ip, port) }
  if (action.Type === 'fixed-response') {
    const c = action.FixedResponseConfig
    const status = Number(c?.StatusCode ?? 200)
    return { hops, response: albResponse(status, STATUS_TEXT[status] ?? '', c?.ContentType ?? 'text/plain', request.method === 'HEAD' ? '' : (c?.MessageBody ?? ''), now, ip, port) }
  }
  if (action.Type === 'redirect') return { hops, response: redirect(action.RedirectConfig, url, hostHeader, now, ip) }
  const tgArn = pickTargetGroup(elbv2, rule?.RuleArn ?? listener.ListenerArn, action)
  const tg = tgArn ? elbv2.targetGroups[tgArn] : undefined
  if (!tg) return { hops, response: albErrorPage(503, now, ip, port) }
  elbv2.traffic.requestCount[tg.TargetGroupArn] = (elbv2.traffic.requestCount[tg.TargetGroupArn] ?? 0) + (request.count ?? 1)
  hops.push(remember(tableOf<TargetGroup, HttpHop>(tables, 'groupHops'), tg, () => ({ resource: tg.TargetGroupArn, label: `target group ${tg.TargetGroupName}` })))
  const target = pickTarget(elbv2, tg, lb, (t) => !t.Id.startsWith('i-') || targetAddress(world, t.Id) !== undefined)
  if (!target) return { hops, response: albErrorPage(503, now, ip, port) }
  const leg = remember(remember(tableOf<NetworkInterface, Map<RegisteredTarget, Leg>>(tables, 'legs'), node, () => new Map()), target, () => legTo(ctx, lb, node, target))
  hops.push(leg.hop)
  const { connection } = leg
  if (lb.Type === 'network') {
    return finish(ctx, request, url, connection, hops, ip, port, (c) => ({ hops, failure: { kind: c.kind, host, port, ip } }))
  }
  return finish(ctx, request, url, connection, hops, ip, port, (c) => ({ hops, response: albErrorPage(c.kind === 'refused' ? 502 : 504, now, ip, port) }), 'HTTP/1.1')
}

/** What comes before the rules, for one load balancer node and port: its security groups, then its listener. */
interface Front {
  hops: HttpHop[]
  blocked: boolean
  listener?: Listener
}

function frontOf(ctx: SimContext, lb: LoadBalancer, node: NetworkInterface, port: number): Front {
  const ip = node.PublicIp ?? node.PrivateIpAddress
  const hops: HttpHop[] = [{ resource: lb.LoadBalancerArn, label: `load balancer ${lb.LoadBalancerName} node ${ip} (${node.AvailabilityZone})`, stage: 'connect' }]
  const groups = lb.SecurityGroups ?? []
  if (groups.length) {
    const rule = ingressRule(ctx.world, groups, port, LEARNER_IP, [])
    if (!rule) {
      hops.push({ resource: groups[0], label: `security group ${groups.join(', ')} drops TCP ${port} from ${LEARNER_IP}`, stage: 'connect' })
      return { hops, blocked: true }
    }
    hops.push({ resource: rule.groupId, label: `security group ${rule.groupId} allows inbound ${rule.ports} from ${rule.peer}`, stage: 'connect', detail: true })
  }
  const listener = findRecord(ctx.world.elbv2.listeners, (l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port)
  if (listener) hops.push({ resource: listener.ListenerArn, label: `listener ${listener.Protocol}:${listener.Port}` })
  return { hops, blocked: false, listener }
}

/** From the load balancer to one target: the node in the target's zone, and the connection it gets. */
interface Leg {
  hop: HttpHop
  connection: Connection
}

/**
 * The target hop keeps `Id:Port` as its resource (the diagram draws target group → target from it); an instance
 * target's packets go to the instance's private address and the registered (host) port.
 */
function legTo(ctx: SimContext, lb: LoadBalancer, node: NetworkInterface, target: RegisteredTarget): Leg {
  const { world } = ctx
  const nodeInZone = (world.elbv2.loadBalancerNodes[lb.LoadBalancerArn] ?? []).find((id) => world.ec2.networkInterfaces[id]?.AvailabilityZone === target.AvailabilityZone)
  const fromNode = (nodeInZone && world.ec2.networkInterfaces[nodeInZone]) || node
  const address = targetAddress(world, target.Id)
  const hop = { resource: `${target.Id}:${target.Port}`, label: `target ${targetLabel(world, target.Id, target.Port)}${target.AvailabilityZone ? ` (${target.AvailabilityZone})` : ''}` }
  if (address === undefined) return { hop, connection: { kind: 'timeout', why: `instance ${target.Id} is not running`, decisions: [] } }
  return { hop, connection: connectPrivate(ctx, fromNode.PrivateIpAddress, lb.SecurityGroups ?? [], address, target.Port) }
}

/** The container's answer, or what the last hop's failure becomes (a curl failure, or the ALB's 502/504). */
function finish(
  ctx: SimContext,
  request: HttpRequest,
  url: ParsedUrl,
  connection: Connection,
  hops: HttpHop[],
  ip: string,
  port: number,
  failed: (c: Exclude<Connection, { kind: 'open' }>) => HttpResult,
  httpVersion?: string,
): HttpResult {
  if (connection.kind !== 'open') {
    for (const d of connection.decisions) hops.push({ resource: d.groupId, label: d.label, detail: true })
    hops.push({ resource: 'eni' in connection ? connection.eni.NetworkInterfaceId : `${ip}:${port}`, label: connection.why })
    return failed(connection)
  }
  const { container, image, eni, inside } = connection
  for (const hop of openHops(connection)) hops.push(hop)
  const reply = answer(
    image,
    { method: request.method, path: url.target, headers: request.headers },
    { taskArn: container.taskArn, containerName: container.containerName, availabilityZone: container.availabilityZone ?? eni.AvailabilityZone, ip: eni.PrivateIpAddress },
    ctx.now(),
  )
  if (!reply) return failed({ kind: 'refused', why: `nothing listens on ${eni.PrivateIpAddress}:${inside.containerPort}`, eni, decisions: [] })
  // The work the request gives its task (CPU, network, its app's log line): the metrics model's input (src/sim/cloudwatch).
  const sourceIp = httpVersion ? (interfaceByIp(ctx.world, ip, 'public')?.PrivateIpAddress ?? ip) : LEARNER_IP
  const serverMs = requestAnswered(ctx, { taskArn: container.taskArn, containerName: container.containerName, method: request.method, path: url.target, status: reply.status, sourceIp, count: request.count ?? 1, concurrency: request.concurrency ?? 1, viaLoadBalancer: !!httpVersion })
  const response: HttpResponse = {
    httpVersion: httpVersion ?? reply.httpVersion,
    status: reply.status,
    statusText: reply.statusText,
    // Through an ALB the connection to the client is the ALB's own (HTTP/1.1, keep-alive).
    headers: httpVersion ? withHeader(reply.headers, 'Connection', 'keep-alive') : reply.headers,
    body: reply.body,
    ip,
    port,
    serverMs,
  }
  return { hops, response }
}

/**
 * The hops of an open connection: the security groups that let it through, the hop inside the host, the container.
 * Kept per connection: a load balancer's connection to a target is kept while the world stays (memo.ts), and every
 * request through it has these same hops (nothing changes a hop once made).
 */
function openHops(connection: Extract<Connection, { kind: 'open' }>): HttpHop[] {
  let hops = hopsOf.get(connection)
  if (hops) return hops
  const { container, eni, inside } = connection
  hops = connection.decisions.map((d): HttpHop => ({ resource: d.groupId, label: d.label, detail: true }))
  hops.push({ resource: eni.NetworkInterfaceId, label: inside.label, detail: true })
  const hostPort = inside.hostPort === undefined ? '' : ` (host port ${inside.hostPort})`
  hops.push({ resource: container.taskArn, label: `task ${container.taskArn.slice(container.taskArn.lastIndexOf('/') + 1)} container ${container.containerName}:${inside.containerPort}${hostPort}` })
  hopsOf.set(connection, hops)
  return hops
}
const hopsOf = new WeakMap<Connection, HttpHop[]>()

const stripPort = (host: string) => (host.includes(':') ? host.replace(/:\d+$/, '') : host)

/** The first entry of a record that matches, without building the array of all of them (every request asks). */
function findRecord<T>(record: Record<string, T>, match: (value: T) => boolean): T | undefined {
  for (const key in record) if (match(record[key])) return record[key]
  return undefined
}

/** `headers` with `name` set to `value`, last (case-insensitive name). */
function withHeader(headers: [string, string][], name: string, value: string): [string, string][] {
  const out: [string, string][] = []
  const lower = name.toLowerCase()
  for (const header of headers) if (header[0].toLowerCase() !== lower) out.push(header)
  out.push([name, value])
  return out
}

/** Builds the Location of a redirect action from its config and `#{…}` placeholders (ALB User Guide, "Redirect actions"). */
function redirect(config: { Protocol?: string; Port?: string; Host?: string; Path?: string; Query?: string; StatusCode: string } | undefined, url: ParsedUrl, host: string, now: number, ip: string): HttpResponse {
  const fill = (s: string) =>
    s.replaceAll('#{protocol}', url.scheme.toUpperCase()).replaceAll('#{port}', String(url.port)).replaceAll('#{host}', host).replaceAll('#{path}', url.path.replace(/^\//, '')).replaceAll('#{query}', url.query)
  const protocol = fill(config?.Protocol ?? '#{protocol}').toLowerCase()
  const port = fill(config?.Port ?? '#{port}')
  const defaultPort = (protocol === 'https' && port === '443') || (protocol === 'http' && port === '80')
  const query = fill(config?.Query ?? '#{query}')
  const location = `${protocol}://${fill(config?.Host ?? '#{host}')}${defaultPort ? '' : `:${port}`}${fill(config?.Path ?? '/#{path}')}${query ? `?${query}` : ''}`
  const status = config?.StatusCode === 'HTTP_302' ? 302 : 301
  const text = STATUS_TEXT[status]
  const body = `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`
  return albResponse(status, text, 'text/html', body, now, ip, url.port, [['Location', location]])
}

/** One event-log entry per request (resource: where it entered), and the recent list for the diagram. */
function record(ctx: SimContext, request: HttpRequest, result: HttpResult): void {
  const { response, failure, hops } = result
  const { method, url } = request
  // The route: the labels of the hops that are not details, joined by arrows (built in one pass: every request logs one).
  let route = ''
  let first = true
  for (const hop of hops) {
    if (hop.detail) continue
    route = first ? hop.label : `${route} → ${hop.label}`
    first = false
  }
  const event: Extract<LogEvent, { kind: 'http.request' }> = { kind: 'http.request', method, url }
  if (response) {
    event.status = response.status
    event.statusText = response.statusText
  } else if (failure) event.failure = failure.kind
  if (route) event.route = route
  ctx.log(hops[0]?.resource ?? request.url, event)
  const at = ctx.now()
  ctx.recordRequest(response ? { at, method: request.method, url: request.url, status: response.status, hops } : { at, method: request.method, url: request.url, failure: failure?.kind, hops })
}
