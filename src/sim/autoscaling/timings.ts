/**
 * How often a group looks at its instances and its capacity. AWS publishes no figure for the reaction time; activity
 * histories show launches about ten seconds after a capacity change, and an instance stopped or terminated outside the
 * group is replaced within a minute or so. Source: observation (published activity histories), not documentation.
 */
export const PASS_MS = 10_000

/** After a failed launch the group waits before trying again (User Guide: "Auto Scaling retries with back-off"). */
export const LAUNCH_RETRY_MS = 60_000
