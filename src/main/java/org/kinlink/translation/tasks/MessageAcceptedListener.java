package org.kinlink.translation.tasks;

import org.kinlink.messages.MessageAccepted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Translation starts when intake accepts a message; the event registry retries until it succeeds. */
@Component
class MessageAcceptedListener {

	private final TaskOpening opening;

	MessageAcceptedListener(TaskOpening opening) {
		this.opening = opening;
	}

	@ApplicationModuleListener
	void on(MessageAccepted event) {
		opening.open(event.messageId(), event.language());
	}

}
