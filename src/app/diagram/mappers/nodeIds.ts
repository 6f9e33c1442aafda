// Ids of nodes that stand for a resource in one place among several (the inspector parses them back).

/** An Auto Scaling group is drawn once per subnet it launches into, like an AZ once per VPC. */
export const groupNodeId = (groupArn: string, subnetId: string): string => `${groupArn}/${subnetId}`

/** A capacity provider is drawn in each cluster it is associated with: FARGATE can be in many. */
export const capacityProviderNodeId = (clusterArn: string, name: string): string => `${clusterArn}/capacity-provider/${name}`
