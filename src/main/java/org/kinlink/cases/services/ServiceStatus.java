package org.kinlink.cases.services;

/**
 * Where a service stands: planned, then active, then completed; planned or active services may be cancelled.
 * Completed and cancelled are final.
 */
public enum ServiceStatus {

	PLANNED, ACTIVE, COMPLETED, CANCELLED;

	/** Whether a service in this status may be saved with {@code next} (staying put is always allowed). */
	boolean mayBecome(ServiceStatus next) {
		if (next == this) {
			return true;
		}
		return switch (this) {
			case PLANNED -> next == ACTIVE || next == CANCELLED;
			case ACTIVE -> next == COMPLETED || next == CANCELLED;
			case COMPLETED, CANCELLED -> false;
		};
	}

}
