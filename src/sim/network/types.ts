/**
 * An HTTP request as curl sends it into the simulated network, and what came back.
 * The network layer walks the real path (DNS → load balancer listener → rule → target group → target →
 * container) checking security groups on each hop; curl only formats the result.
 */
export interface HttpRequest {
  method: string
  /** Absolute URL as typed, e.g. `http://FargateLoadBalancer-123.us-east-1.elb.amazonaws.com/api/users`. */
  url: string
  headers: Record<string, string>
  body?: string
  /** How many identical requests this one stands for: a load generator (hey) sends a sample of its requests (default 1). */
  count?: number
  /** How many requests the sender keeps in flight at once (hey's `-c` workers; 1 for curl): queues form at saturated targets. */
  concurrency?: number
}

/** One step of the path, for `curl -v` and for the diagram's request-flow highlight. */
export interface HttpHop {
  /** ARN or ID of the resource the request passed (listener, rule, target group, task, ENI). */
  resource: string
  /** Short words, e.g. `listener HTTP:80`, `rule /api/users*`, `target 172.31.20.5:8080`. */
  label: string
  /**
   * When the client meets it: resolving the name (`dns`), opening the connection to the load balancer node or
   * address (`connect`), or after the request is sent (absent). `curl -v` prints each where curl reaches that step.
   */
  stage?: 'dns' | 'connect'
  /**
   * A step `curl -v` shows but the event log's one-line route leaves out: resolving the name, a security group that
   * lets the packet through, the hop inside the host. The route names where the request went; these say how.
   */
  detail?: true
}

export type HttpFailure =
  /** Name did not resolve: curl exit 6 `Could not resolve host: x`. */
  | { kind: 'dns'; host: string }
  /** Nothing listens on that port: curl exit 7 `Failed to connect to host port N: Connection refused`. */
  | { kind: 'refused'; host: string; port: number; ip: string }
  /** A security group dropped the packet: curl exit 28 after its timeout. */
  | { kind: 'timeout'; host: string; port: number; ip: string }

export interface HttpResponse {
  /** `HTTP/1.1` through a load balancer; what the server speaks when reached directly (python's http.server: `HTTP/1.0`). */
  httpVersion?: string
  status: number
  statusText: string
  headers: [string, string][]
  body: string
  /** Address the client connected to (a load balancer node or a task's public IP). */
  ip: string
  port: number
  /** How long the answer took past the network (ms): the container's time, stretched when its CPU is saturated, plus the load balancer's. */
  serverMs?: number
}

export interface HttpResult {
  hops: HttpHop[]
  response?: HttpResponse
  failure?: HttpFailure
}
