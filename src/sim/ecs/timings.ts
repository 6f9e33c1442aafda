/**
 * How long each step of ECS takes on the virtual clock. Deterministic values, so tests and replays print the same
 * times; chosen so that a Fargate task takes about 30–60 s from run-task to RUNNING, as AWS describes and users
 * observe (lifecycle: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html; the
 * durations themselves are observations, AWS publishes none). With the python web app: 15 + 8 + 7.7 + 1 ≈ 32 s to
 * RUNNING without a load balancer, ≈ 36 s with one.
 */
export const TIMINGS = {
  /** create-service / update-service until the scheduler places the first tasks (observed: a few seconds). */
  schedulerDelayMs: 2_000,
  /** The service scheduler reacting to a task that stopped or became RUNNING (observed: seconds). */
  schedulerReactionMs: 1_000,
  /** PROVISIONING: the task's ENI is created and attached (awsvpc; observed ~10–20 s on Fargate). */
  provisioningMs: 15_000,
  /** PENDING: pulling images — a fixed part (auth, manifest, container start) plus the layers at this rate. */
  pullBaseMs: 8_000,
  pullBytesPerMs: 10_000, // 10 MB/s: the 77 MB python web app pulls in ~8 s
  /** A failing pull: the agent retries the manifest 5 times before giving up (CannotPullContainerError). */
  pullFailureMs: 25_000,
  /** ACTIVATING without load balancers (no registration to do). */
  activatingMs: 1_000,
  /** ACTIVATING with target groups: registering the ENI's IP:port in each. */
  activatingWithTargetsMs: 5_000,
  /** DEACTIVATING without load balancers. With them: the target group's deregistration delay (default 300 s). */
  deactivatingMs: 1_000,
  /** Default deregistration_delay.timeout_seconds of a target group (ELB User Guide, "Deregistration delay"). */
  defaultDeregistrationDelaySeconds: 300,
  /** STOPPING: SIGTERM and the containers exit (a process that ignores it is killed after stopTimeout, default 30 s). */
  stoppingMs: 2_000,
  /** DEPROVISIONING: the ENI is detached and deleted. */
  deprovisioningMs: 10_000,
  /** How often a service behind a load balancer looks at its targets' health (ELB checks every 30 s by default). */
  healthPollMs: 10_000,
  /** …and once steady: ELB's default check interval, since health cannot change between rounds. */
  steadyHealthPollMs: 30_000,
  /** Stopped tasks stay describable for at least an hour (fidelity §2.2), then disappear. */
  stoppedRetentionMs: 3_600_000,
  /**
   * EC2 launch type, bridge/host tasks: no ENI to provision, the agent picks the task up at once (fidelity §2.2:
   * "EC2 bridge/host tasks skip PROVISIONING/DEPROVISIONING in practice"; kept as a short step, observed ~1 s).
   */
  ec2ProvisioningMs: 1_000,
  /**
   * The ECS agent starts and registers about a minute after its instance is running (boot, cloud-init running the
   * user data, docker, then ecs-init starting the agent container). Observed, not documented.
   */
  agentStartMs: 60_000,
  /** An agent that failed to register is restarted by ecs-init and tries again (observed: about a minute). */
  agentRetryMs: 60_000,
  /** A deregistered (INACTIVE) container instance stays describable for about an hour, like stopped tasks. */
  inactiveContainerInstanceRetentionMs: 3_600_000,
  /** A DRAINING service becomes INACTIVE once its tasks stopped; INACTIVE services stay describable this long. */
  inactiveRetentionMs: 3_600_000,
} as const
