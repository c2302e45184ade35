/** Who writes to an inbound Kafka topic: the product an administrator bound it to, guarded by the cluster's ACLs. */
package org.hutong.security.interfaces.kafka;
