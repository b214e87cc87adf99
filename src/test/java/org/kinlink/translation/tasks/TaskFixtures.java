package org.kinlink.translation.tasks;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Puts translation tasks into a wanted state for web and integration tests: letters come in through the
 * messages API and are accepted through the inbox pages; tasks move through the same service the pages use.
 * Built from the application context (with MockMvc) so tests in other packages need no package-private types.
 */
public final class TaskFixtures {

	private final ApplicationContext context;

	private final TaskRepository tasks;

	private final TranslationDesk desk;

	private TaskFixtures(ApplicationContext context) {
		this.context = context;
		this.tasks = context.getBean(TaskRepository.class);
		this.desk = context.getBean(TranslationDesk.class);
	}

	public static TaskFixtures from(ApplicationContext context) {
		return new TaskFixtures(context);
	}

	/**
	 * A letter received through the messages API, its addressee linked to a new person and accepted by intake;
	 * returns once the MessageAccepted listener opened the translation tasks and the message is in translation.
	 */
	public UUID acceptedLetter(String text) {
		UUID messageId = acceptLetter(text);
		FamilyMessages messages = context.getBean(FamilyMessages.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.find(messageId, TranslationTask.ALBANIAN).isPresent()
				&& tasks.find(messageId, TranslationTask.ENGLISH).isPresent()
				&& messages.summary(messageId).status() == MessageStatus.IN_TRANSLATION);
		return messageId;
	}

	/** A letter received and accepted by intake; returns at once (the listener runs after the commit). */
	public UUID acceptLetter(String text) {
		return acceptLetter(text, "fa");
	}

	/** As {@link #acceptLetter(String)}, for a letter written in the given language. */
	public UUID acceptLetter(String text, String language) {
		FamilyMessages messages = context.getBean(FamilyMessages.class);
		UUID messageId = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "علی احمدی",
				"Ali Ahmadi", "حسن", 1990, null, text, language));
		UUID personId = context.getBean(People.class)
			.create(new PersonDetails("علی احمدی", "Ali Ahmadi", "حسن", 1990, null));
		triage(messageId, personId);
		return messageId;
	}

	/** Intake links the addressee and accepts, through the inbox pages as an intake officer would. */
	private void triage(UUID messageId, UUID personId) {
		MockMvc mvc = context.getBean(MockMvc.class);
		try {
			mvc.perform(post("/staff/messages/{id}/person", messageId).param("personId", personId.toString())
				.with(user("ian").roles("INTAKE")).with(csrf())).andExpect(status().is3xxRedirection());
			mvc.perform(post("/staff/messages/{id}/accept", messageId).with(user("ian").roles("INTAKE")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		catch (Exception ex) {
			throw new IllegalStateException("intake could not accept the letter", ex);
		}
	}

	public TranslationTask task(UUID messageId, String target) {
		return tasks.find(messageId, target).orElseThrow();
	}

	public TranslationTask task(UUID taskId) {
		return tasks.find(taskId).orElseThrow();
	}

	public TranslationTask taken(UUID messageId, String target, String translator) {
		TranslationTask task = task(messageId, target);
		desk.take(task.id(), translator(translator));
		return task(task.id());
	}

	public TranslationTask translated(UUID messageId, String target, String translator, List<String> targets) {
		TranslationTask task = taken(messageId, target, translator);
		Submission submission = desk.submit(task.id(), translator(translator), targets, false, true);
		if (!submission.submitted()) {
			throw new IllegalStateException("fixture translation was not accepted: " + submission.findings());
		}
		return task(task.id());
	}

	public TranslationTask reviewed(UUID messageId, String target, String translator, String reviewer,
			List<String> targets) {
		TranslationTask task = translated(messageId, target, translator, targets);
		desk.markReviewed(task.id(), reviewer(reviewer));
		return task(task.id());
	}

	public static Staff translator(String name) {
		return new Staff(name, true, false);
	}

	public static Staff reviewer(String name) {
		return new Staff(name, false, true);
	}

}
