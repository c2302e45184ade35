/**
 * Playbooks: the supported subset of OASIS CACAO 2.0 (start, end, action, parallel and if-condition
 * steps; Hutong function invocations and manual commands; playbook variables) as the hub reads and
 * runs it. A playbook's workflow is a tree: every step is reached from at most one other step, so a run
 * executes each step at most once, and a branch of a parallel or if-condition step ends at its own end step.
 */
package org.hutong.function.domain.playbook;
