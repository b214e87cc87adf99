/**
 * Tracing requests from families (through the portal) and from staff: who is sought, who asks, the persons the
 * people module's matcher proposes, and the answer the family receives, which follows the found person's
 * recorded decision (S15): where they chose nothing, or were never found, the family gets the same neutral
 * answer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "accounts", "people", "cases" })
package org.kinlink.tracing;
