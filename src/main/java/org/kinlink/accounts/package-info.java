/** Staff users and their roles, first-run setup, login with a second factor, throttling and sessions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "storage" })
package org.kinlink.accounts;
