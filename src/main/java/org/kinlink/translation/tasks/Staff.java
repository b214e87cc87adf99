package org.kinlink.translation.tasks;

/** The signed-in staff member acting on translation tasks, with the two roles that matter here. */
public record Staff(String name, boolean translator, boolean reviewer) {
}
