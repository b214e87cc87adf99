/** Retention of closed cases: what has expired, crypto-shredding, and which authorities were notified. */
package org.kinlink.cases.retention;
