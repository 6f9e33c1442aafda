/**
 * How long ELBv2 things take on the virtual clock, with where each number comes from. One table, so lessons and
 * the speed factor can reason about it (issue 5 "Time").
 */
export const ELBV2_TIMINGS = {
  /**
   * `provisioning` → `active` for an Application Load Balancer. AWS publishes no SLA; the console and re-Invent
   * talks describe "a few minutes", and the `load-balancer-available` waiter polls every 15 s for up to 40 tries.
   * We use 2.5 minutes. Source: observation (ALB User Guide, "Create an Application Load Balancer" says "it can
   * take a few minutes"), not a documented figure.
   */
  loadBalancerActiveMs: { application: 150_000, network: 180_000 },
  /**
   * A newly registered target shows `initial` / `Elb.RegistrationInProgress` until its first health check runs,
   * then `Elb.InitialHealthChecking` until it passes one check (ALB User Guide, "Health checks for your target
   * groups": a newly registered target "must pass one health check to be considered healthy"). The registration
   * itself takes a few seconds; we use 10 s. Source: observation.
   */
  registrationMs: 10_000,
  /**
   * Health-check defaults per protocol (ALB User Guide, "Health check settings"; NLB User Guide; awscli example
   * create-target-group.rst): HTTP/HTTPS interval 30 s, timeout 5 s, healthy 5, unhealthy 2, path `/`, matcher 200;
   * TCP interval 30 s, timeout 10 s, healthy 5, unhealthy 2; lambda interval 35 s, timeout 30 s, disabled.
   */
  healthCheckDefaults: {
    HTTP: { interval: 30, timeout: 5, healthy: 5, unhealthy: 2 },
    HTTPS: { interval: 30, timeout: 5, healthy: 5, unhealthy: 2 },
    TCP: { interval: 30, timeout: 10, healthy: 5, unhealthy: 2 },
    lambda: { interval: 35, timeout: 30, healthy: 5, unhealthy: 2 },
  },
  /** `deregistration_delay.timeout_seconds` default 300 s (ALB User Guide, "Target group attributes"). */
  deregistrationDelaySeconds: 300,
  /** `idle_timeout.timeout_seconds` default 60 s: what a client waits before the ALB answers 504 (ALB User Guide). */
  idleTimeoutSeconds: 60,
} as const
