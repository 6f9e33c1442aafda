import type { Attachment, Task } from './state.ts'

/**
 * A task's attachments are found by their `type`, never by position: an awsvpc task has one
 * `ElasticNetworkInterface`, and tasks of the next issues carry others beside it (EBS volumes are attached as
 * `AmazonElasticBlockStorage`, Service Connect as `ServiceConnect`; fidelity §2.7 shows the ENI attachment's details).
 */
export type AttachmentType = 'ElasticNetworkInterface'

export const attachmentOf = (task: Pick<Task, 'attachments'>, type: AttachmentType): Attachment | undefined =>
  task.attachments.find((a) => a.type === type)

/** One detail of the task's ENI attachment: `subnetId`, `networkInterfaceId`, `macAddress`, `privateDnsName`, `privateIPv4Address`. */
export const eniDetail = (task: Pick<Task, 'attachments'>, name: string): string | undefined =>
  attachmentOf(task, 'ElasticNetworkInterface')?.details.find((d) => d.name === name)?.value
