/**
 * us-east-1 On-Demand prices, Linux, as data (house rule 5). Recorded 2026-12-03.
 *
 * EC2: "Amazon EC2 On-Demand Pricing", https://aws.amazon.com/ec2/pricing/on-demand/ (US East (N. Virginia), Linux),
 * per instance-hour. These rates have not changed since each type was introduced; the sandbox cannot fetch the page
 * (offline), so they were copied by hand and should be checked against it when updated.
 * Billing rule (EC2 User Guide, "Amazon EC2 billing and purchasing options"; "Instance state" table): Linux instances
 * are billed per second with a 60-second minimum each time they start, only while `running` (not while pending,
 * stopping, stopped or shutting down), whether or not anything runs on them.
 *
 * Fargate: "AWS Fargate Pricing", https://aws.amazon.com/fargate/pricing/ (US East (N. Virginia), Linux/X86), per vCPU
 * per hour and per GB of memory per hour; 20 GB of ephemeral storage are included (extra storage is not metered here).
 * Billing rule (same page): "from the time you start to download your container image until the Amazon ECS Task
 * terminates, rounded up to the nearest second", with a 1-minute minimum.
 *
 * Fargate Spot (tasks with capacityProviderName FARGATE_SPOT): same page, "Fargate Spot Pricing for Amazon ECS": "run
 * interrupt-tolerant Amazon ECS Tasks on spare capacity at up to a 70% discount off the regular Fargate price", billed
 * as Fargate is. The page shows the current Spot price only in a table it loads separately, which could not be read
 * here: the figures below are that documented ceiling, 70% off the On-Demand Linux/X86 rates above — unverified
 * against the live us-east-1 Spot price, which varies with supply and demand (check the page when updating).
 */
export const PRICES = {
  region: 'us-east-1',
  recorded: '2026-12-03',
  sources: {
    ec2: 'https://aws.amazon.com/ec2/pricing/on-demand/',
    fargate: 'https://aws.amazon.com/fargate/pricing/',
  },
  /** USD per instance-hour, Linux On-Demand. */
  ec2PerHour: {
    'm1.small': 0.044,
    't2.micro': 0.0116,
    't3.micro': 0.0104,
    't3.small': 0.0208,
    't3.medium': 0.0416,
    't3.large': 0.0832,
    't3.xlarge': 0.1664,
    'm5.large': 0.096,
    'm5.xlarge': 0.192,
    'c5.large': 0.085,
    'c5.xlarge': 0.17,
    'r5.large': 0.126,
    'm6i.large': 0.096,
    'c6g.large': 0.068,
  } as Readonly<Record<string, number>>,
  /** USD per vCPU-hour and per GB-hour, Linux/X86 On-Demand. */
  fargate: { perVcpuHour: 0.04048, perGbHour: 0.004445 },
  /** USD per vCPU-hour and per GB-hour, Fargate Spot, Linux/X86: 30% of the On-Demand rates (see above; unverified). */
  fargateSpot: { perVcpuHour: 0.012144, perGbHour: 0.0013335 },
  /** Minimum billed per instance start and per task (ms). */
  ec2MinimumMs: 60_000,
  fargateMinimumMs: 60_000,
} as const
