package org.kinlink.accounts.users;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;

import org.kinlink.accounts.StaffRole;

/** The roles an account should hold from now on. */
record RolesForm(@NotEmpty(message = "{accounts.users.rolesRequired}") Set<StaffRole> roles) {
}
